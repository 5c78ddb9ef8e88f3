#include "admin/atomic_file.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace ctrail::admin {

namespace {

class SystemSteps : public FileSteps {
  public:
    int create(const std::string& path) override {
        return ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
    }
    ssize_t write(int fd, const char* data, std::size_t n) override { return ::write(fd, data, n); }
    int fsync(int fd) override { return ::fsync(fd); }
    int close(int fd) override { return ::close(fd); }
    int rename(const std::string& from, const std::string& to) override {
        return ::rename(from.c_str(), to.c_str());
    }
    int fsync_folder(const std::string& folder) override {
        const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd < 0) return -1;
        const int rc = ::fsync(fd);
        const int saved = errno;
        ::close(fd);
        errno = saved;
        return rc;
    }
    int unlink(const std::string& path) override { return ::unlink(path.c_str()); }
};

// What staff read on the admin page: the cause in words, then the system's own.
std::string cause(int err) {
    const std::string sys = std::strerror(err);
    switch (err) {
    case ENOSPC:
    case EDQUOT:
        return "the disk is full (" + sys + ")";
    case EROFS:
        return "the data folder is read-only (" + sys + ")";
    case EIO:
        return "the card reported an input/output error (" + sys + ")";
    default:
        return sys;
    }
}

} // namespace

FileSteps& system_file_steps() {
    static SystemSteps steps;
    return steps;
}

bool write_file_atomically(const std::filesystem::path& path, std::string_view content,
                           std::string& error, FileSteps& steps) {
    const std::string tmp = path.string() + ".tmp";
    auto fail = [&](const char* what, int fd) {
        const int err = errno;
        error = path.string() + ": cannot " + what + ": " + cause(err);
        if (fd >= 0) steps.close(fd);
        steps.unlink(tmp);
        return false;
    };
    const int fd = steps.create(tmp);
    if (fd < 0) return fail("create a temporary file", -1);
    for (std::size_t done = 0; done < content.size();) {
        const ssize_t n = steps.write(fd, content.data() + done, content.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            return fail("write", fd);
        }
        done += std::size_t(n);
    }
    if (steps.fsync(fd) != 0) return fail("sync", fd);
    if (steps.close(fd) != 0) return fail("close", -1);
    if (steps.rename(tmp, path.string()) != 0) return fail("replace", -1);
    // The rename itself reaches the disk with the folder's sync. Should that fail, the new
    // content is already in place (a cut now may bring back the old one, never a half), so
    // the write counts as done.
    steps.fsync_folder(path.has_parent_path() ? path.parent_path().string() : ".");
    return true;
}

} // namespace ctrail::admin
