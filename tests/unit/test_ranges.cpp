// Ensemble ranges (ranges.csv): bundle reading and validation, schema version 2 in the store,
// export, older databases, the exhibit API and ctrail's --ranges and validate.
#include "bundle.hpp"
#include "bundle_writer.hpp"
#include "cli_run.hpp"
#include "error.hpp"
#include "exhibit_model.hpp"
#include "sql_exec.hpp"
#include "store.hpp"
#include "test_support.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <sqlite3.h>
#include <sstream>

using namespace ctrail;
namespace fs = std::filesystem;

namespace {

const char* const kRanges = "quantity,region,sector,low,high\n"
                            "national_outside_share,,,0.25,0.5\n"
                            "consumer_share_elsewhere,COAST,,0.1,0.75\n"
                            "intensity_kg_per_yuan,COAST,MFG,0.5,2.5\n"
                            "share_outside,COAST,MFG,0.125,0.875\n"
                            "share_centre_west,COAST,MFG,0,0.5\n"
                            "exports_share,,,0.06,0.19\n"
                            "median_coastal,,,0.2,0.4\n";

// The two-region bundle plus a ranges.csv with `text`.
fs::path bundle_with_ranges(const test::TempDir& dir, const std::string& text) {
    fs::path b = dir.path() / "bundle";
    fs::create_directories(b);
    test::copy_bundle("two-region", b);
    test::write_text(b / "ranges.csv", text);
    return b;
}

long long pragma(const std::string& path, const char* name) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    sqlite3_stmt* s = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, (std::string("PRAGMA ") + name).c_str(), -1, &s, nullptr) ==
            SQLITE_OK);
    long long v = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : -1;
    sqlite3_finalize(s);
    sqlite3_close(db);
    return v;
}

using test::ctrail_run;
using test::Run;

} // namespace

TEST_CASE("ranges: a bundle's ranges.csv is stored (schema 2, application_id) and exported") {
    test::TempDir dir;
    Model m = read_bundle(bundle_with_ranges(dir, kRanges).string());
    REQUIRE(m.ranges.size() == 7);
    CHECK(m.ranges[2].quantity == "intensity_kg_per_yuan");
    CHECK(m.ranges[2].high == 2.5);

    const std::string db = dir.file("m.sqlite");
    write_database(m, db);
    CHECK(pragma(db, "user_version") == kSchemaVersion);
    CHECK(kSchemaVersion >= 2); // 2 brought the ranges; later versions keep them
    CHECK(pragma(db, "application_id") == 0x43545231);
    Model back = read_database(db);
    REQUIRE(back.ranges.size() == m.ranges.size());
    for (size_t i = 0; i < m.ranges.size(); ++i) {
        CHECK(back.ranges[i].quantity == m.ranges[i].quantity);
        CHECK(back.ranges[i].region == m.ranges[i].region);
        CHECK(back.ranges[i].sector == m.ranges[i].sector);
        CHECK(back.ranges[i].low == m.ranges[i].low);
        CHECK(back.ranges[i].high == m.ranges[i].high);
    }
    write_bundle(back, (dir.path() / "out").string());
    CHECK(test::read_text(dir.path() / "out" / "ranges.csv") == kRanges);

    // Without ranges.csv: no ranges, and export writes none.
    Model plain = read_bundle(test::data_dir("two-region"));
    CHECK(plain.ranges.empty());
    write_bundle(plain, (dir.path() / "plain").string());
    CHECK_FALSE(fs::exists(dir.path() / "plain" / "ranges.csv"));
}

TEST_CASE("ranges: bad rows are rejected with the file, line and problem") {
    const std::pair<const char*, const char*> cases[] = {
        {"share_outside,NOWHERE,MFG,0.1,0.2\n", "unknown region 'NOWHERE'"},
        {"share_outside,COAST,STEEL,0.1,0.2\n", "unknown sector 'STEEL'"},
        {"share_outside,COAST,MFG,0.3,0.2\n", "low is above high"},
        {"share_outside,COAST,MFG,0.3,1.2\n", "a share above 1"},
        {"intensity_kg_per_yuan,COAST,MFG,-1,2\n", "negative low"},
        {"national_outside_share,COAST,,0.1,0.2\n", "takes no region"},
        {"happiness,,,0.1,0.2\n", "unknown quantity 'happiness'"},
        {"share_outside,COAST,MFG,x,0.2\n", "not a number"},
        {"national_outside_share,,,0.1,0.2\nnational_outside_share,,,0.1,0.3\n",
         "duplicate range (first on line 2)"},
    };
    for (const auto& [rows, problem] : cases) {
        CAPTURE(rows);
        test::TempDir dir;
        fs::path b =
            bundle_with_ranges(dir, std::string("quantity,region,sector,low,high\n") + rows);
        CHECK_THROWS_WITH_AS(read_bundle(b.string()), doctest::Contains(problem), ModelError);
        CHECK_THROWS_WITH_AS(read_bundle(b.string()), doctest::Contains("ranges.csv:"), ModelError);
    }
}

