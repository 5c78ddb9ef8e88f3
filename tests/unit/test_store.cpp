#include "bundle.hpp"
#include "error.hpp"
#include "random_model.hpp"
#include "store.hpp"
#include "store_factorisation.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

using namespace ctrail;
namespace fs = std::filesystem;

TEST_CASE("store: a model survives the round trip through SQLite exactly") {
    test::TempDir dir;
    Model a = read_bundle(test::data_dir("two-region"));
    write_database(a, dir.file("m.sqlite"));
    Model b = read_database(dir.file("m.sqlite"));
    CHECK(b.meta == a.meta);
    REQUIRE(b.regions.size() == a.regions.size());
    for (size_t r = 0; r < a.regions.size(); ++r) {
        CHECK(b.regions[r].code == a.regions[r].code);
        CHECK(b.regions[r].name_zh == a.regions[r].name_zh);
        CHECK(b.regions[r].kind == a.regions[r].kind);
        CHECK(b.regions[r].group == a.regions[r].group);
        CHECK(b.regions[r].coastal == a.regions[r].coastal);
        CHECK(b.regions[r].lat == a.regions[r].lat);
    }
    CHECK(b.categories == a.categories);
    CHECK(b.domestic_count() == 2);
    CHECK(b.Z == a.Z);
    CHECK(b.Y == a.Y);
    CHECK(b.F == a.F);
    CHECK(b.FY == a.FY);
}

TEST_CASE("store: rebuilding replaces the old database atomically") {
    test::TempDir dir;
    Model m = test::random_model(3, 3, 5);
    write_database(m, dir.file("m.sqlite"));
    m.Z(0, 0) += 1;
    write_database(m, dir.file("m.sqlite"));
    CHECK(read_database(dir.file("m.sqlite")).Z(0, 0) == m.Z(0, 0));
    CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator{}) == 1);
}

TEST_CASE("store: the factorisation is computed beside the writing, for a valid model only") {
    test::TempDir dir;
    Model m = test::random_model(4, 3, 9);
    write_database(m, dir.file("valid.sqlite"));
    std::string why;
    const auto db = open_for_reading(dir.file("valid.sqlite"));
    CHECK(verify_stored_factorisation(*db, read_database(*db), why));
    // Invalid (a negative input): written, but with no factorisation to trust.
    m.Z(0, 1) = -1;
    write_database(m, dir.file("invalid.sqlite"));
    const auto bad = open_for_reading(dir.file("invalid.sqlite"));
    CHECK_FALSE(verify_stored_factorisation(*bad, read_database(*bad), why));
    CHECK(why == "has no usable checksum for its stored factorisation");
    CHECK(read_database(dir.file("invalid.sqlite")).Z == m.Z);
}

TEST_CASE("store: clear errors for missing, foreign and outdated databases") {
    test::TempDir dir;
    CHECK_THROWS_WITH_AS(read_database(dir.file("none.sqlite")),
                         doctest::Contains("none.sqlite: no such model database"), ModelError);

    test::write_text(dir.path() / "text.sqlite",
                     "this is not a database at all, just some text.............");
    CHECK_THROWS_AS(read_database(dir.file("text.sqlite")), ModelError);

    write_database(test::random_model(2, 2, 1), dir.file("old.sqlite"));
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(dir.file("old.sqlite").c_str(), &db) == SQLITE_OK);
    sqlite3_exec(db, "PRAGMA user_version = 99", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    CHECK_THROWS_WITH_AS(read_database(dir.file("old.sqlite")),
                         doctest::Contains(("schema version 99, this program reads version " +
                                            std::to_string(kSchemaVersion))
                                               .c_str()),
                         ModelError);

    CHECK_THROWS_WITH_AS(
        write_database(test::random_model(2, 2, 1), dir.file("missing/folder/m.sqlite")),
        doctest::Contains("does not exist"), ModelError);
}

TEST_CASE("store: a database with matrices that do not fit its labels is rejected") {
    test::TempDir dir;
    write_database(test::random_model(2, 2, 1), dir.file("m.sqlite"));
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(dir.file("m.sqlite").c_str(), &db) == SQLITE_OK);
    sqlite3_exec(db, "DELETE FROM sectors WHERE idx = 1", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    CHECK_THROWS_WITH_AS(read_database(dir.file("m.sqlite")),
                         doctest::Contains("has the wrong size"), ModelError);
}
