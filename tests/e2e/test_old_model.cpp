// The exhibit on a first-edition (schema version 1) model database: it uses what it can. The
// trail shows no range line (no trail.range.* figure), the log says why, nothing crashes.
#include "e2e_support.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <filesystem>

using namespace e2e;

namespace {
// What a first-edition `ctrail build` wrote: no ranges table, user_version 1, no application_id.
void make_version_1(const std::string& db) {
    sqlite3* handle = nullptr;
    REQUIRE(sqlite3_open(db.c_str(), &handle) == SQLITE_OK);
    char* error = nullptr;
    const int rc = sqlite3_exec(
        handle, "DROP TABLE ranges; PRAGMA user_version = 1; PRAGMA application_id = 0;", nullptr,
        nullptr, &error);
    const std::string message = error ? error : "";
    sqlite3_free(error);
    sqlite3_close(handle);
    REQUIRE_MESSAGE(rc == SQLITE_OK, message);
}
} // namespace

TEST_CASE("an old schema version 1 model shows the trail without ranges") {
    require_model();
    const std::string dir = fresh_dir("old-model");
    const std::string db = dir + "/v1.sqlite";
    std::filesystem::copy_file(model_path(), db);
    make_version_1(db);
    const std::string script = "settle\ntap start\nsettle\ntap map.SH\nsettle\n"
                               "expect screen product\ntap product.car\nsettle\n"
                               "expect screen trail\nshot trail\n";
    REQUIRE(run_carbontrail({"--script", write_script(dir, script), "--tour", dir, "--model", db},
                            dir) == 0);
    const State s = read_state(dir + "/trail.state.tsv");
    CHECK(s["screen"] == "trail");
    CHECK(s.figure("trail.share_elsewhere")); // the trail itself is there
    for (const Figure& f : s.figures) {
        INFO(f.id);
        CHECK(f.id.rfind("trail.range.", 0) == std::string::npos);
    }
    const std::string log = read_text(dir + "/run.log");
    CHECK(log.find("model has no ensemble ranges (schema version 1)") != std::string::npos);

    // The same script on the shipped (version 2+) model does show the range: the check above
    // can fail.
    const std::string now = fresh_dir("old-model-current");
    REQUIRE(run_carbontrail(
                {"--script", write_script(now, script), "--tour", now, "--model", model_path()},
                now) == 0);
    CHECK(read_state(now + "/trail.state.tsv").figure("trail.range.low"));
}