TEST_CASE("ranges: a version 1 database is refused by ctrail but opened by the exhibit") {
    test::TempDir dir;
    const std::string db = dir.file("v1.sqlite");
    write_database(read_bundle(bundle_with_ranges(dir, kRanges).string()), db);
    // What a first-edition build wrote: no ranges table, user_version 1, no application_id.
    test::exec_sql(db, "DROP TABLE ranges; PRAGMA user_version = 1; PRAGMA application_id = 0;");
    CHECK_THROWS_WITH_AS(read_database(db), doctest::Contains("ctrail build"), ModelError);
    Run r = ctrail_run({"headline", db});
    CHECK(r.code == 1);
    CHECK(r.err.find("schema version 1") != std::string::npos);
    CHECK(r.err.find("ctrail build") != std::string::npos);

    auto model = ExhibitModel::open(db);
    CHECK(model->schema_version() == 1);
    CHECK_FALSE(model->has_ranges());
    CHECK_FALSE(model->trace_ranges("COAST", "MFG").share_elsewhere.known);
    CHECK(model->trace("COAST", "MFG", 100).error.empty());
}

TEST_CASE("ranges: foreign databases are refused") {
    test::TempDir dir;
    const std::string db = dir.file("other.sqlite");
    write_database(read_bundle(test::data_dir("two-region")), db);
    test::exec_sql(db, "PRAGMA application_id = 12345;");
    CHECK_THROWS_WITH_AS(read_database(db), doctest::Contains("not a Carbon Trail model"),
                         ModelError);
    // Version 2 must carry the application_id.
    test::exec_sql(db, "PRAGMA application_id = 0;");
    CHECK_THROWS_AS(read_database(db), ModelError);
}

TEST_CASE("ranges: the exhibit API returns the ranges of a trace") {
    test::TempDir dir;
    const std::string db = dir.file("m.sqlite");
    write_database(read_bundle(bundle_with_ranges(dir, kRanges).string()), db);
    auto model = ExhibitModel::open(db);
    CHECK(model->schema_version() == kSchemaVersion);
    CHECK(model->has_ranges());
    ExhibitTraceRanges t = model->trace_ranges("COAST", "MFG");
    CHECK(t.share_elsewhere.known);
    CHECK(t.share_elsewhere.low == 0.125);
    CHECK(t.share_elsewhere.high == 0.875);
    CHECK(t.kg_per_yuan.high == 2.5);
    CHECK(t.share_centre_west.high == 0.5);
    CHECK_FALSE(model->trace_ranges("INLAND", "MFG").share_elsewhere.known);
    CHECK(model->range("national_outside_share").low == 0.25);
    CHECK_FALSE(model->range("no_such_quantity").known);
}

