// The visitor-script interpreter: plays parsed steps (visitor_script.hpp) against a Session on
// a simulated clock, with injected touches, screenshots and state files.
#pragma once

#include "session.hpp"
#include "visitor_script.hpp"

#include <functional>
#include <string>
#include <vector>

namespace ctrail::platform {

struct PlayOptions {
    std::string name;       // for messages: "tour", the script's file name, ...
    std::string out_dir;    // `shot NAME` writes OUT_DIR/NAME.png (+ .state.tsv); "" = skip
    std::string screenshot; // a last PNG (+ .state.tsv) when the steps are done; "" = none
    // Called before each frame that moves the clock (the monkey waits there, clock held, for
    // the engine's result, so a run does not depend on how fast the machine computes).
    std::function<void(double now)> before_tick;
};

// Returns the exit code: 0 done, 1 a file could not be written, 3 a step failed, 128+N when
// signal N asked the program to stop (checked every frame; a file being written is finished).
// `clock` (seconds) carries the simulated time across calls when given.
int play(Session& session, const std::vector<ScriptStep>& steps, const PlayOptions& options,
         double* clock = nullptr);

// A PNG of a fully drawn frame (fades over, results arrived) and its state file beside it.
bool write_screenshot(Session& session, const std::string& png, double& clock);

} // namespace ctrail::platform
