#include "admin/system_actions.hpp"

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace ctrail::admin {

bool run_command(const std::vector<std::string>& argv, std::string& error) {
    if (argv.empty()) {
        error = "no command";
        return false;
    }
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    int pipe_fd[2];
    if (::pipe2(pipe_fd, O_CLOEXEC) != 0) {
        error = argv[0] + ": " + std::strerror(errno);
        return false;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipe_fd[1], 1);
    posix_spawn_file_actions_adddup2(&actions, pipe_fd[1], 2);
    pid_t pid = 0;
    const int rc = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(pipe_fd[1]);
    std::string output;
    if (rc == 0) {
        char buf[512];
        for (ssize_t n; (n = ::read(pipe_fd[0], buf, sizeof buf)) != 0;) {
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) break;
            output.append(buf, std::size_t(n));
            if (output.size() > 4096) output.erase(0, output.size() - 4096); // the last lines
        }
    }
    ::close(pipe_fd[0]);
    std::string command;
    for (const auto& a : argv) command += (command.empty() ? "" : " ") + a;
    if (rc != 0) {
        error = command + ": cannot start: " + std::strerror(rc);
        return false;
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return true;
    // Where spawning cannot report a failed exec (qemu-user runs it in a forked child), the
    // child exits 127 with nothing said: the same "cannot start" as a refused spawn.
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127 && output.empty()) {
        error = command + ": cannot start: " + std::strerror(ENOENT);
        return false;
    }
    while (!output.empty() && (output.back() == '\n' || output.back() == ' ')) output.pop_back();
    error = command +
            (WIFEXITED(status) ? ": exit status " + std::to_string(WEXITSTATUS(status))
                               : std::string(": killed by a signal")) +
            (output.empty() ? "" : ": " + output);
    return false;
}

bool SystemdActions::restart_exhibit(std::string&) {
    restart_requested_ = true;
    return true;
}

bool SystemdActions::reboot(std::string& error) {
    // logind, as the unprivileged user: polkit's rule (carbontrail.rules) allows it.
    return run_command({"systemctl", "reboot"}, error);
}

bool SystemdActions::power_off(std::string& error) {
    return run_command({"systemctl", "poweroff"}, error);
}

bool SystemdActions::set_time(const std::string& local_time, std::string& error) {
    if (run_command({"timedatectl", "set-time", local_time}, error)) return true;
    // timedated refuses while time synchronisation is on (Debian's default, even offline):
    // switch it off for the change and on again, so a network, when there is one, still wins.
    if (error.find("synchronization is enabled") == std::string::npos) return false;
    if (!run_command({"timedatectl", "set-ntp", "false"}, error)) return false;
    const bool ok = run_command({"timedatectl", "set-time", local_time}, error);
    std::string ignored;
    run_command({"timedatectl", "set-ntp", "true"}, ignored);
    return ok;
}

std::string systemd_escape_path(const std::string& path) {
    // systemd.unit(5) "String Escaping" for paths, as `systemd-escape --path`: no leading,
    // trailing or doubled '/', each remaining '/' a '-', other bytes outside [A-Za-z0-9:_.]
    // (and a leading '.') as \xNN; the root alone is "-".
    std::string trimmed;
    for (std::size_t i = 0; i < path.size(); ++i)
        if (path[i] != '/' || (!trimmed.empty() && trimmed.back() != '/')) trimmed += path[i];
    while (!trimmed.empty() && trimmed.back() == '/') trimmed.pop_back();
    if (trimmed.empty()) return "-";
    std::string out;
    for (std::size_t i = 0; i < trimmed.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(trimmed[i]);
        if (c == '/') {
            out += '-';
        } else if (std::isalnum(c) || c == ':' || c == '_' || (c == '.' && i > 0)) {
            out += char(c);
        } else {
            char hex[5];
            std::snprintf(hex, sizeof hex, "\\x%02x", c);
            out += hex;
        }
    }
    return out;
}

bool SystemdActions::install_update(const std::filesystem::path& file, std::string& error) {
    // The exhibit's own unit has NoNewPrivileges: the update runs as root in its own unit
    // (carbontrail-update@.service), which polkit lets this user start and nothing else. It
    // outlives the exhibit's restart; its outcome is in /var/lib/carbontrail/update-status.
    return run_command({"systemctl", "start", "--no-block",
                        "carbontrail-update@" + systemd_escape_path(file.string()) + ".service"},
                       error);
}

} // namespace ctrail::admin
