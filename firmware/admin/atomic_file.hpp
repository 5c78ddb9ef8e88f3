// Writes a whole file so that a reader (or a power cut) sees the old content or the new, never a
// half: a temporary beside it, fsync, rename over, fsync the folder. The steps go through
// FileSteps so a test can cut the power or fail the disk at each of them
// (tests/storage/test_settings_powercut.cpp).
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <sys/types.h>

namespace ctrail::admin {

// The system calls the atomic writer makes; each returns -1 with errno set on failure.
class FileSteps {
  public:
    virtual ~FileSteps() = default;
    virtual int create(const std::string& path) = 0; // write-only, created or truncated: an fd
    virtual ssize_t write(int fd, const char* data, std::size_t n) = 0;
    virtual int fsync(int fd) = 0;
    virtual int close(int fd) = 0;
    virtual int rename(const std::string& from, const std::string& to) = 0;
    virtual int fsync_folder(const std::string& folder) = 0;
    virtual int unlink(const std::string& path) = 0;
};

// The real ones (open, write, fsync, close, rename, fsync of the folder, unlink).
FileSteps& system_file_steps();

// False with `error` naming the file, the step and the cause in words ("the disk is full", "the
// folder is read-only"); the old file is then untouched and no temporary is left. A temporary a
// power cut left behind (PATH.tmp) is never read, and the next write replaces it.
bool write_file_atomically(const std::filesystem::path& path, std::string_view content,
                           std::string& error, FileSteps& steps = system_file_steps());

} // namespace ctrail::admin
