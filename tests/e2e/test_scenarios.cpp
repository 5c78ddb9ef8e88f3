// Visitor behaviours through the real binary with injected touches: the idle reset (countdown,
// cancelled by any touch, then back to attract), the "Start again?" question, the attract
// screen's first-touch rule, tapping a province on the map, and the calm screen without a model.
// The scripts' `expect` lines make carbontrail exit 3 when the state is not as written.
#include "e2e_support.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using namespace e2e;

namespace {
int play(const std::string& name, const std::string& script) {
    const std::string dir = fresh_dir(name);
    return run_carbontrail(
        {"--script", write_script(dir, script), "--tour", dir, "--model", model_path()}, dir);
}
} // namespace

TEST_CASE("idle reset") {
    require_model();
    const std::string dir = fresh_dir("idle");
    const std::string script = R"(settle
tap start
tap start
settle
expect screen region
idle 59
expect idle_countdown 0
idle 2
expect idle_countdown 1
expect screen region
shot countdown
tap-at 0.3 0.4            # any touch cancels the countdown, and does nothing else
settle
expect idle_countdown 0
expect screen region
idle 58
expect idle_countdown 0
idle 3
expect idle_countdown 1
idle 10
settle
expect screen attract
expect awake 0
shot reset
)";
    REQUIRE(run_carbontrail(
                {"--script", write_script(dir, script), "--tour", dir, "--model", model_path()},
                dir) == 0);
    const State countdown = read_state(dir + "/countdown.state.tsv");
    CHECK(countdown["countdown_seconds"] == "9");
    CHECK(read_state(dir + "/reset.state.tsv")["screen"] == "attract");
    // A shorter configured timeout is honoured.
    const std::string dir2 = fresh_dir("idle-config");
    const std::string script2 =
        "settle\ntap start\ntap start\nsettle\nidle 21\nexpect idle_countdown 1\n";
    CHECK(run_carbontrail({"--script", write_script(dir2, script2), "--idle-timeout", "20",
                           "--model", model_path()},
                          dir2) == 0);
}

