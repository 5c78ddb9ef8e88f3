#include "cli_run.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>
#include <sstream>

using namespace ctrail;
namespace fs = std::filesystem;

using test::ctrail_run;
using test::Run;

TEST_CASE("cli: help on every command, usage errors exit 2") {
    for (const char* cmd :
         {"build", "info", "accounts", "transfers", "trace", "headline", "export", "validate"}) {
        CAPTURE(cmd);
        Run r = ctrail_run({cmd, "--help"});
        CHECK(r.code == 0);
        CHECK(r.out.find(std::string("usage: ctrail ") + cmd) == 0);
        CHECK(ctrail_run({cmd}).code == 2);
        CHECK(ctrail_run({cmd, "a.sqlite", "--no-such-option"}).code == 2);
    }
    CHECK(ctrail_run({}).code == 2);
    CHECK(ctrail_run({"frobnicate"}).code == 2);
    Run help = ctrail_run({"--help"});
    CHECK(help.code == 0);
    CHECK(help.out.find("accounts") != std::string::npos);
}

TEST_CASE("cli: build, info, accounts and transfers on the two-region example") {
    test::TempDir dir;
    std::string db = dir.file("two.sqlite");
    Run b = ctrail_run({"build", test::data_dir("two-region"), db});
    REQUIRE(b.code == 0);
    CHECK(fs::exists(db));

    Run info = ctrail_run({"info", db});
    CHECK(info.code == 0);
    CHECK(info.out.find("year: 2007") != std::string::npos);
    CHECK(info.out.find("productive: yes") != std::string::npos);
    CHECK(info.out.find("factorisation of I - A: stored") != std::string::npos);
    CHECK(info.out.find("national share tied to final demand outside the emitting region: 54.5%") !=
          std::string::npos);

    Run acc = ctrail_run({"accounts", db, "--stressor", "CO2", "--csv"});
    CHECK(acc.code == 0);
    CHECK(acc.out.rfind("region,territorial,consumption,imported,exported", 0) == 0);
    CHECK(acc.out.find("\nCOAST,10,20.625,11.125,0.5,3,") != std::string::npos);
    CHECK(acc.out.find("\nROW,0,4.125,4.125,0,0,1\n") != std::string::npos);

    Run tr = ctrail_run({"transfers", db, "--csv"});
    CHECK(tr.code == 0);
    CHECK(tr.out.rfind("emitter,consumer,value\n", 0) == 0);
    CHECK(tr.out.find("INLAND,COAST,11.125\n") != std::string::npos);
    CHECK(tr.out.find("INLAND,ROW,3.625\n") != std::string::npos);

    Run bad = ctrail_run({"accounts", db, "--stressor", "CH4"});
    CHECK(bad.code == 2);
    CHECK(bad.err.find("unknown stressor 'CH4' (this model has: CO2)") != std::string::npos);
}

TEST_CASE("cli: a broken bundle exits 1 with file and line, leaving no output") {
    test::TempDir dir;
    fs::create_directories(dir.path() / "b");
    test::copy_bundle("two-region", dir.path() / "b");
    test::write_text(dir.path() / "b" / "F.csv",
                     "region,sector,stressor,value\nCOAST,PWR,CO2,-5\n");
    Run r = ctrail_run({"build", (dir.path() / "b").string(), dir.file("out.sqlite")});
    CHECK(r.code == 1);
    CHECK(r.err.find("F.csv:2: negative value -5") != std::string::npos);
    CHECK(!fs::exists(dir.file("out.sqlite")));
    CHECK(ctrail_run({"info", dir.file("missing.sqlite")}).code == 1);
}
