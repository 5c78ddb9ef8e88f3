// `--monkey FRAMES --seed S`: a seeded random visitor for headless runs. It drives the real
// exhibit through the visitor-script player (the same injected SDL touches as --script and
// --tour): taps on and off the UI's named targets, drags, multi-finger bursts, edges and
// corners, language switches, Back/Home, idle gaps long enough for the reset, and the admin
// gesture with a wrong PIN. After every frame it checks the invariants (monkey_checks.hpp);
// after every idle gap, that the exhibit is back on Attract. Headless runs use the recording
// SystemActions (admin_platform.hpp), so nothing it taps can reboot or power off the machine.
// The clock is simulated and held while the engine computes, so a seed always gives the same
// visit: the same actions, screens and figures (the log's "monkey:" lines, samples excepted).
#pragma once

#include "options.hpp"
#include "run_config.hpp"
#include "session.hpp"

namespace ctrail::platform {

// 0 when every invariant held for the frames asked; 3 naming the frame, seed and invariant
// otherwise; 128+N when signal N stopped it.
int run_monkey(Session& session, const RunConfig& config, const Options& options);

} // namespace ctrail::platform
