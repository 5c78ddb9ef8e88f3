// sd_notify(3) without libsystemd: the protocol is one datagram of newline-separated
// KEY=VALUE assignments on an AF_UNIX socket whose address is in $NOTIFY_SOCKET ('@' = Linux
// abstract namespace, i.e. a leading NUL byte in sun_path).
#include "kiosk/service_notify.hpp"

#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace ctrail::kiosk {

ServiceNotifier ServiceNotifier::from_environment() {
    const char* socket = std::getenv("NOTIFY_SOCKET");
    if (socket == nullptr || *socket == '\0') return {};
    std::chrono::microseconds timeout{0};
    const char* usec = std::getenv("WATCHDOG_USEC");
    const char* pid = std::getenv("WATCHDOG_PID");
    const bool watchdog_is_ours =
        pid == nullptr || *pid == '\0' || std::strtoll(pid, nullptr, 10) == getpid();
    if (usec != nullptr && watchdog_is_ours) {
        char* end = nullptr;
        const long long v = std::strtoll(usec, &end, 10);
        if (end != usec && *end == '\0' && v > 0) timeout = std::chrono::microseconds(v);
    }
    return ServiceNotifier(socket, timeout);
}

ServiceNotifier::ServiceNotifier(std::string socket_address,
                                 std::chrono::microseconds watchdog_timeout)
    : address_(std::move(socket_address)), watchdog_timeout_(watchdog_timeout) {}

bool ServiceNotifier::send(std::string_view message) {
    if (address_.empty()) return false;
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    if (address_.size() >= sizeof(addr.sun_path)) return false;
    std::memcpy(addr.sun_path, address_.data(), address_.size());
    socklen_t len = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + address_.size());
    if (address_[0] == '@') {
        addr.sun_path[0] = '\0'; // abstract: the name's length is exact, no terminating NUL
    } else if (address_[0] == '/') {
        len += 1; // include the terminating NUL of a path
    } else {
        return false; // systemd only ever passes absolute paths or '@' names
    }

    const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return false;
    const ssize_t n = ::sendto(fd, message.data(), message.size(), MSG_NOSIGNAL,
                               reinterpret_cast<const sockaddr*>(&addr), len);
    ::close(fd);
    if (n != static_cast<ssize_t>(message.size())) return false;
    ++sent_;
    return true;
}

bool ServiceNotifier::ready(std::string_view status_text) {
    if (ready_sent_ || !enabled()) return false;
    std::string msg = "READY=1";
    if (!status_text.empty()) {
        msg += "\nSTATUS=";
        msg += status_text;
    }
    ready_sent_ = send(msg);
    return ready_sent_;
}

bool ServiceNotifier::watchdog(Clock::time_point now) {
    if (!enabled() || watchdog_timeout_.count() <= 0) return false;
    if (heartbeat_sent_ && now - last_heartbeat_ < heartbeat_interval()) return false;
    if (!send("WATCHDOG=1")) return false;
    heartbeat_sent_ = true;
    last_heartbeat_ = now;
    return true;
}

bool ServiceNotifier::stopping() {
    return send("STOPPING=1");
}

bool ServiceNotifier::status(std::string_view text) {
    std::string msg = "STATUS=";
    for (char c : text) msg += (c == '\n' || c == '\r') ? ' ' : c;
    return send(msg);
}

} // namespace ctrail::kiosk
