// The sd_notify protocol against a fake service manager: a datagram socket bound in a temporary
// folder (or in the abstract namespace) whose address goes into NOTIFY_SOCKET, as systemd does.
#include "kiosk/service_notify.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <optional>
#include <poll.h>
#include <stddef.h>
#include <string>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace ctrail::kiosk;
using namespace std::chrono_literals;

namespace {

class FakeServiceManager {
  public:
    // abstract: bind "\0name" and advertise "@name"; otherwise a socket file in a temp dir.
    explicit FakeServiceManager(bool abstract) {
        fd_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        REQUIRE(fd_ >= 0);
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        socklen_t len = 0;
        const std::string tag =
            "ctrail-notify-" + std::to_string(getpid()) + "-" + std::to_string(counter_++);
        if (abstract) {
            address_ = "@" + tag;
            std::memcpy(addr.sun_path + 1, tag.data(), tag.size());
            len = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + 1 + tag.size());
        } else {
            dir_ = std::filesystem::temp_directory_path() / tag;
            std::filesystem::create_directories(dir_);
            address_ = (dir_ / "notify").string();
            std::memcpy(addr.sun_path, address_.c_str(), address_.size() + 1);
            len = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + address_.size() + 1);
        }
        REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&addr), len) == 0);
    }
    ~FakeServiceManager() {
        ::close(fd_);
        if (!dir_.empty()) std::filesystem::remove_all(dir_);
    }
    const std::string& address() const { return address_; }

    // The next datagram, or nullopt if none arrives within the wait.
    std::optional<std::string> receive(int wait_ms = 1000) {
        pollfd p{fd_, POLLIN, 0};
        if (::poll(&p, 1, wait_ms) != 1) return std::nullopt;
        char buf[4096];
        const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
        if (n < 0) return std::nullopt;
        return std::string(buf, static_cast<size_t>(n));
    }

  private:
    static inline int counter_ = 0;
    int fd_ = -1;
    std::string address_;
    std::filesystem::path dir_;
};

struct EnvGuard {
    ~EnvGuard() {
        ::unsetenv("NOTIFY_SOCKET");
        ::unsetenv("WATCHDOG_USEC");
        ::unsetenv("WATCHDOG_PID");
    }
};

} // namespace

TEST_CASE("without NOTIFY_SOCKET every call is a harmless no-op") {
    EnvGuard guard;
    ::unsetenv("NOTIFY_SOCKET");
    ServiceNotifier n = ServiceNotifier::from_environment();
    CHECK_FALSE(n.enabled());
    CHECK_FALSE(n.ready());
    CHECK_FALSE(n.watchdog());
    CHECK_FALSE(n.stopping());
    CHECK(n.sent_count() == 0);
}

TEST_CASE("READY, STATUS, WATCHDOG and STOPPING reach a socket-file NOTIFY_SOCKET") {
    EnvGuard guard;
    FakeServiceManager manager(false);
    ::setenv("NOTIFY_SOCKET", manager.address().c_str(), 1);
    ::setenv("WATCHDOG_USEC", "20000000", 1); // WatchdogSec=20
    ::setenv("WATCHDOG_PID", std::to_string(getpid()).c_str(), 1);

    ServiceNotifier n = ServiceNotifier::from_environment();
    REQUIRE(n.enabled());
    CHECK(n.watchdog_timeout() == 20s);
    CHECK(n.heartbeat_interval() == 10s);

    CHECK(n.ready("showing attract"));
    CHECK(manager.receive() == "READY=1\nSTATUS=showing attract");
    CHECK_FALSE(n.ready()); // only once
    CHECK_FALSE(manager.receive(50));

    CHECK(n.status("model china-2007\nloaded"));
    CHECK(manager.receive() == "STATUS=model china-2007 loaded");

    CHECK(n.watchdog());
    CHECK(manager.receive() == "WATCHDOG=1");

    CHECK(n.stopping());
    CHECK(manager.receive() == "STOPPING=1");
    CHECK(n.sent_count() == 4);
}

TEST_CASE("an abstract '@' NOTIFY_SOCKET works") {
    EnvGuard guard;
    FakeServiceManager manager(true);
    ::setenv("NOTIFY_SOCKET", manager.address().c_str(), 1);
    ServiceNotifier n = ServiceNotifier::from_environment();
    CHECK(n.ready(""));
    CHECK(manager.receive() == "READY=1");
}

TEST_CASE("the heartbeat is rate-limited to half of WATCHDOG_USEC") {
    EnvGuard guard;
    FakeServiceManager manager(false);
    ServiceNotifier n(manager.address(), 2s); // heartbeat at most every 1 s
    const auto t0 = ServiceNotifier::Clock::now();

    CHECK(n.watchdog(t0)); // the first frame always beats
    CHECK(manager.receive() == "WATCHDOG=1");
    int sent = 0;
    // 60 fps for just under one second: no further datagram.
    for (int frame = 1; frame < 60; ++frame) sent += n.watchdog(t0 + frame * 16ms) ? 1 : 0;
    CHECK(sent == 0);
    CHECK_FALSE(manager.receive(50));
    CHECK(n.watchdog(t0 + 1s));
    CHECK(manager.receive() == "WATCHDOG=1");
    CHECK_FALSE(n.watchdog(t0 + 1500ms));
    CHECK(n.watchdog(t0 + 2100ms));
    CHECK(manager.receive() == "WATCHDOG=1");
}

TEST_CASE("a watchdog meant for another process, or none, sends no heartbeat") {
    EnvGuard guard;
    FakeServiceManager manager(false);
    ::setenv("NOTIFY_SOCKET", manager.address().c_str(), 1);
    ::setenv("WATCHDOG_USEC", "4000000", 1);
    ::setenv("WATCHDOG_PID", std::to_string(getpid() + 1).c_str(), 1);
    ServiceNotifier other = ServiceNotifier::from_environment();
    CHECK(other.enabled());
    CHECK(other.watchdog_timeout() == 0us);
    CHECK_FALSE(other.watchdog());

    ::unsetenv("WATCHDOG_PID");
    ::setenv("WATCHDOG_USEC", "garbage", 1);
    CHECK_FALSE(ServiceNotifier::from_environment().watchdog());
    CHECK_FALSE(manager.receive(50));
}

TEST_CASE("a vanished manager socket fails softly and the heartbeat retries") {
    EnvGuard guard;
    std::string address;
    {
        FakeServiceManager gone(false);
        address = gone.address();
    }
    ServiceNotifier n(address, 2s);
    CHECK(n.enabled());
    CHECK_FALSE(n.ready());
    CHECK_FALSE(n.is_ready());
    CHECK_FALSE(n.watchdog());
    CHECK(n.sent_count() == 0);
    CHECK_FALSE(ServiceNotifier("relative/path", 0s).send("READY=1"));
}
