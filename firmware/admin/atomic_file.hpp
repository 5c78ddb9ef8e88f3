// Writes a whole file so that a reader (or a power cut) sees the old content or the new, never a
// half: a temporary beside it, fsync, rename over, fsync the folder.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace ctrail::admin {

// False with `error` naming the file and the system error; the old file is then untouched.
bool write_file_atomically(const std::filesystem::path& path, std::string_view content,
                           std::string& error);

} // namespace ctrail::admin
