#include "exhibit_runner.hpp"

#include "headless_mode.hpp"
#include "kiosk_mode.hpp"
#include "log.hpp"
#include "monkey.hpp"
#include "run_config.hpp"
#include "session.hpp"
#include "stop_signal.hpp"
#include "visitor_script.hpp"

namespace ctrail::platform {

int run_exhibit(const Options& o) {
    install_stop_handlers(); // before SDL starts: SDL then keeps its hands off them
    const RunConfig config = resolve_run_config(o);
    Session s;
    std::string error;
    if (!s.open(config, error)) {
        if (!o.headless && !o.or_tour_dir.empty()) {
            log_line(4, "no display (" + error + "): playing the headless tour into " +
                            o.or_tour_dir + " instead");
            s.platform.close();
            Options tour = o;
            tour.headless = true;
            tour.tour_dir = o.or_tour_dir;
            if (!tour.size) tour.size = CanvasSize{800, 480};
            return run_exhibit(tour);
        }
        log_line(3, error);
        return 1;
    }
    try {
        if (config.mode == RunMode::Headless && o.monkey_frames) return run_monkey(s, config, o);
        return config.mode == RunMode::Headless ? run_headless(s, o) : run_on_display(s, config, o);
    } catch (const ScriptError& e) {
        log_line(3, e.what());
        return 2;
    }
}

} // namespace ctrail::platform
