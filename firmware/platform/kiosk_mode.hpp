// Runs on a real display and the real clock: full screen on the panel as systemd's service
// (READY=1, the watchdog from the render loop, STOPPING=1), or a developer's window of --size.
#pragma once

#include "options.hpp"
#include "run_config.hpp"
#include "session.hpp"

namespace ctrail::platform {

// Until the window closes, --frames N, or SIGTERM/SIGINT (within one frame). Returns 0, or
// 128+signal for a window stopped by a signal (the kiosk's stop is its normal end: 0).
int run_on_display(Session& session, const RunConfig& config, const Options& options);

} // namespace ctrail::platform
