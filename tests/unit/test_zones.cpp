// The regional framing defined once in the bundle: the zone column through bundle, database and
// export, and "CODES" (region codes, group names, zone names) resolved to region sets.
#include "bundle.hpp"
#include "bundle_writer.hpp"
#include "error.hpp"
#include "store.hpp"
#include "test_support.hpp"
#include "trace_fixtures.hpp"
#include "zones.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

using namespace ctrail;

namespace {

// A bundle of the two-region test model whose regions.csv has a zone column.
void zoned_bundle(const test::TempDir& dir) {
    test::copy_bundle("two-region", dir.path());
    test::write_text(dir.path() / "regions.csv",
                     "code,name_en,name_zh,kind,group,coastal,zone,lat,lon\n"
                     "COAST,Coastal province,沿海省,domestic,East,true,coast,31.23,121.47\n"
                     "INLAND,Inland province,内陆省,domestic,West,false,centre_west,40.84,111.75\n"
                     "ROW,Rest of the world,世界其他地区,external,,,,,\n");
}

} // namespace

TEST_CASE("zones: the column is optional and survives bundle, database and export") {
    CHECK(read_bundle(test::data_dir("two-region")).regions[0].zone.empty());

    test::TempDir dir;
    test::TempDir in;
    zoned_bundle(in);
    const Model a = read_bundle(in.path().string());
    CHECK(a.regions[0].zone == "coast");
    CHECK(a.regions[1].zone == "centre_west");
    CHECK(a.regions[2].zone.empty());
    write_database(a, dir.file("m.sqlite"));
    const Model b = read_database(dir.file("m.sqlite"));
    for (size_t r = 0; r < a.regions.size(); ++r) CHECK(b.regions[r].zone == a.regions[r].zone);
    write_bundle(b, (dir.path() / "out").string());
    CHECK(test::read_text(dir.path() / "out" / "regions.csv")
              .find("INLAND,Inland province,内陆省,domestic,West,false,centre_west,") !=
          std::string::npos);
    CHECK(read_bundle((dir.path() / "out").string()).regions[1].zone == "centre_west");
}

TEST_CASE("zones: a database written before the zone column still reads") {
    test::TempDir dir;
    write_database(test::hand_model(), dir.file("m.sqlite"));
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(dir.file("m.sqlite").c_str(), &db) == SQLITE_OK);
    CHECK(sqlite3_exec(db, "ALTER TABLE regions DROP COLUMN zone", nullptr, nullptr, nullptr) ==
          SQLITE_OK);
    sqlite3_close(db);
    const Model m = read_database(dir.file("m.sqlite"));
    REQUIRE(m.regions.size() == 2);
    CHECK(m.regions[1].code == "NM");
    CHECK(m.regions[1].zone.empty());
}

TEST_CASE("zones: CODES name regions, groups and zones") {
    const Model m = test::hand_model(); // SH (group East Coast, coast), NM (North, centre_west)
    CHECK(resolve_regions(m, "SH") == RegionMask{1, 0});
    CHECK(resolve_regions(m, "North") == RegionMask{0, 1});
    CHECK(resolve_regions(m, "centre_west") == RegionMask{0, 1});
    CHECK(resolve_regions(m, "coast, NM") == RegionMask{1, 1});
    CHECK(zone_mask(m, "coast") == RegionMask{1, 0});
    CHECK(all_but(m, 0) == RegionMask{0, 1});
    CHECK_THROWS_WITH_AS(resolve_regions(m, "SH,Mars"),
                         doctest::Contains("'Mars' is neither a region code, a group nor a zone"),
                         ModelError);
    CHECK_THROWS_WITH_AS(resolve_regions(m, "northeast"),
                         doctest::Contains("zone 'northeast' has no region"), ModelError);
    CHECK_THROWS_WITH_AS(resolve_regions(m, "SH,,NM"), doctest::Contains("empty item"), ModelError);
    CHECK_THROWS_AS(resolve_regions(m, ""), ModelError);
}

TEST_CASE("zones: the four-way split adds up to the whole") {
    Model m = test::random_model(5, 2, 3);
    m.regions[4].zone = "northeast";
    Eigen::VectorXd v(6);
    v << 1, 2, 3, 4, 5, 0;
    const ZoneTotals t = zone_totals(m, v, 0); // R0 home; R2 coast; R1, R3 centre_west; R4 NE
    CHECK(t.home == 1);
    CHECK(t.coast == 3);
    CHECK(t.centre_west == 6);
    CHECK(t.northeast == 5);
    CHECK(t.unzoned == 0);
}

TEST_CASE("zones: the shipped China models carry the regional framing") {
    for (const char* year : {"china-2007", "china-2012", "china-2017"}) {
        const Model m = read_database(std::string(CTRAIL_MODEL_DIR) + "/" + year + ".sqlite");
        CAPTURE(year);
        const RegionMask by_zone = resolve_regions(m, "centre_west");
        CHECK(by_zone == resolve_regions(m, "Central,Northwest,Southwest"));
        CHECK(resolve_regions(m, "northeast") == resolve_regions(m, "HL,JL"));
        CHECK(m.regions[m.find_region("LN")].zone == "coast");
        CHECK(m.regions[m.find_region("NM")].zone == "centre_west");
        for (const Region& r : m.regions) CHECK(r.zone.empty() == (r.kind == RegionKind::External));
    }
}
