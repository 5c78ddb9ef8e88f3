// Runs SQL on a database file in a test (to corrupt, downgrade or edit a built model), failing
// the test with SQLite's message when the statement is refused.
#pragma once

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <string>

namespace ctrail::test {

inline void exec_sql(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    char* err = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
    INFO((err ? err : ""));
    sqlite3_free(err);
    sqlite3_close(db);
    REQUIRE(rc == SQLITE_OK);
}

} // namespace ctrail::test
