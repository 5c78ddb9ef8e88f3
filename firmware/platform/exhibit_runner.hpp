// Runs the exhibit: resolves config and asset paths, opens the platform, loads the app, then
// either the kiosk loop (real clock, real touches, systemd notify + watchdog) or a scripted
// visitor (simulated clock, injected SDL touch events, screenshots and state files).
#pragma once

#include "options.hpp"

#include <functional>
#include <string>

namespace ctrail::platform {

// The whole program after argument parsing; returns the process exit code.
int run_exhibit(const Options& options);

// Log through the kiosk logger when linked, else plain stderr. level: 3 error .. 7 debug.
void log_line(int level, const std::string& message);

// Start-up probe for bench/ui: time from entry to the first presented frame, in seconds, and the
// CPU time of building the trail frame (UI + draw lists, no rasterisation), averaged over
// `frames` frames at the given size. Returns false (with `error`) when the model is missing.
struct UiBenchResult {
    double start_to_first_frame_s = 0;
    double trail_frame_cpu_ms = 0;
    double trail_frame_wall_ms = 0;
    int frames = 0;
    long peak_rss_kb = 0;
};
bool bench_ui(const Options& options, int frames, UiBenchResult& result, std::string& error);

} // namespace ctrail::platform
