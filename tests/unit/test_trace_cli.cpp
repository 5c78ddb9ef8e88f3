#include "cli_run.hpp"
#include "store.hpp"
#include "test_support.hpp"
#include "trace_fixtures.hpp"

#include <doctest/doctest.h>
#include <sstream>

using namespace ctrail;

namespace {

using test::ctrail_run;
using test::Run;

// Rows of simple CSV output (no quoted fields in these tests).
std::vector<std::vector<std::string>> csv_rows(const std::string& text) {
    std::vector<std::vector<std::string>> rows;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        std::vector<std::string> cells;
        std::istringstream l(line);
        for (std::string cell; std::getline(l, cell, ',');) cells.push_back(cell);
        rows.push_back(cells);
    }
    return rows;
}

} // namespace

TEST_CASE("cli trace: CSV paths of the hand-worked case, codes, consumer's product first") {
    test::TempDir dir;
    const std::string db = dir.file("hand.sqlite");
    write_database(test::hand_model(), db);
    // 100 x 10^4 yuan of SH/MAC: the paths of test_trace.cpp, threshold 0.05 drops NM/MAC (5).
    Run r = ctrail_run({"trace", db, "--region", "SH", "--sector", "MAC", "--amount", "100",
                        "--threshold", "0.05", "--csv"});
    REQUIRE(r.code == 0);
    const auto rows = csv_rows(r.out);
    REQUIRE(rows.size() == 7);
    CHECK(rows[0] == std::vector<std::string>{"rank", "value", "share", "depth", "path"});
    const std::vector<std::string> paths = {
        "SH/MAC <- NM/MET", "SH/MAC <- SH/POWER",           "SH/MAC <- NM/MET <- NM/POWER",
        "NM/MAC <- NM/MET", "NM/MAC <- NM/MET <- NM/POWER", "SH/MAC"};
    const std::vector<double> values = {30, 24, 22.5, 12.5, 9.375, 7.5};
    const std::vector<std::string> depths = {"1", "1", "2", "1", "2", "0"};
    for (size_t p = 0; p < paths.size(); ++p) {
        REQUIRE(rows[p + 1].size() == 5);
        CHECK(rows[p + 1][0] == std::to_string(p + 1));
        CHECK(std::stod(rows[p + 1][1]) == doctest::Approx(values[p]).epsilon(1e-12));
        CHECK(std::stod(rows[p + 1][2]) == doctest::Approx(values[p] / 110.875).epsilon(1e-12));
        CHECK(rows[p + 1][3] == depths[p]);
        CHECK(rows[p + 1][4] == paths[p]);
    }
    // --yuan converts with the currency unit (10^4 yuan) and --top caps the list.
    Run y = ctrail_run({"trace", db, "--region", "SH", "--sector", "MAC", "--yuan", "1000000",
                        "--top", "2", "--csv"});
    REQUIRE(y.code == 0);
    const auto top = csv_rows(y.out);
    REQUIRE(top.size() == 3);
    CHECK(std::stod(top[1][1]) == doctest::Approx(30).epsilon(1e-12));
    CHECK(top[2][4] == "SH/MAC <- SH/POWER");
}

TEST_CASE("cli trace: text output in English and Chinese") {
    test::TempDir dir;
    const std::string db = dir.file("hand.sqlite");
    write_database(test::hand_model(), db);
    Run en = ctrail_run({"trace", db, "--region", "SH", "--sector", "MAC", "--amount", "100"});
    REQUIRE(en.code == 0);
    CHECK(en.out.find("total:   110.9 Mt = 1.109e+11 kg (1.109e+05 kg per yuan)") !=
          std::string::npos);
    CHECK(en.out.find("Emitted outside Shanghai: 71.6%") != std::string::npos);
    CHECK(en.out.find("NM Inner Mongolia") != std::string::npos);
    CHECK(en.out.find(
              "Machinery and vehicles assembled in Shanghai \u2190 steel and metals from Inner "
              "Mongolia \u2190 electricity from Inner Mongolia") != std::string::npos);
    Run zh = ctrail_run({"trace", db, "--region", "SH", "--sector", "MAC", "--lang", "zh"});
    REQUIRE(zh.code == 0);
    CHECK(zh.out.find("上海组装的机械和汽车 \u2190 内蒙古的钢铁和金属 \u2190 内蒙古的电力") !=
          std::string::npos);
}

TEST_CASE("cli trace: help and usage errors") {
    Run h = ctrail_run({"trace", "--help"});
    CHECK(h.code == 0);
    CHECK(h.out.find("usage: ctrail trace") == 0);
    test::TempDir dir;
    const std::string db = dir.file("hand.sqlite");
    write_database(test::hand_model(), db);
    CHECK(ctrail_run({"trace", db, "--sector", "MAC"}).code == 2);
    CHECK(ctrail_run({"trace", db, "--region", "SH"}).code == 2);
    CHECK(ctrail_run({"trace", db, "--region", "XX", "--sector", "MAC"}).code == 2);
    CHECK(ctrail_run({"trace", db, "--region", "SH", "--sector", "MAC", "--lang", "fr"}).code == 2);
    CHECK(ctrail_run({"trace", db, "--region", "SH", "--sector", "MAC", "--amount", "-1"}).code ==
          2);
    CHECK(ctrail_run(
              {"trace", db, "--region", "SH", "--sector", "MAC", "--amount", "1", "--yuan", "1"})
              .code == 2);
    CHECK(ctrail_run({"trace", dir.file("missing.sqlite"), "--region", "SH", "--sector", "MAC"})
              .code == 1);
}

TEST_CASE("cli trace: --emitted-in lists only the chains released in the named regions") {
    test::TempDir dir;
    const std::string db = dir.file("hand.sqlite");
    write_database(test::hand_model(), db);
    // Released in Inner Mongolia (by code, group or zone): the five NM-ending paths.
    for (const char* codes : {"NM", "North", "centre_west"}) {
        CAPTURE(codes);
        Run r = ctrail_run({"trace", db, "--region", "SH", "--sector", "MAC", "--amount", "100",
                            "--threshold", "0", "--emitted-in", codes, "--csv"});
        REQUIRE(r.code == 0);
        const auto rows = csv_rows(r.out);
        REQUIRE(rows.size() == 6);
        CHECK(rows[1][4] == "SH/MAC <- NM/MET");
        CHECK(rows[2][4] == "SH/MAC <- NM/MET <- NM/POWER");
        CHECK(rows[5][4] == "NM/MAC");
        for (size_t p = 1; p < rows.size(); ++p)
            CHECK(rows[p][4].rfind("NM/") != std::string::npos);
    }
    Run text = ctrail_run({"trace", db, "--region", "SH", "--sector", "MAC", "--amount", "100",
                           "--emitted-in", "coast"});
    REQUIRE(text.code == 0);
    // Shanghai's own: 7.5 + 24 = 31.5 of 110.875.
    CHECK(text.out.find("Emitted in coast: 28.4% (31.5 Mt)") != std::string::npos);
    CHECK(text.out.find("Top supply chains ending in coast (2 listed, coverage 100.0%") !=
          std::string::npos);
    Run bad =
        ctrail_run({"trace", db, "--region", "SH", "--sector", "MAC", "--emitted-in", "Mars"});
    CHECK(bad.code == 2);
    CHECK(bad.err.find("--emitted-in: 'Mars' is neither a region code, a group nor a zone") !=
          std::string::npos);
}
