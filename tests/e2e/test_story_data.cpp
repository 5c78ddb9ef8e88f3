// The data behind the map screens, on hand-made engine results: the trail's legs (aggregated,
// revealed step by step, largest first), the bubble labels (headline provinces first), the
// headline choice, and the attract screen's flows.
#include <story_data.hpp>

#include <doctest/doctest.h>

using namespace ctrail;
using namespace ctrail::ui;

namespace {
TracePathView path(std::vector<int> regions, double share) {
    TracePathView p;
    for (int r : regions) p.nodes.push_back({r, 0});
    p.share = share;
    return p;
}
TraceRegionShare region_share(int region, double share) {
    TraceRegionShare r;
    r.region = region;
    r.share = share;
    return r;
}
} // namespace

TEST_CASE("story data: trail legs add up the chains along each pair of provinces") {
    ExhibitTrace t; // the step's chains: depth 0, 1, 2 leaving home, then the furthest trips
    t.leaving_by_depth.resize(3);
    t.leaving_by_depth[0].paths = {path({1}, 0.2)};       // home 0 -> 1, step 1
    t.leaving_by_depth[1].paths = {path({1, 2}, 0.5)};    // home 0 -> 1 -> 2, step 2
    t.leaving_by_depth[2].paths = {path({0, 0, 3}, 0.1)}; // stays home twice, then 3: step 3
    t.furthest.paths = {path({4, 5, 6, 7, 8}, 0.05)};     // the furthest trips: the last step
    const auto at3 = trail_legs(t, 0, 3, 8);
    REQUIRE(at3.size() == 3);
    CHECK(at3[0].from == 0);
    CHECK(at3[0].to == 1);
    CHECK(at3[0].share == doctest::Approx(0.7));
    CHECK(at3[0].reveal == 1);
    CHECK(at3[1].from == 1);
    CHECK(at3[1].to == 2);
    CHECK(at3[1].reveal == 2);
    CHECK(at3[2].to == 3);
    CHECK(at3[2].reveal == 3);
    const auto at1 = trail_legs(t, 0, 1, 8);
    REQUIRE(at1.size() == 1);
    CHECK(at1[0].share == doctest::Approx(0.2)); // only the chain revealed so far
    CHECK(trail_legs(t, 0, kTrailSteps, 8).size() == 3 + 5);
    CHECK(trail_legs(t, 0, kTrailSteps, 2).size() == 2);
}

TEST_CASE("story data: the headline names the two largest provinces outside home") {
    ExhibitTrace t;
    t.by_region = {region_share(3, 0.4), region_share(0, 0.3), region_share(5, 0.2),
                   region_share(6, 0.1)};
    HeadlineChoice two = choose_headline(t, 0);
    CHECK(two.kind == HeadlineChoice::Kind::Two);
    CHECK(two.top == std::vector<int>{3, 5});
    t.by_region = {region_share(0, 0.9), region_share(3, 0.1)};
    HeadlineChoice one = choose_headline(t, 0);
    CHECK(one.kind == HeadlineChoice::Kind::One);
    CHECK(one.top == std::vector<int>{3});
    t.by_region = {region_share(0, 1.0)};
    CHECK(choose_headline(t, 0).kind == HeadlineChoice::Kind::HomeOnly);
}

