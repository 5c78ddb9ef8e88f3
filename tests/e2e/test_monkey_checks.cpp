// The monkey's invariant checks (firmware/platform/monkey_checks) on hand-made frames: each
// holds for a consistent one and fails, saying why, for each way of breaking it.
#include "monkey_checks.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace ctrail;
using namespace ctrail::platform;
using ui::Screen;

namespace {
ui::ExhibitState trail_state() {
    ui::ExhibitState s;
    s.screen = Screen::Trail;
    s.region = "SH";
    s.product = "car";
    s.sector = "TRAN";
    s.amount_yuan = 120000;
    s.trail_stage = 2;
    s.trail_stage_count = 4;
    s.figures = {{"trail.total_kg", 28340, "kg", "≈ 28 t"},
                 {"trail.share_elsewhere", 0.713, "share", "71%"},
                 {"trail.split.home", 0.39854, "share", "39.8%"}};
    return s;
}
} // namespace

TEST_CASE("monkey checks: a consistent trail frame passes") {
    const ui::ExhibitState s = trail_state();
    CHECK(check_state(s, Screen::Trail) == "");
    CHECK(check_figures(s, Screen::Trail) == "");
}

TEST_CASE("monkey checks: each broken state rule is named") {
    ui::ExhibitState s = trail_state();
    s.trail_stage = 5;
    CHECK(check_state(s, Screen::Trail).find("trail stage 5 of 4") != std::string::npos);
    s = trail_state();
    s.product.clear();
    CHECK(check_state(s, Screen::Trail).find("without") != std::string::npos);
    s = trail_state();
    s.screen = Screen::Region;
    CHECK(check_state(s, Screen::Region).find("trail_stage") != std::string::npos);
    s = trail_state();
    s.language = "fr";
    CHECK(check_state(s, Screen::Trail) != "");
    s = trail_state();
    s.screen = Screen::Unavailable;
    CHECK(check_state(s, Screen::Trail) != "");
    s = ui::ExhibitState{};
    s.screen = Screen::About;
    CHECK(check_state(s, Screen::About).find("about page") != std::string::npos);
    // The frame a tap opens About still draws the previous screen: its fields come next frame.
    CHECK(check_state(s, Screen::Trail) == "");
    s = ui::ExhibitState{};
    s.admin = "somewhere";
    CHECK(check_state(s, Screen::Attract) != "");
    s = ui::ExhibitState{};
    s.idle_countdown = true;
    s.countdown_seconds = 0;
    CHECK(check_state(s, Screen::Attract) != "");
}

TEST_CASE("monkey checks: a figure must read back as the engine's number") {
    CHECK(check_figure({"trail.total_kg", 28340, "kg", "≈ 28 t"}) == "");
    CHECK(check_figure({"trail.total_kg", 28340, "kg", "≈ 31 t"}) != "");
    CHECK(check_figure({"trail.total_kg", 28340, "kg", "28"}) != ""); // no unit
    CHECK(check_figure({"trail.share_elsewhere", 0.0004, "share", "<0.1%"}) == "");
    CHECK(check_figure({"trail.share_elsewhere", 0.004, "share", "<0.1%"}) != "");
    CHECK(check_figure({"trail.share_elsewhere", 1.7, "share", "170%"}) != "");
    CHECK(check_figure({"trail.total_kg", std::nan(""), "kg", "≈ 28 t"}) != "");
    CHECK(check_figure({"trail.split.home", 0.3985, "share", "39.8%"}) == "");
    CHECK(check_figure({"trail.split.home", 0.3985, "share", "40.1%"}) != "");
    CHECK(check_figure({"about.year", 2007, "year", "2007"}) == "");
    CHECK(check_figure({"about.year", 2007, "year", "2008"}) != "");
    // A figure of another screen (beyond the frame that changes screens) is out of place.
    ui::ExhibitState s = trail_state();
    s.screen = Screen::Region;
    s.trail_stage = 0;
    CHECK(check_figures(s, Screen::Trail) == "");
    CHECK(check_figures(s, Screen::Region).find("on the region screen") != std::string::npos);
}

TEST_CASE("monkey checks: a blank frame is caught") {
    std::vector<std::uint8_t> px(800 * 480 * 4, 20);
    CHECK(check_pixels(px) != "");
    px[4 * 1000 + 1] = 200;
    CHECK(check_pixels(px) == "");
    CHECK(check_pixels({}) != "");
}
