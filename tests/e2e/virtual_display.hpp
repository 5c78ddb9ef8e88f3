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

// A private X server (Xvfb, started here and stopped with the test), for the kiosk loop.
class VirtualDisplay {
  public:
    explicit VirtualDisplay(std::string log) : log_(std::move(log)) {
        // A display of its own (by process id): Xvfb's own search for a free one races with a
        // parallel test's server.
        const int number = 1000 + ::getpid() % 20000;
        display_ = ":" + std::to_string(number);
        pid_ = ::fork();
        REQUIRE(pid_ >= 0);
        if (pid_ == 0) {
            const int out = ::open(log_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            ::dup2(out, 1);
            ::dup2(out, 2);
            ::execlp("Xvfb", "Xvfb", display_.c_str(), "-screen", "0", "800x480x24", "-nolisten",
                     "tcp", static_cast<char*>(nullptr));
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
    const std::string& display() const { return display_; }

  private:
    std::string log_;
    pid_t pid_ = -1;
    std::string display_;
};

} // namespace e2e
