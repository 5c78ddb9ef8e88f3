#include "admin/atomic_file.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace ctrail::admin {

bool write_file_atomically(const std::filesystem::path& path, std::string_view content,
                           std::string& error) {
    const std::string tmp = path.string() + ".tmp";
    auto fail = [&](const char* what, int fd) {
        error = path.string() + ": cannot " + what + ": " + std::strerror(errno);
        if (fd >= 0) ::close(fd);
        ::unlink(tmp.c_str());
        return false;
    };
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
    if (fd < 0) return fail("create a temporary file", -1);
    for (std::size_t done = 0; done < content.size();) {
        const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            return fail("write", fd);
        }
        done += std::size_t(n);
    }
    if (::fsync(fd) != 0) return fail("sync", fd);
    if (::close(fd) != 0) return fail("close", -1);
    if (::rename(tmp.c_str(), path.c_str()) != 0) return fail("replace", -1);
    // The rename itself reaches the disk with the folder's sync.
    const std::string dir = path.has_parent_path() ? path.parent_path().string() : ".";
    if (const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    return true;
}

} // namespace ctrail::admin
