#include "kiosk_mode.hpp"

#include "log.hpp"
#include "stop_signal.hpp"

#include "kiosk/data_dir.hpp"
#include "kiosk/service_notify.hpp"

#include <chrono>

namespace ctrail::platform {

int run_on_display(Session& s, const RunConfig& config, const Options& o) {
    kiosk::ServiceNotifier notifier = kiosk::ServiceNotifier::from_environment();
    if (!config.data_dir.empty()) {
        std::string err;
        auto dir = kiosk::DataDir::open(
            kiosk::resolve_data_dir(config.data_dir, kiosk::kDefaultDataDir), err);
        if (!dir) log_line(3, err + " (running without saving anything)");
    }
    using clock = std::chrono::steady_clock;
    const auto t0 = clock::now();
    int frames = 0;
    while (!s.quit && !stop_signal()) {
        const auto start = clock::now();
        const double now = std::chrono::duration<double>(start - t0).count() * config.time_scale;
        s.frame(now);
        ++frames;
        if (frames == 1)
            notifier.ready(s.app->state().screen == ui::Screen::Unavailable
                               ? "unavailable: " + s.app->state().unavailable_reason
                               : "showing attract");
        notifier.watchdog(); // from the render loop: a frozen UI stops the heartbeat
        if (o.max_frames && frames >= *o.max_frames) break;
        if (s.admin->restart_requested()) { // admin mode: systemd (Restart=always) starts it again
            log_line(5, "restarting: asked in admin mode");
            break;
        }
        // At most ~60 frames a second where the renderer does not wait for vsync; four a second
        // while the display is off outside the opening hours (black, nothing to animate).
        const auto period = std::chrono::milliseconds(s.app->state().display_off ? 250 : 16);
        const auto spent = clock::now() - start;
        if (spent < period)
            SDL_Delay(Uint32(
                std::chrono::duration_cast<std::chrono::milliseconds>(period - spent).count()));
    }
    notifier.stopping();
    const int sig = stop_signal();
    log_line(sig ? 5 : 6, "stopping after " + std::to_string(frames) + " frames" +
                              (sig ? std::string(" (") + stop_signal_name(sig) + ")" : ""));
    return sig && config.mode != RunMode::Kiosk ? 128 + sig : 0;
}

} // namespace ctrail::platform
