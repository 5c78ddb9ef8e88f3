// carbontrail's command line. Explicit options override the kiosk config file.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace ctrail::platform {

class UsageError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct Options {
    bool help = false;
    bool headless = false;     // dummy video driver + software renderer, simulated clock
    std::string tour_dir;      // --tour DIR: play the scripted visitor, one PNG per screen
    std::string or_tour_dir;   // --or-tour DIR: windowed, but the tour when there is no display
    std::string script_file;   // --script FILE: play this visitor script instead
    std::string screenshot;    // --screenshot FILE: one PNG of the state reached by --goto
    std::string go_to;         // --goto SCREEN: attract|region|product|trail|big_picture|about
    int width = 0, height = 0; // --size WxH (canvas); default: full screen, or 800x480 headless
    std::string lang;          // --lang en|zh
    std::string config;        // --config FILE (kiosk.conf)
    std::string model;         // --model FILE (.sqlite)
    std::string assets_dir;    // --assets DIR (…/share/carbontrail)
    std::string data_dir;      // --data-dir DIR (writable)
    int rotation = -1;         // --rotate 0|90|180|270
    double idle_timeout = -1;  // --idle-timeout SECONDS
    double time_scale = 1;     // --time-scale X: the clock runs X times faster (try 10)
    float panel_w_mm = 0, panel_h_mm = 0; // --panel-mm WxH
    int max_frames = 0;                   // --frames N: quit after N frames (windowed smoke tests)
    bool software = false;                // --software: force the software renderer
    std::string log_level;                // --log-level error|warning|info|debug
};

Options parse_options(const std::vector<std::string>& args); // throws UsageError
const char* usage_text();

} // namespace ctrail::platform