TEST_CASE("story data: labels go to the headline's provinces first, then the largest") {
    ExhibitTrace t;
    t.by_region = {region_share(2, 0.5), region_share(4, 0.3), region_share(1, 0.1)};
    const std::vector<double> shares{0.30, 0.10, 0.001, 0.25, 0.20};
    const std::vector<int> on_map{0, 1, 2, -1, 4};
    const auto labels = ranked_labels(t, 1, shares, on_map, 6);
    // 3 is not on the map. The headline names 2 and 4, so both keep a label however small their
    // share so far (2 has 0.1 %), first; then home 1, then 0, the largest of the rest. Every
    // named one and every bubble of 2 % or more keeps its label.
    REQUIRE(labels.size() == 4);
    CHECK(labels[0].region == 2);
    CHECK(labels[1].region == 4);
    CHECK(labels[2].region == 1);
    CHECK(labels[3].region == 0);
    CHECK(ranked_labels(t, 1, shares, on_map, 2).size() == 4);
    // A province nobody names needs a visible bubble (0.2 %): here only named ones qualify.
    const std::vector<double> small{0.01, 0.015, 0.001, 0.0, 0.005};
    const auto few = ranked_labels(t, 1, small, on_map, 1, {0});
    REQUIRE(few.size() == 4);
    CHECK(few[0].region == 2);
    CHECK(few[3].region == 0);
    const auto unnamed = ranked_labels(t, 1, small, on_map, 1);
    REQUIRE(unnamed.size() == 3); // 0 (1 %) is neither named nor 2 %: the cap of 1 drops it
    t.by_region = {region_share(4, 0.5)};
    const std::vector<double> tiny{0.001, 0.015, 0.0, 0.0, 0.0};
    const auto none = ranked_labels(t, 1, tiny, on_map, 6);
    REQUIRE(none.size() == 1); // home only: 0 is below 0.2 % and 4 has no CO2 yet
    CHECK(none[0].region == 1);
}

TEST_CASE("story data: attract flows run from the interior's largest emitters to the coast") {
    std::vector<ExhibitRegion> regions(6);
    for (auto& r : regions) r.has_location = true;
    regions[0].coastal = regions[1].coastal = true;
    regions[5].external = true;
    BigPicture big;
    const double territorial[] = {9, 9, 1, 3, 2, 100}, consumption[] = {5, 7, 9, 9, 9, 9};
    for (int i = 0; i < 6; ++i) {
        RegionAccount a;
        a.region = i;
        a.territorial = territorial[i];
        a.consumption = consumption[i];
        big.regions.push_back(a);
    }
    const auto flows = attract_flows(big, regions);
    REQUIRE(flows.size() == 4); // two per coastal province
    CHECK(flows[0].to == 1);    // the larger consumer first
    CHECK(flows[0].from == 3);  // the largest interior emitter (5 is external)
    for (const Flow& f : flows) {
        CHECK((f.to == 0 || f.to == 1));
        CHECK((f.from >= 2 && f.from <= 4));
    }
    CHECK(share_through_step(ExhibitTrace{}, kTrailSteps) == 1.0);
}

TEST_CASE("story data: each step lists its own chains, the last the furthest trips") {
    ExhibitTrace t;
    t.leaving_by_depth.resize(4);
    for (int d = 0; d < 4; ++d) {
        auto& paths = t.leaving_by_depth[std::size_t(d)].paths;
        for (int k = 0; k < 3; ++k) paths.push_back(path(std::vector<int>(d + 1, d + 1), 0.1));
    }
    t.furthest.paths = {path({9}, 0.3)};
    for (int step = 1; step < kTrailSteps; ++step) {
        const StepChains l = chains_for_step(t, step);
        REQUIRE(l.paths.size() == 3);
        CHECK(l.all_leave);
        CHECK(l.paths[0] == &t.leaving_by_depth[std::size_t(step - 1)].paths[0]);
    }
    REQUIRE(chains_for_step(t, kTrailSteps).paths.size() == 1);
    CHECK(chains_for_step(t, kTrailSteps).paths[0] == &t.furthest.paths[0]);
    CHECK(chain_regions(t, kTrailSteps) == std::vector<int>{9});
    CHECK(chain_regions(t, 2) == std::vector<int>{2});
    ExhibitTrace none; // a trace without chain lists (ExhibitTraceOptions::chains = 0)
    CHECK(chains_for_step(none, 1).paths.empty());
    CHECK(chain_regions(none, 1).empty());
}

