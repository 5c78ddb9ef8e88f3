// The year switch's comparison (engine/model_years): known answers on the two-region example
// against a copy with every emission doubled, equality with `ctrail compare --csv` on the
// bundled China models, and refusal of models whose regions differ.
#include "cli_run.hpp"
#include "error.hpp"
#include "model_years.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <sstream>

using namespace ctrail;
using test::ctrail_run;

TEST_CASE("year comparison: two-region example vs its doubled emissions, in kg") {
    test::TempDir dir;
    const std::string db_a = dir.file("a.sqlite"), db_b = dir.file("b.sqlite");
    REQUIRE(ctrail_run({"build", test::data_dir("two-region"), db_a}).code == 0);
    std::filesystem::create_directories(dir.path() / "doubled");
    test::copy_bundle("two-region", dir.path() / "doubled");
    test::write_text(dir.path() / "doubled/F.csv", "region,sector,stressor,value\n"
                                                   "COAST,PWR,CO2,10\nINLAND,PWR,CO2,32\n"
                                                   "INLAND,MFG,CO2,8\nCOAST,MFG,CO2,4\n"
                                                   "INLAND,AGR,CO2,2\n");
    test::write_text(dir.path() / "doubled/FY.csv", "region,category,stressor,value\n"
                                                    "COAST,households,CO2,6\n"
                                                    "INLAND,households,CO2,2\n");
    REQUIRE(ctrail_run({"build", (dir.path() / "doubled").string(), db_b}).code == 0);
    const auto a = ExhibitModel::open(db_a);
    const auto b = ExhibitModel::open(db_b);
    const ExhibitYearComparison c = compare_years(*a, *b);
    CHECK(c.year_a == 2007);
    REQUIRE(c.groups == std::vector<std::string>{"East", "West"});
    // By hand (test_model_comparison.cpp): West -> East 11.125 Mt, East -> West 0, doubled in B.
    REQUIRE(c.flows.size() == 4);
    CHECK(c.flows[2].from == 1);
    CHECK(c.flows[2].to == 0);
    CHECK(c.flows[2].flow.a_kg == doctest::Approx(11.125e9));
    CHECK(c.flows[2].flow.b_kg == doctest::Approx(22.25e9));
    // East imports 11.125 Mt net from West; West exports it: each group's net is the other's.
    REQUIRE(c.net.size() == 2);
    CHECK(c.net[0].net_import.a_kg == doctest::Approx(11.125e9));
    CHECK(c.net[1].net_import.b_kg == doctest::Approx(-22.25e9));
    CHECK(c.net[0].importer_a());
    CHECK_FALSE(c.net[1].importer_b());
    CHECK(c.national_territorial.b_kg == doctest::Approx(64e9));
}

TEST_CASE("year comparison: equals ctrail compare on the bundled 2007 and 2017 models") {
    const std::string dir = CTRAIL_MODEL_DIR;
    const std::string db_a = dir + "/china-2007.sqlite", db_b = dir + "/china-2017.sqlite";
    const auto a = ExhibitModel::open(db_a);
    const auto b = ExhibitModel::open(db_b);
    const ExhibitYearComparison c = compare_years(*a, *b);
    CHECK(c.year_a == 2007);
    CHECK(c.year_b == 2017);
    CHECK(c.groups.size() == 8);
    test::Run csv = ctrail_run({"compare", db_a, db_b, "--csv"});
    REQUIRE(csv.code == 0);
    std::istringstream in(csv.out);
    int matched = 0;
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("flow,", 0) != 0) continue;
        // flow,,FROM,TO,flow,A,B,CHANGE (Mt)
        std::vector<std::string> cells;
        std::stringstream ss(line);
        for (std::string cell; std::getline(ss, cell, ',');) cells.push_back(cell);
        REQUIRE(cells.size() == 8);
        for (const YearGroupFlow& f : c.flows)
            if (c.groups[f.from] == cells[2] && c.groups[f.to] == cells[3]) {
                CHECK(f.flow.a_kg == doctest::Approx(std::stod(cells[5]) * 1e9).epsilon(1e-12));
                CHECK(f.flow.b_kg == doctest::Approx(std::stod(cells[6]) * 1e9).epsilon(1e-12));
                ++matched;
            }
    }
    CHECK(matched == 64);
}

TEST_CASE("year comparison: models of different regions are refused, saying what differs") {
    test::TempDir dir;
    const std::string db_a = dir.file("a.sqlite"), db_b = dir.file("b.sqlite");
    REQUIRE(ctrail_run({"build", test::data_dir("two-region"), db_a}).code == 0);
    std::filesystem::create_directories(dir.path() / "other");
    test::copy_bundle("two-region", dir.path() / "other");
    test::write_text(dir.path() / "other/regions.csv",
                     "code,name_en,name_zh,kind,group,coastal,lat,lon\n"
                     "COAST,Coastal province,沿海省,domestic,East,true,31.23,121.47\n"
                     "INLAND,Inland province,内陆省,domestic,North,false,40.84,111.75\n"
                     "ROW,Rest of the world,世界其他地区,external,,,,\n");
    REQUIRE(ctrail_run({"build", (dir.path() / "other").string(), db_b}).code == 0);
    const auto a = ExhibitModel::open(db_a);
    const auto b = ExhibitModel::open(db_b);
    CHECK_THROWS_WITH_AS(compare_years(*a, *b),
                         doctest::Contains("INLAND [West] in A, INLAND [North] in B"), ModelError);
}

TEST_CASE("year comparison: ctrail validate's Southwest row follows the model's net balance") {
    const std::string dir = CTRAIL_MODEL_DIR;
    const auto a = ExhibitModel::open(dir + "/china-2007.sqlite");
    for (int year : {2007, 2012, 2017}) {
        INFO("year " << year);
        const std::string db = dir + "/china-" + std::to_string(year) + ".sqlite";
        const auto b = ExhibitModel::open(db);
        const ExhibitYearComparison c = compare_years(*a, *b);
        int sw = -1;
        for (size_t g = 0; g < c.groups.size(); ++g)
            if (c.groups[g] == "Southwest") sw = static_cast<int>(g);
        REQUIRE(sw >= 0);
        const bool importer = c.net[static_cast<size_t>(sw)].importer_b();
        test::Run r = ctrail_run({"validate", db});
        REQUIRE(r.code == 0);
        const auto at = r.out.find("| Southwest's net position |");
        REQUIRE(at != std::string::npos);
        const std::string row = r.out.substr(at, r.out.find('\n', at) - at);
        CHECK(row.find(importer ? "| net importer, " : "| net exporter, ") != std::string::npos);
        const char* verdict = year == 2017                 ? "| not comparable |"
                              : importer == (year == 2012) ? "| agrees |"
                                                           : "| disagrees |";
        CHECK(row.find(verdict) != std::string::npos);
    }
}
