// Two models side by side (engine/model_comparison, ctrail compare): known answers on the
// two-region example against a copy whose emissions are all doubled (every account doubles,
// every share stays), refusal of models whose regions or sectors differ, and China 2007 vs 2012.
#include "bundle.hpp"
#include "cli_run.hpp"
#include "error.hpp"
#include "model_comparison.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

using namespace ctrail;
using test::ctrail_run;
using test::Run;

namespace {

// The two-region bundle with F and FY multiplied by 2, in `dir`.
void doubled_bundle(const test::TempDir& dir) {
    test::copy_bundle("two-region", dir.path());
    test::write_text(dir.path() / "F.csv", "region,sector,stressor,value\n"
                                           "COAST,PWR,CO2,10\nINLAND,PWR,CO2,32\n"
                                           "INLAND,MFG,CO2,8\nCOAST,MFG,CO2,4\n"
                                           "INLAND,AGR,CO2,2\n");
    test::write_text(dir.path() / "FY.csv", "region,category,stressor,value\n"
                                            "COAST,households,CO2,6\nINLAND,households,CO2,2\n");
}

Accounts accounts_of(const Model& m) {
    const Leontief l(m);
    return compute_accounts(m, l, 0);
}

} // namespace

TEST_CASE("model comparison: known answers, two-region example vs its doubled emissions") {
    const Model a = read_bundle(test::data_dir("two-region"));
    test::TempDir dir;
    doubled_bundle(dir);
    const Model b = read_bundle(dir.path().string());
    CHECK(model_mismatch(a, b).empty());
    const ModelComparison c = compare_models(a, accounts_of(a), b, accounts_of(b));

    // By hand (tests/unit/test_accounts.cpp's worked example): COAST territorial 5 + 2 + 3 = 10,
    // consumption 20.625 (its households 3 + 6.5 from COAST + 11.125 from INLAND); INLAND
    // territorial 16 + 4 + 1 + 1 = 22, consumption 7.25. Doubling F and FY doubles each.
    REQUIRE(c.regions.size() == 2);
    const RegionChange& coast = c.regions[0];
    CHECK(a.regions[coast.region].code == "COAST");
    CHECK(coast.territorial.a == doctest::Approx(10));
    CHECK(coast.territorial.b == doctest::Approx(20));
    CHECK(coast.territorial.change() == doctest::Approx(10));
    CHECK(coast.consumption.a == doctest::Approx(20.625));
    CHECK(coast.consumption.change() == doctest::Approx(20.625));
    CHECK(coast.net_transfer.a == doctest::Approx(10.625));
    CHECK(coast.net_transfer.b == doctest::Approx(21.25));
    // Share elsewhere: imported 11.125 of the 17.625 its final demand causes, in both.
    CHECK(coast.share_elsewhere.a == doctest::Approx(11.125 / 17.625));
    CHECK(coast.share_elsewhere.change() == doctest::Approx(0).epsilon(1e-12));
    const RegionChange& inland = c.regions[1];
    CHECK(inland.territorial.a == doctest::Approx(22));
    CHECK(inland.consumption.b == doctest::Approx(14.5));
    CHECK(inland.net_transfer.a == doctest::Approx(-14.75));
    CHECK(c.national_territorial.b == doctest::Approx(64));
    CHECK(c.national_consumption.a == doctest::Approx(32)); // ROW's 4.125 included

    // Groups East (COAST) and West (INLAND): West -> East 11.125, East -> East 6.5, West -> West
    // 6.25, East -> West 0; ROW is external, not a group here.
    REQUIRE(c.groups == std::vector<std::string>{"East", "West"});
    REQUIRE(c.flows.size() == 4);
    CHECK(c.flows[0].flow.a == doctest::Approx(6.5));
    CHECK(c.flows[1].flow.a == doctest::Approx(0));
    CHECK(c.flows[2].flow.a == doctest::Approx(11.125));
    CHECK(c.flows[2].flow.b == doctest::Approx(22.25));
    CHECK(c.flows[3].flow.change() == doctest::Approx(6.25));
}

