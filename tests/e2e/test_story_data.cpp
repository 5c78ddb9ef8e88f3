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
    ExhibitTrace t;
    t.paths = {path({1, 2}, 0.5),            // home 0 -> 1 -> 2, revealed at step 2
               path({1}, 0.2),               // home 0 -> 1, step 1
               path({0, 0, 3}, 0.1),         // stays home twice, then 3: one leg 0 -> 3, step 3
               path({4, 5, 6, 7, 8}, 0.05)}; // deeper than the trail: the last step
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
    // 2 (0.1 %) is too small and 3 is not on the map; home 1 first, then 4 (named), then 0.
    REQUIRE(labels.size() == 3);
    CHECK(labels[0].region == 1);
    CHECK(labels[1].region == 4);
    CHECK(labels[2].region == 0);
    CHECK(ranked_labels(t, 1, shares, on_map, 2).size() == 2);
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
