// The write test creates and removes a real file: access(W_OK) is true for root even on a
// folder it cannot use, while an actual create also catches a read-only (overlay) mount.
#include "kiosk/data_dir.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <pwd.h>
#include <system_error>
#include <unistd.h>

namespace ctrail::kiosk {

namespace fs = std::filesystem;

namespace {

std::string user_name() {
    if (const passwd* pw = getpwuid(geteuid())) return pw->pw_name;
    return "uid " + std::to_string(geteuid());
}

std::string fix_hint(const fs::path& dir) {
    return " (the package creates it for user 'carbontrail'; by hand: sudo install -d -o "
           "carbontrail -g carbontrail " +
           dir.string() + ", or set data_dir in /etc/carbontrail/kiosk.conf or " + kDataDirEnv +
           ")";
}

} // namespace

fs::path resolve_data_dir(const fs::path& explicit_dir, const fs::path& configured) {
    if (!explicit_dir.empty()) return explicit_dir;
    const char* env = std::getenv(kDataDirEnv);
    if (env != nullptr && *env != '\0') return fs::path(env);
    return configured.empty() ? fs::path(kDefaultDataDir) : configured;
}

std::optional<DataDir> DataDir::open(const fs::path& dir_in, std::string& error) {
    if (dir_in.empty()) {
        error = "data folder: no path given";
        return std::nullopt;
    }
    std::error_code ec;
    const fs::path dir = fs::absolute(dir_in, ec).lexically_normal();
    if (ec) {
        error = "data folder " + dir_in.string() + ": " + ec.message();
        return std::nullopt;
    }
    if (fs::exists(dir, ec) && !fs::is_directory(dir, ec)) {
        error = "data folder " + dir.string() + " exists but is not a folder";
        return std::nullopt;
    }
    fs::create_directories(dir, ec);
    if (ec) {
        error = "data folder " + dir.string() + " cannot be created by user " + user_name() + ": " +
                ec.message() + fix_hint(dir);
        return std::nullopt;
    }
    const fs::path probe = dir / (".write-test-" + std::to_string(getpid()));
    const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        const int err = errno;
        error = "data folder " + dir.string() + " is not writable by user " + user_name() + ": " +
                std::strerror(err) + fix_hint(dir);
        return std::nullopt;
    }
    ::close(fd);
    ::unlink(probe.c_str());
    return DataDir(dir);
}

std::optional<fs::path> DataDir::file(std::string_view relative, std::string& error) const {
    const fs::path rel(relative);
    if (relative.empty() || rel.is_absolute()) {
        error = "data file '" + std::string(relative) + "': must be a relative path inside " +
                root_.string();
        return std::nullopt;
    }
    for (const auto& part : rel) {
        if (part == "..") {
            error = "data file '" + std::string(relative) + "': '..' would leave " + root_.string();
            return std::nullopt;
        }
    }
    const fs::path full = (root_ / rel).lexically_normal();
    std::error_code ec;
    fs::create_directories(full.parent_path(), ec);
    if (ec) {
        error = "data file " + full.string() + ": cannot create its folder: " + ec.message();
        return std::nullopt;
    }
    return full;
}

} // namespace ctrail::kiosk