TEST_CASE("model comparison: models of different regions or sectors are refused") {
    const Model a = read_bundle(test::data_dir("two-region"));
    Model b = a;
    b.sectors[1].code = "MAN";
    CHECK(model_mismatch(a, b) ==
          "sectors differ: 3 in A, 3 in B (first difference: position 2, MFG in A, MAN in B)");
    CHECK_THROWS_AS(compare_models(a, accounts_of(a), b, accounts_of(a)), ModelError);
    b = a;
    b.regions[1].group = "Central";
    CHECK(model_mismatch(a, b).find("regions differ") == 0);
    CHECK(model_mismatch(a, b).find("INLAND [West] in A, INLAND [Central] in B") !=
          std::string::npos);

    // On the command line: exit 1, saying what differs.
    test::TempDir dir;
    const std::string db_a = dir.file("a.sqlite"), db_b = dir.file("b.sqlite");
    REQUIRE(ctrail_run({"build", test::data_dir("two-region"), db_a}).code == 0);
    test::TempDir other;
    test::copy_bundle("two-region", other.path());
    test::write_text(other.path() / "regions.csv",
                     "code,name_en,name_zh,kind,group,coastal,lat,lon\n"
                     "COAST,Coastal province,沿海省,domestic,East,true,31.23,121.47\n"
                     "INLAND,Inland province,内陆省,domestic,North,false,40.84,111.75\n"
                     "ROW,Rest of the world,世界其他地区,external,,,,\n");
    REQUIRE(ctrail_run({"build", other.path().string(), db_b}).code == 0);
    Run r = ctrail_run({"compare", db_a, db_b});
    CHECK(r.code == 1);
    CHECK(r.out.empty());
    CHECK(r.err.find("cannot compare") != std::string::npos);
    CHECK(r.err.find("regions differ: 3 in A, 3 in B (first difference: position 2, INLAND "
                     "[West] in A, INLAND [North] in B)") != std::string::npos);
    CHECK(ctrail_run({"compare", db_a}).code == 2);
    CHECK(ctrail_run({"compare", db_a, db_a, db_a}).code == 2);
}

TEST_CASE("model comparison: ctrail compare text and CSV on the two-region example") {
    test::TempDir dir;
    const std::string db_a = dir.file("a.sqlite"), db_b = dir.file("b.sqlite");
    REQUIRE(ctrail_run({"build", test::data_dir("two-region"), db_a}).code == 0);
    test::TempDir doubled;
    doubled_bundle(doubled);
    REQUIRE(ctrail_run({"build", doubled.path().string(), db_b}).code == 0);

    Run csv = ctrail_run({"compare", db_a, db_b, "--csv"});
    REQUIRE(csv.code == 0);
    CHECK(csv.out.rfind("section,region,from_group,to_group,quantity,a,b,change\n", 0) == 0);
    CHECK(csv.out.find("province,COAST,,,territorial,10,20,10\n") != std::string::npos);
    CHECK(csv.out.find("province,COAST,,,consumption,20.625,41.25,20.625\n") != std::string::npos);
    CHECK(csv.out.find("province,INLAND,,,net_transfer,-14.75,-29.5,-14.75\n") !=
          std::string::npos);
    CHECK(csv.out.find("flow,,West,East,flow,11.125,22.25,11.125\n") != std::string::npos);

    Run text = ctrail_run({"compare", db_a, db_b});
    REQUIRE(text.code == 0);
    CHECK(text.out.find("COAST Coastal province") != std::string::npos);
    CHECK(text.out.find("+100.0%") != std::string::npos);
}

TEST_CASE("model comparison: China 2007 vs 2012 (smoke)") {
    const std::string dir = CTRAIL_MODEL_DIR;
    Run r =
        ctrail_run({"compare", dir + "/china-2007.sqlite", dir + "/china-2012.sqlite", "--csv"});
    REQUIRE(r.code == 0);
    size_t provinces = 0, flows = 0;
    std::istringstream in(r.out);
    std::string line;
    while (std::getline(in, line)) {
        provinces += line.rfind("province,", 0) == 0;
        flows += line.rfind("flow,", 0) == 0;
    }
    CHECK(provinces == 30 * 4);
    CHECK(flows == 8 * 8);
    // CEADs totals: 6822.27 Mt (2007) and 9742.7 Mt (2012), territorial = consumption overall.
    Run text = ctrail_run({"compare", dir + "/china-2007.sqlite", dir + "/china-2012.sqlite"});
    REQUIRE(text.code == 0);
    CHECK(text.out.find("6822.3") != std::string::npos);
    CHECK(text.out.find("9742.7") != std::string::npos);
    CHECK(text.out.find("Northwest") != std::string::npos);
}
