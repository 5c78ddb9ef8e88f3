#include "headless_mode.hpp"

#include "log.hpp"
#include "script_player.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace ctrail::platform {

int run_headless(Session& s, const Options& o) {
    std::string text, name;
    if (!o.script_file.empty()) {
        std::ifstream in(o.script_file);
        if (!in) {
            log_line(3, "cannot read the script " + o.script_file);
            return 1;
        }
        std::ostringstream ss;
        ss << in.rdbuf();
        text = ss.str();
        name = o.script_file;
    } else if (!o.go_to.empty()) {
        text = script_to_screen(o.go_to);
        name = "--goto " + o.go_to;
    } else if (!o.tour_dir.empty()) {
        text = builtin_tour();
        name = "tour";
    } else {
        text = "settle\n";
        name = "headless";
    }
    std::vector<ScriptStep> steps = parse_script(text, name);
    const std::string out = o.tour_dir;
    if (!out.empty()) {
        std::error_code ec;
        fs::create_directories(out, ec);
        if (ec) {
            log_line(3, "cannot create " + out + ": " + ec.message());
            return 1;
        }
    }
    if (s.app->state().screen == ui::Screen::Unavailable) {
        // Still show (and save) what a visitor would see, then say why it stopped.
        double clock = 0;
        int rc = 0;
        if (!out.empty())
            rc = play(s, parse_script("settle\nshot 01-unavailable\n", "unavailable"),
                      {"unavailable", out, "", {}}, &clock);
        if (rc == 0 && !o.screenshot.empty())
            rc = play(s, {}, {"unavailable", "", o.screenshot, {}}, &clock);
        if (rc > 128) return rc;
        log_line(3, "the exhibit is unavailable (" + s.app->state().unavailable_reason + ")");
        return 4;
    }
    const int rc = play(s, steps, {name, out, o.screenshot, {}});
    if (rc == 0) log_line(6, name + ": finished");
    return rc;
}

} // namespace ctrail::platform
