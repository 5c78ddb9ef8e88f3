// visits.sqlite: pragmas and identity, replacing a visit by its key, visits left open by a
// previous run, retention, the migration from version 1 (fixture), and files it must refuse
// without changing them.
#include "support.hpp"

#include "visits/visit_store.hpp"

#include <ctime>

using namespace ctrail::visits;

namespace {
std::time_t local_time(int y, int mo, int d, int h, int mi) {
    std::tm tm{};
    tm.tm_year = y - 1900, tm.tm_mon = mo - 1, tm.tm_mday = d, tm.tm_hour = h, tm.tm_min = mi;
    tm.tm_isdst = -1;
    return std::mktime(&tm);
}
} // namespace

TEST_CASE("a new store: WAL and application_id and user_version") {
    const auto db = vt::fresh_dir("store-new") / "visits.sqlite";
    {
        VisitStore s = VisitStore::open(db, true);
        CHECK(s.schema_version() == kSchemaVersion);
    }
    CHECK(vt::query(db, "PRAGMA journal_mode") == "wal");
    CHECK(vt::query(db, "PRAGMA application_id") == std::to_string(kApplicationId));
    CHECK(vt::query(db, "PRAGMA user_version") == "2");
    CHECK(vt::query(db, "SELECT count(*) FROM pragma_table_info('visits') WHERE name IN "
                        "('end_screen','reached_big_picture')") == "2");
}

TEST_CASE("the store writes synchronous=NORMAL on its connection") {
    const auto db = vt::fresh_dir("store-sync") / "visits.sqlite";
    VisitStore s = VisitStore::open(db, true);
    // Per connection: NORMAL is 1 (SQLite's default is FULL, 2).
    CHECK(s.synchronous() == 1);
}

TEST_CASE("a visit is replaced by a later snapshot with the same key") {
    const auto db = vt::fresh_dir("store-upsert") / "visits.sqlite";
    VisitStore s = VisitStore::open(db, true);
    VisitRecord v = vt::record(7, "2026-03-02 10:15", 30, true, "SH", {}, {"region"}, "");
    s.write({v});
    v.screens = {"region", "product", "trail", "big_picture"};
    v.products = {"car", "phone"};
    v.duration_s = 200;
    v.end_reason = "home";
    s.write({v});
    const auto rows = s.load();
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].products == std::vector<std::string>{"car", "phone"});
    CHECK(rows[0].duration_s == 200);
    CHECK(rows[0].end_reason == "home");
    CHECK(rows[0].end_screen() == "big_picture");
    CHECK(vt::query(db, "SELECT end_screen || '/' || reached_big_picture FROM visits") ==
          "big_picture/1");
}

TEST_CASE("visits a previous run left open end as 'restart'") {
    const auto db = vt::fresh_dir("store-restart") / "visits.sqlite";
    VisitStore s = VisitStore::open(db, true);
    s.write({vt::record(1, "2026-03-02 10:15", 30, true, "SH", {"car"},
                        {"region", "product", "trail"}, ""),
             vt::record(2, "2026-03-02 10:20", 30, true, "SH", {}, {"region"}, "idle")});
    CHECK(s.close_open_visits() == 1);
    const auto rows = s.load();
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].end_reason == "restart");
    CHECK(rows[0].end_screen() == "trail");
    CHECK(rows[1].end_reason == "idle");
    CHECK(s.close_open_visits() == 0);
}

TEST_CASE("retention deletes visits that started before the cut-off day") {
    const auto db = vt::fresh_dir("store-prune") / "visits.sqlite";
    VisitStore s = VisitStore::open(db, true);
    s.write({vt::record(1, "2025-01-29 23:59", 30, true, "SH", {}, {}, "idle"),
             vt::record(2, "2025-01-30 00:00", 30, true, "SH", {}, {}, "idle"),
             vt::record(3, "2026-03-05 10:00", 30, false, "SH", {}, {}, "idle")});
    const std::time_t now = local_time(2026, 3, 6, 9, 0);
    CHECK(cutoff_date(400, now) == "2025-01-30"); // 2026-03-06 less 400 days
    CHECK(s.prune(400, now) == 1);
    const auto rows = s.load();
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].key == 2);
    CHECK(s.prune(400, now) == 0);
    CHECK(s.prune(1, now) == 1); // only yesterday's and later stay
    CHECK(s.load().size() == 1);
}

TEST_CASE("a version 1 database (fixture) is migrated to version 2 on open") {
    const auto dir = vt::fresh_dir("store-migrate");
    const auto db = dir / "visits.sqlite";
    vt::exec_sql(db, vt::read_text(CTRAIL_VISITS_TEST_DATA "/visits-v1.sql"));
    {
        VisitStore ro = VisitStore::open_read_only(db);
        CHECK(ro.schema_version() == 1);
        CHECK(ro.load().size() == 3); // readable as it is, unchanged
    }
    CHECK(vt::query(db, "PRAGMA user_version") == "1");
    VisitStore s = VisitStore::open(db, false);
    CHECK(s.schema_version() == 2);
    CHECK(vt::query(db, "SELECT group_concat(end_screen || ':' || reached_big_picture, ' ') FROM "
                        "(SELECT * FROM visits ORDER BY id)") == "about:1 product:0 attract:0");
    CHECK(vt::query(db, "SELECT count(*) FROM sqlite_master WHERE name='visits_start'") == "1");
    const auto rows = s.load("2026-03-02", "2026-03-02");
    REQUIRE(rows.size() == 2);
    CHECK(rows[1].languages == std::vector<std::string>{"en", "zh"});
    CHECK(rows[1].region == "GD");
    // A new visit goes in beside the migrated ones.
    s.write({vt::record(200, "2026-03-04 12:00", 60, true, "BJ", {"phone"}, {"region"}, "home")});
    CHECK(s.load().size() == 4);
}

TEST_CASE("files the store refuses are left as they were") {
    const auto dir = vt::fresh_dir("store-refuse");
    SUBCASE("another SQLite database") {
        const auto db = dir / "model.sqlite";
        vt::exec_sql(db, "CREATE TABLE regions(code TEXT);");
        const std::string before = vt::read_text(db);
        CHECK_THROWS_WITH_AS(VisitStore::open(db, true),
                             doctest::Contains("not a Carbon Trail visits database"), StoreError);
        CHECK(vt::read_text(db) == before);
        CHECK_FALSE(std::filesystem::exists(dir / "model.sqlite-wal"));
    }
    SUBCASE("a newer schema") {
        const auto db = dir / "visits.sqlite";
        vt::exec_sql(db, "PRAGMA application_id=1129608819; PRAGMA user_version=9; CREATE TABLE "
                         "visits(id INTEGER);");
        const std::string before = vt::read_text(db);
        CHECK_THROWS_WITH_AS(VisitStore::open(db, true), doctest::Contains("schema version 9"),
                             StoreError);
        CHECK(vt::read_text(db) == before);
    }
    SUBCASE("not a database") {
        const auto db = dir / "notes.txt";
        vt::write_text(db, "visits: lots\n");
        CHECK_THROWS_AS(VisitStore::open(db, true), StoreError);
        CHECK(vt::read_text(db) == "visits: lots\n");
    }
    SUBCASE("a missing file, read-only") {
        CHECK_THROWS_WITH_AS(VisitStore::open_read_only(dir / "none.sqlite"),
                             doctest::Contains("no such file"), StoreError);
        CHECK_FALSE(std::filesystem::exists(dir / "none.sqlite"));
    }
}
