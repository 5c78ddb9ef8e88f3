// The built-in tour (Shanghai -> car -> every trail step -> big picture -> about -> idle reset)
// through the real binary, in both languages and at both sizes: the screens follow each other
// as scripted, and every figure on screen is the engine's number, rounded as shown.
#include "e2e_support.hpp"

#include <story_data.hpp>

#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <set>

namespace fs = std::filesystem;
using namespace e2e;

namespace {

const char* const kShots[] = {"01-attract",
                              "02-attract-awake",
                              "03-region",
                              "04-product",
                              "05-trail-1",
                              "06-trail-2",
                              "07-trail-3",
                              "08-trail-4",
                              "08b-what-if",
                              "09-big-picture",
                              "10-about",
                              "11-idle-countdown",
                              "12-attract-after-reset"};
const char* const kScreens[] = {"attract", "attract", "region", "product", "trail",
                                "trail",   "trail",   "trail",  "what_if", "big_picture",
                                "about",   "about",   "attract"};

std::string name_of(const ctrail::ExhibitRegion& r, bool zh) {
    return zh ? r.name_zh : r.name_en;
}

void check_close(const Figure& f, double expected) {
    INFO("figure " << f.id << " shown as '" << f.shown << "'");
    CHECK(f.engine == doctest::Approx(expected).epsilon(1e-9));
    // What the visitor reads is the engine's number to two significant figures.
    const double read = read_shown(f.shown, f.unit);
    REQUIRE_FALSE(std::isnan(read));
    if (f.shown.rfind("<", 0) == 0) { // "<0.1%": a positive number below the bound
        CHECK(expected > 0);
        CHECK(expected < read);
        return;
    }
    CHECK(std::fabs(read - expected) <= 0.051 * std::fabs(expected) + 1e-12);
}

// Share of the trace released in `region` through trail step `step` (1..4), computed here from
// the engine's stage decomposition: steps 1..3 are stages 0..2; step 4 is the whole trace.
double region_through(const ctrail::ExhibitTrace& t, int region, int step) {
    if (step >= 4) {
        for (const auto& r : t.by_region)
            if (r.region == region) return r.share;
        return 0;
    }
    double s = 0;
    for (const auto& st : t.by_stage)
        if (!st.remainder && st.stage < step)
            for (const auto& r : st.by_region)
                if (r.region == region) s += r.share;
    return s;
}

// The what-if figure `id` as the engine gives it (today: the lever's first step).
double what_if_expected(const std::string& id, const ctrail::WhatIf& today,
                        const ctrail::WhatIf& lever, const ctrail::ExhibitModel& m) {
    auto cut = [](double from, double to) { return 1 - to / from; };
    auto china = [&](const ctrail::WhatIf& w, bool consumption) {
        double kg = 0;
        for (const auto& a : w.regions)
            if (!m.regions()[a.region].external)
                kg += consumption ? a.consumption_kg : a.territorial_kg;
        return kg;
    };
    if (id == "what_if.product_kg.before") return today.product_kg;
    if (id == "what_if.product_kg.after") return lever.product_kg;
    if (id == "what_if.product_cut") return cut(today.product_kg, lever.product_kg);
    if (id == "what_if.elsewhere.before") return today.product_share_elsewhere;
    if (id == "what_if.elsewhere.after") return lever.product_share_elsewhere;
    if (id == "what_if.national_mt.before") return today.national_territorial_kg / 1e9;
    if (id == "what_if.national_mt.after") return lever.national_territorial_kg / 1e9;
    if (id == "what_if.national_cut")
        return cut(today.national_territorial_kg, lever.national_territorial_kg);
    // big.VIEW.CODE.mt / big.VIEW.china.mt on the big picture, which keeps the lever's step;
    // with a step chosen, also .mt.today (before the step) and .mt.cut (the cut, a share).
    auto ends_with = [&](const std::string& tail) {
        return id.size() > tail.size() &&
               id.compare(id.size() - tail.size(), tail.size(), tail) == 0;
    };
    const bool before = ends_with(".mt.today"), cut_of = ends_with(".mt.cut");
    const std::string base = before || cut_of ? id.substr(0, id.rfind('.')) : id;
    const bool consumption = base.rfind("big.consumption.", 0) == 0;
    const std::string code =
        base.substr(base.find('.', 4) + 1, base.rfind('.') - base.find('.', 4) - 1);
    auto kg_in = [&](const ctrail::WhatIf& w) {
        if (code == "china") return china(w, consumption);
        const int r = m.find_region(code);
        REQUIRE(r >= 0);
        const auto& a = w.regions[std::size_t(r)];
        return consumption ? a.consumption_kg : a.territorial_kg;
    };
    if (cut_of) return cut(kg_in(today), kg_in(lever));
    return kg_in(before ? today : lever) / 1e9;
}

void check_tour(const std::string& lang, const std::string& size,
                const std::vector<std::string>& extra, int png_w, int png_h) {
    require_model();
    const std::string dir =
        fresh_dir("tour-" + lang + "-" + size + (extra.empty() ? "" : "-extra"));
    std::vector<std::string> args{"--tour", dir,  "--size",  size,
                                  "--lang", lang, "--model", model_path()};
    args.insert(args.end(), extra.begin(), extra.end());
    REQUIRE(run_carbontrail(args, dir) == 0);

    const bool zh = lang == "zh";
    const auto& m = model();
    const ctrail::ui::Product* car = content().find_product("car");
    REQUIRE(car);
    // The exhibit's own trace options (ExhibitApp::Impl::start_trace): the same chain lists.
    ctrail::ExhibitTraceOptions options;
    options.max_paths = 80;
    options.threshold = 0.0001;
    const ctrail::ExhibitTrace t = m.trace("SH", car->sector, car->price_yuan, options);
    const ctrail::ExhibitTraceRanges ranges = m.trace_ranges("SH", car->sector);
    REQUIRE(t.error.empty());
    const int sh = m.find_region("SH");
    const ctrail::BigPicture big = m.big_picture();
    // The tour moves the what-if lever to its second step, which the big picture keeps.
    const auto steps = what_if_steps();
    REQUIRE(steps.size() >= 2);
    const ctrail::WhatIf today = m.what_if({{}, "SH", car->sector, car->price_yuan});
    const ctrail::WhatIf lever = m.what_if({steps[1].scales, "SH", car->sector, car->price_yuan});
    REQUIRE(today.error.empty());
    REQUIRE(lever.error.empty());

    for (std::size_t i = 0; i < std::size(kShots); ++i) {
        const std::string base = dir + "/" + kShots[i];
        INFO("screenshot " << base);
        const Image img = load_png(base + ".png");
        CHECK(img.width == png_w);
        CHECK(img.height == png_h);
        const State s = read_state(base + ".state.tsv");
        CHECK(s["screen"] == kScreens[i]);
        CHECK(s["language"] == lang);
        CHECK(s["trace_pending"] == "0");

        for (const Figure& f : s.figures) {
            INFO("figure " << f.id);
            if (f.id == "trail.total_kg")
                check_close(f, t.total_kg);
            else if (f.id == "trail.share_elsewhere")
                check_close(f, t.share_elsewhere);
            else if (f.id.rfind("trail.path.", 0) == 0) {
                const int k = std::stoi(f.id.substr(11));
                REQUIRE(k < int(t.paths.size()));
                check_close(f, t.paths[k].share);
            } else if (f.id.rfind("trail.region.", 0) == 0) {
                const std::string code = f.id.substr(13, f.id.size() - 13 - 6);
                check_close(f, region_through(t, m.find_region(code), std::stoi(s["trail_stage"])));
            } else if (f.id.rfind("trail.top.", 0) == 0) {
                const std::string code = f.id.substr(10, f.id.size() - 10 - 6);
                const auto top = t.largest_elsewhere(2);
                REQUIRE(top.size() == 2);
                CHECK((m.regions()[top[0].region].code == code ||
                       m.regions()[top[1].region].code == code));
                check_close(f, region_through(t, m.find_region(code), 4));
            } else if (f.id == "trail.range.low" || f.id == "trail.range.high") {
                REQUIRE(ranges.share_elsewhere.known);
                check_close(f, f.id == "trail.range.low" ? ranges.share_elsewhere.low
                                                         : ranges.share_elsewhere.high);
                CHECK(ranges.share_elsewhere.low <= t.share_elsewhere + 1e-9);
                CHECK(t.share_elsewhere <= ranges.share_elsewhere.high + 1e-9);
            } else if (f.id.rfind("trail.split.", 0) == 0) {
                const std::string key = f.id.substr(12);
                const double expected = key == "home"          ? t.zones.home
                                        : key == "coast"       ? t.zones.coast + t.zones.unzoned
                                        : key == "centre_west" ? t.zones.centre_west
                                        : key == "northeast"   ? t.zones.northeast
                                                               : -1;
                REQUIRE(expected >= 0);
                CHECK(f.engine == doctest::Approx(expected).epsilon(1e-9));
                // Shown to a tenth of a percent, the four adding up to 100.0 (largest remainder).
                CHECK(std::fabs(read_shown(f.shown, f.unit) - expected) <= 0.00051 + 1e-12);
            } else if (f.id.rfind("trail.chain.", 0) == 0) {
                const std::size_t k = std::stoul(f.id.substr(12));
                const auto list = ctrail::ui::chains_for_step(t, std::stoi(s["trail_stage"]));
                REQUIRE(k < list.paths.size());
                check_close(f, list.paths[k]->share);
            } else if (f.id == "trail.found_so_far") {
                const int step = std::stoi(s["trail_stage"]);
                double so_far = 0;
                for (const auto& st : t.by_stage)
                    if (!st.remainder && st.stage < step) so_far += st.share;
                check_close(f, step >= 4 ? 1.0 : so_far);
            } else if (f.id.rfind("trail.equivalent.", 0) == 0) {
                const auto* e = content().find_equivalent(f.id.substr(17));
                REQUIRE(e);
                check_close(f, t.total_kg / e->kg_co2_per_unit);
            } else if (f.id == "big.national_outside_share")
                check_close(f, big.national_outside_share);
            else if (f.id.rfind("big.flow.", 0) == 0 || f.id.rfind("big.arc.", 0) == 0) {
                // big.flow.K (the rows) and big.arc.K (the arrows' labels): the K-th largest flow.
                const bool mt = f.id.size() > 3 && f.id.substr(f.id.size() - 3) == ".mt";
                std::vector<const ctrail::GroupFlow*> between;
                for (const auto& g : big.flows)
                    if (g.from != g.to && !big.groups[g.from].external &&
                        !big.groups[g.to].external)
                        between.push_back(&g);
                const int k = std::stoi(f.id.substr(f.id.find('.', 4) + 1));
                REQUIRE(k < int(between.size()));
                check_close(f, mt ? between[k]->kg / 1e9 : between[k]->share);
            } else if (f.id.rfind("what_if.", 0) == 0 || f.id.rfind("big.territorial.", 0) == 0 ||
                       f.id.rfind("big.consumption.", 0) == 0) {
                check_close(f, what_if_expected(f.id, today, lever, m));
            } else if (f.id == "about.year") {
                CHECK(f.engine == m.meta().year);
                CHECK(f.shown == std::to_string(m.meta().year));
            } else if (f.id.rfind("product.", 0) == 0) {
                const auto* p = content().find_product(f.id.substr(8, f.id.size() - 8 - 6));
                REQUIRE(p);
                check_close(f, p->price_yuan);
            } else {
                FAIL("a figure the test does not know: " << f.id);
            }
        }
    }

    // The trail: the visitor's choices, the four steps, the headline and its key numbers.
    for (int step = 1; step <= 4; ++step) {
        const State s = read_state(dir + "/" + kShots[3 + step] + ".state.tsv");
        CHECK(s["region"] == "SH");
        CHECK(s["product"] == "car");
        CHECK(s["sector"] == car->sector);
        CHECK(std::stod(s["amount_yuan"]) == car->price_yuan);
        CHECK(s["trail_stage"] == std::to_string(step));
        CHECK(s["trail_stage_count"] == "4");
        if (step < 4) REQUIRE(s.figure("trail.total_kg")); // the last step: the split instead
        REQUIRE(s.figure("trail.share_elsewhere"));
        const std::string& headline = s["headline"];
        CHECK(headline.find(s.figure("trail.share_elsewhere")->shown) != std::string::npos);
        CHECK(headline.find(name_of(m.regions()[sh], zh)) != std::string::npos);
        // "…; the largest shares: Zhejiang (12%) and Hebei (8.6%)": the two largest emitters
        // outside Shanghai with their shares, never "most".
        for (const auto& r : t.largest_elsewhere(2)) {
            CHECK(headline.find(name_of(m.regions()[r.region], zh)) != std::string::npos);
            const auto* f = s.figure("trail.top." + m.regions()[r.region].code + ".share");
            REQUIRE(f);
            CHECK(headline.find(f->shown) != std::string::npos);
        }
        if (!zh) CHECK(headline.find("most") == std::string::npos);
        // The range line (the model has ranges), and the chains that travel on every step.
        CHECK(s.figure("trail.range.low"));
        CHECK(s.figure("trail.range.high"));
        REQUIRE(s.figure("trail.chain.0.share"));
        const auto list = ctrail::ui::chains_for_step(t, step);
        // Released outside the buyer's province; where fewer than three leave, the largest
        // released at home complete the list (and the heading says so).
        for (const auto* path : list.paths)
            if (list.all_leave) CHECK(path->nodes.back().region != sh);
        CHECK((list.all_leave || step < ctrail::ui::kTrailSteps));
        CHECK(list.paths.size() >= 3); // at least three chains on every step (800x480 too)
        CHECK(s.figure("trail.chain.2.share"));
    }
    // The last step: the four-way split, all four shown, adding up to 100.0%.
    const State last = read_state(dir + "/08-trail-4.state.tsv");
    double shown_sum = 0;
    for (const char* key : {"home", "coast", "centre_west", "northeast"}) {
        const auto* f = last.figure(std::string("trail.split.") + key);
        REQUIRE(f);
        shown_sum += read_shown(f->shown, f->unit);
    }
    CHECK(shown_sum == doctest::Approx(1.0).epsilon(1e-9));
    CHECK(t.furthest_interior);
    for (const auto& path : t.furthest.paths)
        CHECK(m.regions()[path.nodes.back().region].zone == "centre_west");
    // The step after the trail: the lever's second step against today, every figure drawn.
    const State what_if = read_state(dir + "/08b-what-if.state.tsv");
    CHECK(what_if["lever"] == "1");
    CHECK(what_if["lever_step"] == steps[1].id);
    CHECK(what_if["what_if_pending"] == "0");
    for (const char* id :
         {"what_if.product_kg.before", "what_if.product_kg.after", "what_if.product_cut",
          "what_if.elsewhere.before", "what_if.elsewhere.after", "what_if.national_mt.before",
          "what_if.national_mt.after", "what_if.national_cut"})
        CHECK_MESSAGE(what_if.figure(id), id);
    CHECK(lever.product_kg < today.product_kg); // cleaner interior power: a smaller footprint
    const State big_state = read_state(dir + "/09-big-picture.state.tsv");
    CHECK(big_state.figure("big.national_outside_share"));
    CHECK(big_state["responsibility"] == "territorial");
    CHECK(big_state["lever"] == "1");
    CHECK(big_state.figure("big.territorial.SH.mt"));
    CHECK(big_state.figure("big.territorial.china.mt"));
    const State about = read_state(dir + "/10-about.state.tsv");
    CHECK(about.figure("about.year"));
    const State countdown = read_state(dir + "/11-idle-countdown.state.tsv");
    CHECK(countdown["idle_countdown"] == "1");
    const int left = std::stoi(countdown["countdown_seconds"]);
    CHECK(left >= 1);
    CHECK(left <= 10);
    const State after = read_state(dir + "/12-attract-after-reset.state.tsv");
    CHECK(after["awake"] == "0");
    CHECK(after["region"] == "");
    CHECK(after["product"] == "");
}

} // namespace

TEST_CASE("tour en 800x480") {
    check_tour("en", "800x480", {}, 800, 480);
}
TEST_CASE("tour zh 800x480") {
    check_tour("zh", "800x480", {}, 800, 480);
}
TEST_CASE("tour en 1920x1080") {
    check_tour("en", "1920x1080", {}, 1920, 1080);
}
TEST_CASE("tour zh 1920x1080") {
    check_tour("zh", "1920x1080", {}, 1920, 1080);
}
TEST_CASE("tour portrait 480x800") {
    check_tour("en", "480x800", {}, 480, 800);
}
// The canvas is 800x480, turned a quarter clockwise onto a portrait panel: taps must be turned too.
TEST_CASE("tour rotated 90") {
    check_tour("en", "800x480", {"--rotate", "90"}, 480, 800);
}
