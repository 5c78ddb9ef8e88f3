// Runs the exhibit: resolves the run's configuration (run_config), opens a Session, then hands
// it to the headless player (headless_mode) or the display loop (kiosk_mode).
#pragma once

#include "options.hpp"

#include <string>

namespace ctrail::platform {

// The whole program after argument parsing; returns the process exit code.
int run_exhibit(const Options& options);

// Log through the kiosk logger. level: 3 error, 4 warning, 5 notice, 6 info, 7 debug.
void log_line(int level, const std::string& message);

} // namespace ctrail::platform
