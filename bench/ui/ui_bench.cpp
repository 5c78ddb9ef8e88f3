#include "ui_bench.hpp"

#include "run_config.hpp"
#include "script_player.hpp"
#include "session.hpp"
#include "visitor_script.hpp"

#include <chrono>
#include <ctime>
#include <sys/resource.h>

namespace ctrail::bench {

bool bench_ui(const platform::Options& o, int frames, UiBenchResult& r, std::string& error) {
    using namespace ctrail::platform;
    using clock = std::chrono::steady_clock;
    const auto t0 = clock::now();
    const RunConfig config = resolve_run_config(o);
    Session s;
    if (!s.open(config, error)) return false;
    s.frame(1.0 / 60);
    r.start_to_first_frame_s = std::chrono::duration<double>(clock::now() - t0).count();
    if (s.app->state().screen == ui::Screen::Unavailable) {
        error = "the exhibit is unavailable: " + s.app->state().unavailable_reason;
        return false;
    }
    // Walk to the last trail step (the busiest frame: every arc, bubble and label).
    const std::string script =
        script_to_screen("trail") + "tap next\nsettle\ntap next\nsettle\ntap next\nsettle\n";
    double now = 0;
    if (play(s, parse_script(script, "bench"), {"bench", "", "", {}}, &now) != 0 ||
        s.app->state().screen != ui::Screen::Trail) {
        error = "could not reach the trail screen";
        return false;
    }
    timespec c0{}, c1{};
    double cpu = 0, wall = 0;
    for (int i = 0; i < frames; ++i) {
        now += 1.0 / 60;
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &c0);
        const auto w0 = clock::now();
        s.build(now);
        wall += std::chrono::duration<double>(clock::now() - w0).count();
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &c1);
        cpu += double(c1.tv_sec - c0.tv_sec) + double(c1.tv_nsec - c0.tv_nsec) * 1e-9;
        s.platform.rasterise(); // not timed: the renderer's work
    }
    r.frames = frames;
    r.trail_frame_cpu_ms = cpu / frames * 1e3;
    r.trail_frame_wall_ms = wall / frames * 1e3;
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    r.peak_rss_kb = ru.ru_maxrss;
    return true;
}

} // namespace ctrail::bench
