// Runs the exhibit: resolves the run's configuration (run_config), opens a Session, then hands
// it to the headless player (headless_mode) or the display loop (kiosk_mode).
#pragma once

#include "log.hpp"
#include "options.hpp"

#include <string>

namespace ctrail::platform {

// The whole program after argument parsing; returns the process exit code.
int run_exhibit(const Options& options);

} // namespace ctrail::platform
