// bench_ui: numbers for the exhibit's budgets (docs: < 2 ms CPU per frame on the trail screen at
// 1920x1080 for UI build + draw lists, rasterisation excluded; < 1 s from start to the first
// frame; < 80 MB peak resident memory). Runs the real program path headless.
#include "options.hpp"
#include "ui_bench.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    using namespace ctrail::platform;
    using ctrail::bench::UiBenchResult;
    std::vector<std::string> args;
    int frames = 300;
    bool sized = false;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--frames" && i + 1 < argc)
            frames = std::max(1, std::atoi(argv[++i]));
        else {
            if (a == "--size") sized = true;
            args.push_back(a);
        }
    }
    args.push_back("--headless");
    if (!sized) args.insert(args.end(), {"--size", "1920x1080"});
    Options options;
    try {
        options = parse_options(args);
    } catch (const UsageError& e) {
        std::fprintf(stderr,
                     "bench_ui: %s\nusage: bench_ui [--size WxH] [--frames N] [--model FILE]\n",
                     e.what());
        return 2;
    }
    UiBenchResult r;
    std::string error;
    if (!ctrail::bench::bench_ui(options, frames, r, error)) {
        std::fprintf(stderr, "bench_ui: %s\n", error.c_str());
        return 1;
    }
    std::printf("== ui (%dx%d, trail screen, last step, %d frames)\n", options.size->width,
                options.size->height, r.frames);
    std::printf("%-58s %12.4f %-5s %s\n", "ui: trail frame CPU (UI build + draw lists)",
                r.trail_frame_cpu_ms, "ms", "target < 2 ms");
    std::printf("%-58s %12.4f %-5s\n", "ui: trail frame wall time (same work)",
                r.trail_frame_wall_ms, "ms");
    std::printf("%-58s %12.4f %-5s %s\n", "ui: start to first frame",
                r.start_to_first_frame_s * 1e3, "ms", "target < 1000 ms");
    std::printf("%-58s %12.4f %-5s %s\n", "ui: peak resident memory", r.peak_rss_kb / 1024.0, "MB",
                "target < 80 MB");
    return 0;
}
