// Everything a run needs, decided in one place: the command line over the kiosk config over the
// install layout over the build tree. Every path the exhibit reads (model, content, texts, map,
// fonts) and the data folder it writes are resolved here, nowhere else.
#pragma once

#include "options.hpp"
#include "sdl_platform.hpp"

#include "admin/admin_pin.hpp"
#include "kiosk/opening_hours.hpp"

#include <exhibit_app.hpp>

#include <ctime>
#include <optional>
#include <string>

namespace ctrail::platform {

enum class RunMode {
    Headless, // dummy video driver, simulated clock: tour, script, screenshot
    Window,   // a window of --size: a developer's run
    Kiosk,    // full screen on the panel: systemd's service
};

struct RunConfig {
    RunMode mode = RunMode::Kiosk;
    ui::AppConfig app;
    PlatformOptions platform;
    std::string data_dir; // "" = none configured
    // Visits go to DATA_DIR/visits.sqlite: kiosk and window runs with a data folder, headless
    // runs only with --data-dir (so tests write nothing unless they ask).
    bool record_visits = false;
    int visits_retention_days = 400;
    double time_scale = 1;
    admin::PinCheck pin;                    // the admin PIN; kind none = admin mode off
    kiosk::OpeningHours opening_hours;      // when the display is lit (default: always)
    std::optional<std::time_t> clock_start; // headless --clock: the simulated wall clock's start
};

// Reads the kiosk config (when asked, or the default one outside headless runs) and sets the
// log level. Throws UsageError for a bad --log-level.
RunConfig resolve_run_config(const Options& options);

// The subset fonts: $CTRAIL_FONT_DIR, ASSETS/fonts, <exe>/../share/carbontrail/fonts, the
// build tree, the install prefix; the first folder holding exhibit.ttf.
ui::FontFiles find_fonts(const std::string& assets_dir);

} // namespace ctrail::platform
