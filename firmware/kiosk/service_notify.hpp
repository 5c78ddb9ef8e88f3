// The systemd service-manager notification protocol (sd_notify(3)), with a few lines of socket
// code rather than libsystemd: one AF_UNIX datagram per message to $NOTIFY_SOCKET (a path, or
// an abstract name written with a leading '@'). No library to link or ship, and the exact same
// code runs under a test's fake socket. Without $NOTIFY_SOCKET (a terminal, the tests, the
// headless tour) every call is a no-op returning false.
//
// What firmware/main.cpp must do:
//   auto notifier = ServiceNotifier::from_environment();
//   main loop, once per frame AFTER SDL_RenderPresent:
//       if (first frame presented) notifier.ready();   // READY=1 + STATUS=showing attract
//       notifier.watchdog();                           // WATCHDOG=1, at most every WATCHDOG_USEC/2
//     The heartbeat must come from the render loop (not a timer thread) so a frozen UI stops it
//     and systemd (WatchdogSec in carbontrail.service) restarts the program.
//   notifier.status("...") on notable state changes (model loaded, fallback renderer).
//   On SIGTERM/SIGINT (set a flag in the handler, leave the loop): notifier.stopping(), then
//   clean up and return 0.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace ctrail::kiosk {

class ServiceNotifier {
  public:
    using Clock = std::chrono::steady_clock;

    // Reads $NOTIFY_SOCKET, $WATCHDOG_USEC and $WATCHDOG_PID (the watchdog is ours only when
    // WATCHDOG_PID is unset or equals getpid()).
    static ServiceNotifier from_environment();

    ServiceNotifier() = default; // disabled
    ServiceNotifier(std::string socket_address, std::chrono::microseconds watchdog_timeout);

    bool enabled() const { return !address_.empty(); }
    const std::string& socket_address() const { return address_; }
    std::chrono::microseconds watchdog_timeout() const { return watchdog_timeout_; }
    // Half the watchdog timeout (zero when there is no watchdog).
    std::chrono::microseconds heartbeat_interval() const { return watchdog_timeout_ / 2; }

    // READY=1 (sent once; later calls return false without sending).
    bool ready(std::string_view status = "running");
    // WATCHDOG=1 when no heartbeat was sent in the last heartbeat_interval(). True when sent.
    bool watchdog(Clock::time_point now = Clock::now());
    bool stopping();                    // STOPPING=1
    bool status(std::string_view text); // STATUS=text (newlines replaced by spaces)
    // Any message, e.g. "RELOADING=1". True when the whole datagram was sent.
    bool send(std::string_view message);

    int sent_count() const { return sent_; }
    bool is_ready() const { return ready_sent_; }

  private:
    std::string address_;
    std::chrono::microseconds watchdog_timeout_{0};
    bool ready_sent_ = false;
    bool heartbeat_sent_ = false;
    Clock::time_point last_heartbeat_{};
    int sent_ = 0;
};

} // namespace ctrail::kiosk
