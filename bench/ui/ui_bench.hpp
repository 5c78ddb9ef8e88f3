// The exhibit's budgets, measured on the real program path (run_config, Session, the visitor
// script player) with the SDL dummy driver: time from entry to the first presented frame, and
// the CPU time of building the trail frame (UI + draw lists, no rasterisation).
#pragma once

#include "options.hpp"

#include <string>

namespace ctrail::bench {

struct UiBenchResult {
    double start_to_first_frame_s = 0;
    double trail_frame_cpu_ms = 0;
    double trail_frame_wall_ms = 0;
    int frames = 0;
    long peak_rss_kb = 0;
};

// Averages over `frames` frames of the last trail step. False (with `error`) when the model is
// missing or the trail cannot be reached.
bool bench_ui(const platform::Options& options, int frames, UiBenchResult& result,
              std::string& error);

} // namespace ctrail::bench