TEST_CASE("home confirmation") {
    require_model();
    CHECK(play("home", R"(settle
tap start
tap start
settle
tap region.SH via region.page
settle
expect screen product
tap home
settle
expect home_confirm 1
expect screen product
tap home.no
settle
expect home_confirm 0
expect screen product
expect region SH
tap home
settle
expect home_confirm 1
tap-at 0.02 0.02          # beside the question: the visitor stays
settle
expect home_confirm 0
expect screen product
tap home
settle
tap home.yes
settle
expect home_confirm 0
expect screen attract
expect awake 0
)") == 0);
}

TEST_CASE("first touch only wakes") {
    require_model();
    CHECK(play("first-touch", R"(settle
expect awake 0
tap lang.zh               # the first touch only wakes the exhibit: no language change
settle
expect awake 1
expect language en
expect screen attract
tap lang.zh
settle
expect language zh
tap start
settle
expect screen region
expect language zh
)") == 0);
    // Not even the start button starts the journey on the first touch.
    CHECK(play("first-touch-start",
               "settle\ntap start\nsettle\nexpect screen attract\nexpect awake 1\n") == 0);
}

TEST_CASE("map tap picks the province") {
    require_model();
    // Sichuan's capital on the map: hit-tested on the real province shape.
    CHECK(play("map-tap", "settle\ntap start\ntap start\nsettle\ntap map.SC\nsettle\n"
                          "expect screen product\nexpect region SC\n") == 0);
    // The sea off the coast picks nothing.
    CHECK(play("map-sea", "settle\ntap start\ntap start\nsettle\ntap-at 0.47 0.68\nsettle\n"
                          "expect screen region\n") == 0);
}

TEST_CASE("unavailable without a model") {
    const std::string dir = fresh_dir("unavailable");
    const int rc = run_carbontrail({"--tour", dir, "--model", dir + "/no-such-model.sqlite"}, dir);
    CHECK(rc == 4);
    const State s = read_state(dir + "/01-unavailable.state.tsv");
    CHECK(s["screen"] == "unavailable");
    CHECK(s["unavailable_reason"].find("no-such-model.sqlite") != std::string::npos);
    const Image img = load_png(dir + "/01-unavailable.png");
    CHECK(img.width == 800);
    CHECK(img.height == 480);
    CHECK(read_text(dir + "/run.log").find("unavailable") != std::string::npos);
}

TEST_CASE("start again ends the visit") {
    require_model();
    // The last visitor paged to Xinjiang and finished on About; the next one must start on the
    // first page of provinces (Beijing), not on the last visitor's page.
    CHECK(play("start-again", R"(settle
tap start
tap start
settle
tap region.XJ via region.page
settle
tap product.car
settle
tap next
settle
tap next
settle
tap next
settle
tap next
settle
expect screen big_picture
tap next
settle
expect screen about
tap next                  # "Start again"
settle
expect screen attract
tap start
tap start
settle
expect screen region
tap region.BJ
settle
expect screen product
expect region BJ
)") == 0);
}

TEST_CASE("screenshot of the resting screen is drawn") {
    // A broken model: the calm "unavailable" screen. --screenshot must show it fully drawn,
    // as the tour does, not the first dark frame of its fade-in.
    const std::string dir = fresh_dir("resting-shot");
    const std::string broken = dir + "/broken.sqlite";
    std::ofstream(broken) << "not a database\n";
    CHECK(run_carbontrail({"--model", broken, "--goto", "trail", "--screenshot", dir + "/shot.png"},
                          dir) == 4);
    CHECK(run_carbontrail({"--model", broken, "--tour", dir + "/tour"}, dir) == 4);
    const Image shot = load_png(dir + "/shot.png");
    const Image tour = load_png(dir + "/tour/01-unavailable.png");
    REQUIRE(shot.width == 800);
    REQUIRE(tour.width == 800);
    // Both show the words (an all-background picture, as before, differs from them in every
    // letter); they differ from each other only in the breathing dot.
    Image blank = tour;
    for (std::size_t i = 0; i < blank.rgba.size(); i += 4)
        for (int c = 0; c < 4; ++c) blank.rgba[i + c] = tour.rgba[c]; // the corner's colour
    const double words = differing_fraction(tour, blank, 48);
    MESSAGE("tour vs blank " << words << ", shot vs blank " << differing_fraction(shot, blank, 48)
                             << ", shot vs tour " << differing_fraction(shot, tour, 48));
    CHECK(words > 0.004);
    CHECK(differing_fraction(shot, blank, 48) > words * 0.9);
    CHECK(differing_fraction(shot, tour, 48) < words * 0.2);
}

// An inland buyer (issue 10): a car bought in Sichuan. Most of its CO2 was released at home,
// so the headline says so and names the largest shares of the rest; the last step's chains are
// those that leave Sichuan, each figure the engine's.
TEST_CASE("tour through an inland province Sichuan") {
    require_model();
    const std::string dir = fresh_dir("inland-sichuan");
    const std::string script = "settle\ntap start\ntap start\nsettle\ntap map.SC\nsettle\n"
                               "expect screen product\nexpect region SC\ntap product.car\nsettle\n"
                               "expect screen trail\nshot sc-1\ntap next\nsettle\ntap next\n"
                               "settle\ntap next\nsettle\nexpect trail_stage 4\nshot sc-4\n";
    for (const std::string lang : {"en", "zh"}) {
        const std::string out = dir + "/" + lang;
        std::filesystem::create_directories(out);
        REQUIRE(run_carbontrail({"--script", write_script(out, script), "--tour", out, "--model",
                                 model_path(), "--lang", lang},
                                out) == 0);
        const auto& m = model();
        const auto* car = content().find_product("car");
        REQUIRE(car);
        ctrail::ExhibitTraceOptions options; // as ExhibitApp::Impl::start_trace
        options.max_paths = 80;
        options.threshold = 0.0001;
        const ctrail::ExhibitTrace t = m.trace("SC", car->sector, car->price_yuan, options);
        REQUIRE(t.error.empty());
        REQUIRE(t.home_zone == "centre_west");
        REQUIRE(t.share_elsewhere < 0.5);
        CHECK_FALSE(t.furthest_interior);
        const int sc = m.find_region("SC");
        for (const char* shot : {"/sc-1.state.tsv", "/sc-4.state.tsv"}) {
            const State s = read_state(out + shot);
            const std::string& h = s["headline"];
            INFO(h);
            if (lang == "en") {
                CHECK(h.find("was released here in Sichuan; of the rest, the largest shares came "
                             "from") != std::string::npos);
            } else {
                CHECK(h.find("大部分就排放在四川本地；其余部分中") != std::string::npos);
            }
            for (const auto& r : t.largest_elsewhere(2)) {
                const ctrail::ExhibitRegion& reg = m.regions()[r.region];
                CHECK(h.find(lang == "zh" ? reg.name_zh : reg.name_en) != std::string::npos);
                const auto* f = s.figure("trail.top." + reg.code + ".share");
                REQUIRE(f);
                CHECK(f->engine == doctest::Approx(r.share).epsilon(1e-9));
                CHECK(h.find(f->shown) != std::string::npos);
            }
            CHECK_FALSE(s.figure("trail.share_elsewhere")); // not in the "here" sentence
        }
        // The last step: the chains leaving Sichuan, the split adding up to 100.0%.
        const State last = read_state(out + "/sc-4.state.tsv");
        REQUIRE(last.figure("trail.chain.0.share"));
        for (std::size_t k = 0; k < t.furthest.paths.size(); ++k) {
            const auto* f = last.figure("trail.chain." + std::to_string(k) + ".share");
            if (!f) break;
            CHECK(f->engine == doctest::Approx(t.furthest.paths[k].share).epsilon(1e-9));
            CHECK(t.furthest.paths[k].nodes.back().region != sc);
        }
        const auto* home = last.figure("trail.split.home");
        REQUIRE(home);
        CHECK(home->engine == doctest::Approx(t.zones.home).epsilon(1e-9));
        const auto* cw = last.figure("trail.split.centre_west");
        REQUIRE(cw);
        CHECK(cw->engine == doctest::Approx(t.zones.centre_west).epsilon(1e-9));
    }
}
