// "Where do you live?" as data: sections (home first, then the groups, coastal groups first,
// every province once per group) and what a map tap means (finger radius for small provinces).
#include <region_list.hpp>

#include <doctest/doctest.h>

#include <set>

using namespace ctrail;
using namespace ctrail::ui;

namespace {
ExhibitRegion reg(std::string code, std::string group, bool coastal, bool external = false) {
    ExhibitRegion r;
    r.code = std::move(code);
    r.name_en = r.code;
    r.group = std::move(group);
    r.coastal = coastal;
    r.external = external;
    return r;
}
} // namespace

TEST_CASE("region sections: home first, all-coastal groups next, each province in its group") {
    const std::vector<ExhibitRegion> regions = {reg("BJ", "Beijing-Tianjin", true),
                                                reg("SX", "Central", false),
                                                reg("LN", "Northeast", true),
                                                reg("JL", "Northeast", false),
                                                reg("SH", "Eastern Coastal", true),
                                                reg("HA", "Central", false),
                                                reg("XX", "", false),
                                                reg("ROW", "", false, true)};
    const auto s = region_sections(regions, 5); // home: Henan
    REQUIRE(s.size() == 6);
    CHECK(s[0].group.empty());
    CHECK(s[0].regions == std::vector<int>{5});
    CHECK(s[1].group == "Beijing-Tianjin");
    CHECK(s[2].group == "Eastern Coastal");
    CHECK(s[3].group == "Central");
    CHECK(s[3].regions == std::vector<int>{1, 5});
    CHECK(s[4].group == "Northeast"); // Liaoning is coastal, Jilin is not: not all-coastal
    CHECK(s[5].group.empty());        // the ungrouped region last
    CHECK(s[5].regions == std::vector<int>{6});
    std::multiset<int> seen;
    for (std::size_t i = 1; i < s.size(); ++i)
        seen.insert(s[i].regions.begin(), s[i].regions.end());
    CHECK(seen == std::multiset<int>{0, 1, 2, 3, 4, 5, 6}); // the external ROW is not listed

    CHECK(region_sections(regions, -1).front().group == "Beijing-Tianjin"); // no home
    CHECK(region_sections(regions, 7).front().group == "Beijing-Tianjin");  // ROW is no home
}

TEST_CASE("group names have literal text keys and id slugs") {
    CHECK(std::string(group_text_key("Beijing-Tianjin")) == "group.beijing_tianjin");
    CHECK(std::string(group_text_key("Northern Coastal")) == "group.northern_coastal");
    CHECK(std::string(group_text_key("Central")) == "group.central");
    CHECK(group_text_key("Atlantis") == nullptr); // shown by the model's own name
    CHECK(group_slug("Beijing-Tianjin") == "beijing_tianjin");
    CHECK(group_slug("Northern Coastal") == "northern_coastal");
}

TEST_CASE("a map tap means the small province within a finger radius, else the one under it") {
    const std::vector<MapSpot> spots = {{0, ImVec2(100, 100), true},  // Beijing-like, small
                                        {1, ImVec2(160, 100), false}, // its large neighbour
                                        {2, ImVec2(300, 300), true}}; // an island
    const float r = 36;
    CHECK(pick_province(ImVec2(120, 110), 1, spots, r) == 0);   // inside the neighbour, near dot 0
    CHECK(pick_province(ImVec2(140, 100), 1, spots, r) == 1);   // beyond the radius: the shape
    CHECK(pick_province(ImVec2(320, 320), -1, spots, r) == 2);  // in the sea beside the island
    CHECK(pick_province(ImVec2(400, 400), -1, spots, r) == -1); // open sea
    CHECK(pick_province(ImVec2(180, 90), -1, spots, r) == 1);   // off the coast by a large one
    // Two small dots: the nearer wins.
    const std::vector<MapSpot> pair = {{5, ImVec2(0, 0), true}, {6, ImVec2(20, 0), true}};
    CHECK(pick_province(ImVec2(12, 0), -1, pair, r) == 6);
    // Right on a large province's dot beside a small one: the large one (Chengdu, Chongqing).
    const std::vector<MapSpot> sc = {{7, ImVec2(0, 0), false}, {8, ImVec2(19, 0), true}};
    CHECK(pick_province(ImVec2(1, 0), 7, sc, r) == 7);
    CHECK(pick_province(ImVec2(15, 0), 7, sc, r) == 8);
    CHECK(pick_province(ImVec2(8, 0), -1, pair, r) == 5);
}
