#include "visitor_script.hpp"

#include <cstdlib>
#include <sstream>

namespace ctrail::platform {

namespace {
double number(const std::string& s, const std::string& where) {
    char* end = nullptr;
    double v = std::strtod(s.c_str(), &end);
    if (s.empty() || *end != '\0') throw ScriptError(where + "'" + s + "' is not a number");
    return v;
}
} // namespace

std::vector<ScriptStep> parse_script(const std::string& text, const std::string& name) {
    std::vector<ScriptStep> steps;
    std::istringstream in(text);
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
        ++n;
        if (auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
        std::istringstream words(line);
        std::vector<std::string> w;
        for (std::string s; words >> s;) w.push_back(s);
        if (w.empty()) continue;
        const std::string where = name + ":" + std::to_string(n) + ": ";
        ScriptStep st;
        st.line = n;
        st.text = line;
        auto need = [&](std::size_t count, const char* form) {
            if (w.size() != count) throw ScriptError(where + "expected '" + form + "'");
        };
        if (w[0] == "tap") {
            st.kind = ScriptStep::Kind::Tap;
            if (w.size() == 2)
                st.id = w[1];
            else if (w.size() == 4 && w[2] == "via")
                st.id = w[1], st.via = w[3];
            else if (w.size() == 5 && w[2] == "by") {
                st.id = w[1];
                st.x = float(number(w[3], where));
                st.y = float(number(w[4], where));
                if (st.x < -1 || st.x > 1 || st.y < -1 || st.y > 1)
                    throw ScriptError(where + "tap ID by DX DY takes offsets from -1 to 1");
            } else
                throw ScriptError(where +
                                  "expected 'tap ID', 'tap ID via PAGER' or 'tap ID by DX DY'");
        } else if (w[0] == "drag") {
            need(3, "drag FROM TO");
            st.kind = ScriptStep::Kind::Drag;
            st.id = w[1];
            st.value = w[2];
        } else if (w[0] == "tap-at") {
            need(3, "tap-at X Y");
            st.kind = ScriptStep::Kind::TapAt;
            st.x = float(number(w[1], where));
            st.y = float(number(w[2], where));
            if (st.x < 0 || st.x > 1 || st.y < 0 || st.y > 1)
                throw ScriptError(where + "tap-at takes coordinates from 0 to 1");
        } else if (w[0] == "hold-at") {
            need(4, "hold-at X Y SECONDS");
            st.kind = ScriptStep::Kind::HoldAt;
            st.x = float(number(w[1], where));
            st.y = float(number(w[2], where));
            st.seconds = number(w[3], where);
            if (st.x < 0 || st.x > 1 || st.y < 0 || st.y > 1)
                throw ScriptError(where + "hold-at takes coordinates from 0 to 1");
            if (st.seconds < 0 || st.seconds > 60)
                throw ScriptError(where + "hold-at: seconds out of 0..60");
        } else if (w[0] == "wait" || w[0] == "idle") {
            need(2, "wait SECONDS");
            st.kind = w[0] == "wait" ? ScriptStep::Kind::Wait : ScriptStep::Kind::Idle;
            st.seconds = number(w[1], where);
            if (st.seconds < 0 || st.seconds > 3600)
                throw ScriptError(where + "seconds out of 0..3600");
        } else if (w[0] == "settle") {
            need(1, "settle");
            st.kind = ScriptStep::Kind::Settle;
        } else if (w[0] == "shot") {
            need(2, "shot NAME");
            st.kind = ScriptStep::Kind::Shot;
            st.id = w[1];
            if (st.id.find('/') != std::string::npos || st.id.find("..") != std::string::npos)
                throw ScriptError(where + "a shot name is a file name, not a path");
        } else if (w[0] == "expect") {
            need(3, "expect KEY VALUE");
            st.kind = ScriptStep::Kind::Expect;
            st.id = w[1];
            st.value = w[2];
        } else {
            throw ScriptError(where + "unknown command '" + w[0] +
                              "' (tap, tap-at, hold-at, drag, wait, idle, settle, shot, expect)");
        }
        steps.push_back(std::move(st));
    }
    return steps;
}

const char* builtin_tour() {
    return R"(# The built-in tour: a visitor from Shanghai who bought a car.
settle
shot 01-attract
tap-at 0.25 0.5           # a touch beside the button wakes the exhibit and shows the hint
settle
expect screen attract
expect awake 1
shot 02-attract-awake
tap start
settle
expect screen region
shot 03-region
tap region.SH via region.page
settle
expect screen product
expect region SH
shot 04-product
tap product.car
settle
expect screen trail
expect trail_stage 1
shot 05-trail-1
tap next
settle
expect trail_stage 2
shot 06-trail-2
tap next
settle
expect trail_stage 3
shot 07-trail-3
tap next
settle
expect trail_stage 4
shot 08-trail-4
tap next
settle
expect screen what_if
tap lever.1               # the what-if lever's second step (what_if.tsv)
settle
expect lever 1
shot 08b-what-if
tap next
settle
expect screen big_picture
shot 09-big-picture
tap next
settle
expect screen about
shot 10-about
idle 62                   # nobody touches: the countdown appears
expect idle_countdown 1
shot 11-idle-countdown
idle 10
settle
expect screen attract
expect awake 0
shot 12-attract-after-reset
)";
}

std::string script_to_screen(const std::string& screen) {
    const std::string tour = builtin_tour();
    // Cut the tour after the first `expect screen <screen>` line.
    const std::string mark = "expect screen " + screen + "\n";
    if (screen == "attract") return "settle\n";
    const auto at = tour.find(mark);
    if (at == std::string::npos)
        throw ScriptError(
            "--goto '" + screen +
            "': expected attract, region, product, trail, what_if, big_picture or about");
    return tour.substr(0, at + mark.size()) + "settle\n";
}

const char* script_help() {
    return R"(Visitor scripts (--script FILE), one command per line, # starts a comment:
  tap ID [via PAGER]  touch the centre of UI target ID and lift (injected SDL finger events);
                      with `via`, tap PAGER until ID appears (e.g. tap region.XJ via region.page)
  tap ID by DX DY     touch DX, DY (canvas fractions, -1..1) away from the centre of target ID
  tap-at X Y          touch at normalised canvas coordinates (0..1)
  hold-at X Y S       finger down at X Y (0..1), still for S seconds, then lifted
                      (admin mode: hold-at 0.02 0.02 5.2, then tap-at 0.98 0.02)
  drag FROM TO        finger down on target FROM, slide to target TO, lift there
  wait S              let S seconds pass (simulated clock, 60 frames a second)
  idle S              let S seconds pass without touches, in large clock steps
  settle              run until nothing moves and no trace is pending
  shot NAME           write NAME.png and NAME.state.tsv into the --tour folder
  expect KEY VALUE    fail (exit 3) unless the state's KEY equals VALUE
Targets: start, next, back, home, home.yes, home.no, lang.en, lang.zh, map, map.<CODE>,
region.<CODE>, region.group.<name>, region.page, product.<id>; admin mode: admin.pin.0 ..
admin.pin.9, admin.pin.ok, admin.pin.clear, admin.back, admin.leave, admin.status,
admin.touch_test, admin.calibrate, admin.settings, admin.clock, admin.export, admin.update,
admin.restart, admin.reboot, admin.power_off, admin.confirm.yes, admin.confirm.no, admin.save.
)";
}

} // namespace ctrail::platform
