// Shared by the visits tests: fresh folders, records, and SQL run straight through SQLite.
#pragma once

#include "visits/visit_record.hpp"

#include <sqlite3.h>

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace vt {

inline std::filesystem::path fresh_dir(const std::string& name) {
    const std::filesystem::path p = std::filesystem::path(CTRAIL_VISITS_TEST_OUT) / name;
    std::filesystem::remove_all(p);
    std::filesystem::create_directories(p);
    return p;
}

inline std::string read_text(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline void write_text(const std::filesystem::path& p, const std::string& text) {
    std::ofstream(p, std::ios::binary) << text;
}

// Runs SQL on a database file (created when missing).
inline void exec_sql(const std::filesystem::path& db, const std::string& sql) {
    sqlite3* h = nullptr;
    REQUIRE(sqlite3_open(db.c_str(), &h) == SQLITE_OK);
    char* err = nullptr;
    const int rc = sqlite3_exec(h, sql.c_str(), nullptr, nullptr, &err);
    const std::string msg = err ? err : "";
    sqlite3_free(err);
    sqlite3_close(h);
    INFO(msg);
    REQUIRE(rc == SQLITE_OK);
}

// The first column of the first row of a query, as text.
inline std::string query(const std::filesystem::path& db, const std::string& sql) {
    sqlite3* h = nullptr;
    REQUIRE(sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    std::string out;
    if (sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
        out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(h);
    return out;
}

inline ctrail::visits::VisitRecord record(std::int64_t key, const std::string& start, int length_s,
                                          bool trusted, const std::string& region,
                                          std::vector<std::string> products,
                                          std::vector<std::string> screens,
                                          const std::string& end_reason) {
    ctrail::visits::VisitRecord v;
    v.key = key;
    v.start_local = start;
    v.end_local = start;
    v.duration_s = length_s;
    v.clock_trusted = trusted;
    v.languages = {"en"};
    v.region = region;
    v.products = std::move(products);
    v.screens = std::move(screens);
    for (const auto& s : v.screens)
        if (s == "trail") v.deepest_step = std::max(v.deepest_step, 1);
    v.end_reason = end_reason;
    return v;
}

} // namespace vt
