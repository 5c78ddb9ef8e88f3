// Headless runs (no display, simulated clock): the built-in tour, a visitor script, or --goto
// with --screenshot. Unavailable exhibits still write what a visitor would see.
#pragma once

#include "options.hpp"
#include "session.hpp"

namespace ctrail::platform {

// Returns the exit code (see usage_text()).
int run_headless(Session& session, const Options& options);

} // namespace ctrail::platform