TEST_CASE("story data: a step where few chains leave is completed by the largest at home") {
    // A car bought in region 0: its own assembly left home only twice, once tiny.
    ExhibitTrace t;
    t.region = 0;
    t.leaving_by_depth.resize(3);
    t.leaving_by_depth[0].paths = {path({1}, 0.0014), path({2}, 0.0004)};
    t.paths = {path({0, 0}, 0.2), path({0}, 0.016), path({0, 3}, 0.01), path({0}, 0.001)};
    const StepChains l = chains_for_step(t, 1);
    CHECK_FALSE(l.all_leave);
    REQUIRE(l.paths.size() == kStepChains);
    // Depth 0 released at home, then the two that leave, largest first; never a deeper chain.
    CHECK(l.paths[0] == &t.paths[1]);
    CHECK(l.paths[1] == &t.leaving_by_depth[0].paths[0]);
    CHECK(l.paths[2] == &t.leaving_by_depth[0].paths[1]);
    // A step with enough leaving chains lists only those.
    t.leaving_by_depth[1].paths = {path({0, 1}, 0.1), path({0, 2}, 0.05), path({3, 3}, 0.01)};
    CHECK(chains_for_step(t, 2).all_leave);
}

TEST_CASE("story data: the four-way split adds up to 100.0 % as shown") {
    // The Shanghai car's split (issue 10): 36.3 / 35.8 / 24.7 / 3.2.
    TraceZoneSplit z;
    z.home = 0.36281;
    z.coast = 0.35804;
    z.centre_west = 0.24676;
    z.northeast = 0.03239;
    const auto parts = four_way_split(z);
    REQUIRE(parts.size() == 4);
    CHECK(std::string(parts[0].key) == "home");
    CHECK(std::string(parts[2].key) == "centre_west");
    CHECK(parts[0].tenths == 363);
    CHECK(parts[1].tenths == 358);
    CHECK(parts[2].tenths == 247);
    CHECK(parts[3].tenths == 32);
    // Three equal thirds round to 33.3 each; the largest remainder gets the last tenth.
    const auto thirds = tenths_adding_up({1.0 / 3, 1.0 / 3, 1.0 / 3});
    CHECK(thirds[0] + thirds[1] + thirds[2] == 1000);
    for (int v : thirds) CHECK((v == 333 || v == 334));
    // Rounding each alone would give 1001 here (12.35 + 12.35 + 75.3 -> 12.4 + 12.4 + 75.3).
    const auto up = tenths_adding_up({0.12350, 0.12350, 0.75300});
    CHECK(up[0] + up[1] + up[2] == 1000);
    // Regions without a zone count with the other coast; an empty split shows zeros.
    TraceZoneSplit u;
    u.home = 0.5;
    u.unzoned = 0.5;
    CHECK(four_way_split(u)[1].tenths == 500);
    CHECK(tenths_adding_up({0.0, 0.0}) == std::vector<int>{0, 0});
}

TEST_CASE("story data: the headline's two largest shares elsewhere, and the inland sentence") {
    ExhibitTrace t;
    t.region = 0;
    t.by_region = {region_share(0, 0.6), region_share(3, 0.25), region_share(5, 0.15)};
    t.share_elsewhere = 0.4;
    t.home_zone = "coast";
    HeadlineChoice c = choose_headline(t, 0);
    CHECK(c.top == std::vector<int>{3, 5});
    REQUIRE(c.top_share.size() == 2);
    CHECK(c.top_share[0] == doctest::Approx(0.25));
    CHECK_FALSE(c.mostly_here); // coastal: "40% ... outside; the largest shares: ..."
    t.home_zone = "centre_west";
    CHECK(choose_headline(t, 0).mostly_here); // inland and 60% at home: "most of it here"
    t.share_elsewhere = 0.7;
    CHECK_FALSE(choose_headline(t, 0).mostly_here);
}
