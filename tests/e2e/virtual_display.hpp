// A private X server (Xvfb) for tests that need a real display: the kiosk loop, the window run
// mode. Header-only; used by hostile_tests and e2e_tests.
#pragma once

#include <doctest/doctest.h>

#include <csignal>
#include <fcntl.h>
#include <filesystem>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace e2e {

// A private X server (Xvfb, no window manager), started here and stopped with the object.
class VirtualDisplay {
  public:
    // screen: Xvfb's WIDTHxHEIGHTxDEPTH. Its root is white (-wr), so what no window covers shows.
    explicit VirtualDisplay(std::string log, const std::string& screen = "800x480x24")
        : log_(std::move(log)) {
        // A display of its own (by process id and count): Xvfb's own search for a free one
        // races with a parallel test's server.
        static int started = 0;
        const int number = 1000 + (::getpid() * 4 + started++ % 4) % 40000;
        display_ = ":" + std::to_string(number);
        pid_ = ::fork();
        REQUIRE(pid_ >= 0);
        if (pid_ == 0) {
            const int out = ::open(log_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            ::dup2(out, 1);
            ::dup2(out, 2);
            ::execlp("Xvfb", "Xvfb", display_.c_str(), "-screen", "0", screen.c_str(), "-wr",
                     "-nolisten", "tcp", static_cast<char*>(nullptr));
            ::_exit(127);
        }
        // Ready when its socket exists.
        const std::string socket = "/tmp/.X11-unix/X" + std::to_string(number);
        for (int i = 0; i < 1000 && !std::filesystem::exists(socket); ++i) ::usleep(10000);
        REQUIRE_MESSAGE(std::filesystem::exists(socket),
                        "Xvfb did not start (install xvfb: scripts/setup.sh); see " << log_);
        ::usleep(100000); // listening follows the socket's creation
    }
    ~VirtualDisplay() {
        ::kill(pid_, SIGTERM);
        ::waitpid(pid_, nullptr, 0);
    }
    VirtualDisplay(const VirtualDisplay&) = delete;
    VirtualDisplay& operator=(const VirtualDisplay&) = delete;
    const std::string& display() const { return display_; }

  private:
    std::string log_;
    pid_t pid_ = -1;
    std::string display_;
};

} // namespace e2e