TEST_CASE("ranges: ctrail headline and trace --ranges, text and CSV") {
    test::TempDir dir;
    const std::string db = dir.file("m.sqlite");
    write_database(read_bundle(bundle_with_ranges(dir, kRanges).string()), db);

    Run h = ctrail_run({"headline", db, "--ranges"});
    REQUIRE(h.code == 0);
    CHECK(h.out.find("(ensemble 25.0\u201350.0%)") != std::string::npos);
    CHECK(h.out.find("10.0\u201375.0%") != std::string::npos);
    CHECK(h.out.find("external demand alone: ") != std::string::npos);
    CHECK(h.out.find(", ensemble 6.0\u201319.0%)") != std::string::npos); // exports_share
    Run hc = ctrail_run({"headline", db, "--ranges", "--csv"});
    REQUIRE(hc.code == 0);
    CHECK(hc.out.find(",low,high\n") != std::string::npos);
    CHECK(hc.out.find("COAST,true,") == hc.out.find("COAST,"));
    CHECK(hc.out.find(",0.1,0.75\n") != std::string::npos);
    CHECK(hc.out.find(",0.25,0.5\n") != std::string::npos);
    // The other headline figures as rows after 'national', each with its range (or none).
    CHECK(hc.out.find("\nexternal_demand,,,,") != std::string::npos);
    CHECK(hc.out.find(",0.06,0.19\n") != std::string::npos);
    CHECK(hc.out.find("\ntop_coastal,,,,") != std::string::npos);
    CHECK(hc.out.find("\nmedian_coastal,,,,") != std::string::npos);
    CHECK(hc.out.find(",0.2,0.4\n") != std::string::npos);
    CHECK(hc.out.find("\nmedian_interior,,,,") != std::string::npos);
    {
        // Every row has as many fields as the header.
        std::istringstream rows(hc.out);
        std::string header, row;
        std::getline(rows, header);
        const auto fields = std::count(header.begin(), header.end(), ',');
        while (std::getline(rows, row)) CHECK(std::count(row.begin(), row.end(), ',') == fields);
    }
    // Without --ranges nothing changes.
    CHECK(ctrail_run({"headline", db}).out.find("ensemble") == std::string::npos);

    Run t = ctrail_run({"trace", db, "--region", "COAST", "--sector", "MFG", "--ranges"});
    REQUIRE(t.code == 0);
    CHECK(t.out.find("[ensemble 12.5\u201387.5%]") != std::string::npos);
    CHECK(t.out.find("central and western provinces") != std::string::npos);
    Run tc = ctrail_run({"trace", db, "--region", "COAST", "--sector", "MFG", "--ranges", "--csv"});
    REQUIRE(tc.code == 0);
    // The normal CSV (the paths) with two more columns, empty on path rows, then the ranges.
    CHECK(tc.out.find("rank,value,share,depth,path,low,high\n") == 0);
    CHECK(tc.out.find("\n1,") != std::string::npos);
    CHECK(tc.out.find("\nshare_outside,") != std::string::npos);
    CHECK(tc.out.find(",,,,0.125,0.875\n") != std::string::npos);
    CHECK(tc.out.find("\nintensity_kg_per_yuan,") != std::string::npos);
    CHECK(tc.out.find("\nshare_centre_west,") != std::string::npos);
    {
        std::istringstream rows(tc.out);
        std::string row;
        std::getline(rows, row);
        while (std::getline(rows, row)) {
            CAPTURE(row);
            if (row.rfind("share", 0) == 0 || row.rfind("intensity", 0) == 0) continue;
            CHECK(row.size() > 2);
            CHECK(row.substr(row.size() - 2) == ",,"); // a path row: no range
        }
    }
    // Without --ranges the CSV is as before.
    Run plain_csv = ctrail_run({"trace", db, "--region", "COAST", "--sector", "MFG", "--csv"});
    CHECK(plain_csv.out.find("rank,value,share,depth,path\n") == 0);
    CHECK(plain_csv.out.find("share_outside") == std::string::npos);

    // A model without ranges: --ranges is an error that says where ranges come from.
    const std::string plain = dir.file("plain.sqlite");
    write_database(read_bundle(test::data_dir("two-region")), plain);
    Run none = ctrail_run({"headline", plain, "--ranges"});
    CHECK(none.code == 2);
    CHECK(none.err.find("--ensemble") != std::string::npos);
}

TEST_CASE("validate: a Markdown table with verdicts") {
    test::TempDir dir;
    const std::string db = dir.file("m.sqlite");
    write_database(read_bundle(bundle_with_ranges(dir, kRanges).string()), db);
    Run v = ctrail_run({"validate", db});
    REQUIRE(v.code == 0);
    CHECK(v.out.find("| quantity | definition | year | source | published | model | range | "
                     "verdict | reason |") != std::string::npos);
    CHECK(v.out.find("National outside share") != std::string::npos);
    CHECK(v.out.find("reading B") != std::string::npos);
    // "Up to 80%": the abstract leaves the reading open; neither row may say otherwise.
    CHECK(v.out.find("does not say which reading") != std::string::npos);
    CHECK(v.out.find("attributes the 80%") == std::string::npos);
    CHECK(v.out.find("not checked") != std::string::npos); // no --sources
    const std::string md = dir.file("v.md");
    CHECK(ctrail_run({"validate", db, "--out", md}).code == 0);
    CHECK(test::read_text(md) == v.out);
    CHECK(ctrail_run({"validate", db, "--sources", dir.file("nowhere")}).code == 2);
}

TEST_CASE("ranges: the shipped China models carry ranges that hold their own figures") {
    for (const char* name : {"china-2007", "china-2012", "china-2017"}) {
        CAPTURE(name);
        const std::string db = std::string(CTRAIL_MODEL_DIR) + "/" + name + ".sqlite";
        Model m = read_database(db);
        REQUIRE_FALSE(m.ranges.empty());
        auto model = ExhibitModel::open(db);
        REQUIRE(model->has_ranges());
        // The point model is an ensemble member: its figures lie within the ranges (6 digits).
        const double national = model->big_picture().national_outside_share;
        ExhibitRange r = model->range("national_outside_share");
        CHECK(r.low <= national + 1e-6);
        CHECK(national <= r.high + 1e-6);
        for (const char* code : {"SH", "BJ", "GD"}) {
            CAPTURE(code);
            ExhibitTrace t = model->trace(code, "MACH", 1000);
            REQUIRE(t.error.empty());
            ExhibitTraceRanges tr = model->trace_ranges(code, "MACH");
            REQUIRE(tr.share_elsewhere.known);
            CHECK(tr.share_elsewhere.low <= t.share_elsewhere + 1e-6);
            CHECK(t.share_elsewhere <= tr.share_elsewhere.high + 1e-6);
            CHECK(tr.kg_per_yuan.low <= t.kg_per_yuan * (1 + 1e-5));
            CHECK(t.kg_per_yuan <= tr.kg_per_yuan.high * (1 + 1e-5));
        }
    }
}
