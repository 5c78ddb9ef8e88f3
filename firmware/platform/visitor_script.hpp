// Scripted visitors for headless runs: a tiny line language the runner plays with real injected
// SDL touch events. One command per line, `#` comments:
//   tap ID [via PAGER]  touch the centre of the UI target ID (as drawn in the last frame) and
//                       lift in the same frame; with `via`, tap PAGER until ID is on screen
//   tap ID by DX DY     the same, DX DY (canvas fractions, -1..1) away from ID's centre
//   tap-at X Y          touch at normalised canvas coordinates (0..1)
//   hold-at X Y S       put a finger down there, keep it still for S seconds, lift it
//   drag FROM TO        put a finger down on target FROM, slide it to target TO, lift it there
//   wait S              let S seconds pass (simulated, 60 frames per second)
//   idle S              let S seconds pass without touches, in large clock steps
//   settle              run until nothing moves and no trace is pending (fails after 30 s
//                       of animation or 120 s waiting for a result)
//   shot NAME           write NAME.png and NAME.state.tsv into the output folder
//   expect KEY VALUE    fail unless the state's KEY (as in .state.tsv) equals VALUE
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace ctrail::platform {

class ScriptError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct ScriptStep {
    enum class Kind { Tap, TapAt, HoldAt, Drag, Wait, Idle, Settle, Shot, Expect };
    Kind kind = Kind::Settle;
    std::string id, via; // Tap; Shot: name; Expect: key
    std::string value;   // Expect; Drag: the target it ends on
    float x = 0, y = 0;  // TapAt, HoldAt; Tap: the offset from the target's centre
    double seconds = 0;  // Wait, Idle, HoldAt
    int line = 0;
    std::string text; // the line as written (logs)
};

// Throws ScriptError "name:line: problem".
std::vector<ScriptStep> parse_script(const std::string& text, const std::string& name);

// The built-in tour: Shanghai -> car -> every trail step -> big picture -> about -> idle reset.
const char* builtin_tour();
// The tour up to (and including) arriving on `screen`; throws ScriptError for unknown names.
std::string script_to_screen(const std::string& screen);
const char* script_help();

} // namespace ctrail::platform
