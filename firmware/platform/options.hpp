// carbontrail's command line. Explicit options override the kiosk config file.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace ctrail::platform {

class UsageError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct CanvasSize {
    int width = 0, height = 0;
};
struct PanelMm {
    float width = 0, height = 0;
};

// Unset options are nullopt (or ""): the kiosk config or a default decides (run_config.cpp).
struct Options {
    bool help = false;
    bool headless = false;   // dummy video driver + software renderer, simulated clock
    std::string tour_dir;    // --tour DIR: play the scripted visitor, one PNG per screen
    std::string or_tour_dir; // --or-tour DIR: windowed, but the tour when there is no display
    std::string script_file; // --script FILE: play this visitor script instead
    std::string screenshot;  // --screenshot FILE: one PNG of the state reached by --goto
    std::string go_to;       // --goto SCREEN: attract|region|product|trail|big_picture|about
    std::optional<CanvasSize> size;     // --size WxH (canvas); unset: full screen (kiosk), or
                                        // 800x480 headless
    std::string lang;                   // --lang en|zh
    std::string home_region;            // --home-region CODE (the museum's province)
    std::string config;                 // --config FILE (kiosk.conf)
    std::string model;                  // --model FILE (.sqlite)
    std::string assets_dir;             // --assets DIR (…/share/carbontrail)
    std::string data_dir;               // --data-dir DIR (writable)
    std::optional<int> rotation;        // --rotate 0|90|180|270
    std::optional<double> idle_timeout; // --idle-timeout SECONDS
    double time_scale = 1;              // --time-scale X: the clock runs X times faster (try 10)
    std::optional<PanelMm> panel_mm;    // --panel-mm WxH
    std::optional<int> max_frames;      // --frames N: quit after N frames (windowed smoke tests)
    bool software = false;              // --software: force the software renderer
    std::string log_level;              // --log-level error|warning|info|debug
    std::string check_content;          // --check-content DIR: validate a curator's folder
    std::string check_model;            // --check-model FILE: can the exhibit open it?
    bool hash_pin = false;              // --hash-pin: read a PIN, print the admin_pin line
    std::string clock;                  // --clock "YYYY-MM-DD HH:MM": headless wall clock start
    std::optional<long long> monkey_frames; // --monkey FRAMES: the seeded random visitor
    std::uint64_t seed = 1;                 // --seed S
    long long monkey_sample = 10000;        // --monkey-sample N: RSS, fds, threads every N frames
    std::string monkey_break; // --monkey-break state|figure|pixels: tests prove the checks fail
};

Options parse_options(const std::vector<std::string>& args); // throws UsageError
const char* usage_text();

} // namespace ctrail::platform
