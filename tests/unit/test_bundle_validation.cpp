#include "bundle.hpp"
#include "error.hpp"
#include "store.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

using namespace ctrail;
namespace fs = std::filesystem;

// Breaks one file of the two-region bundle, builds it, and returns the error message; asserts
// that building failed and that no output file (nor a temporary one) was left behind.
static std::string build_error(const std::vector<std::pair<std::string, std::string>>& files) {
    test::TempDir dir;
    fs::create_directories(dir.path() / "bundle");
    test::copy_bundle("two-region", dir.path() / "bundle");
    for (const auto& [file, contents] : files) {
        if (contents.empty())
            fs::remove(dir.path() / "bundle" / file);
        else
            test::write_text(dir.path() / "bundle" / file, contents);
    }
    const std::string& file = files.front().first;
    std::string out = dir.file("model.sqlite"), message;
    try {
        write_database(read_bundle((dir.path() / "bundle").string()), out);
    } catch (const ModelError& e) {
        message = e.what();
    }
    CHECK_MESSAGE(!message.empty(), "building should have failed for a broken " << file);
    CHECK(!fs::exists(out));
    size_t leftovers = 0;
    for (const auto& e : fs::directory_iterator(dir.path())) leftovers += e.is_regular_file();
    CHECK(leftovers == 0);
    return message;
}

static std::string build_error(const std::string& file, const std::string& contents) {
    return build_error({{file, contents}});
}

static const std::string kZHeader = "from_region,from_sector,to_region,to_sector,value\n";

TEST_CASE("validation: every error names the file, the line and the problem") {
    SUBCASE("NaN") {
        auto m =
            build_error("Z.csv", kZHeader + "INLAND,PWR,COAST,MFG,10\nINLAND,MFG,COAST,MFG,nan\n");
        CHECK(m.find("Z.csv:3: value 'nan' in column 'value' is not finite") != std::string::npos);
    }
    SUBCASE("infinity") {
        auto m = build_error("F.csv", "region,sector,stressor,value\nCOAST,PWR,CO2,inf\n");
        CHECK(m.find("F.csv:2: value 'inf' in column 'value' is not finite") != std::string::npos);
    }
    SUBCASE("not a number") {
        auto m = build_error(
            "Y.csv",
            "from_region,from_sector,to_region,category,value\nCOAST,MFG,COAST,households,12a\n");
        CHECK(m.find("Y.csv:2: '12a' in column 'value' is not a number") != std::string::npos);
    }
    SUBCASE("negative Z") {
        auto m = build_error("Z.csv", kZHeader + "INLAND,PWR,COAST,MFG,-1\n");
        CHECK(m.find("Z.csv:2: negative value -1") != std::string::npos);
    }
    SUBCASE("negative F") {
        auto m = build_error("F.csv",
                             "region,sector,stressor,value\nCOAST,PWR,CO2,5\nINLAND,PWR,CO2,-16\n");
        CHECK(m.find("F.csv:3: negative value -16") != std::string::npos);
    }
    SUBCASE("unknown region") {
        auto m = build_error("Z.csv", kZHeader + "INLAND,PWR,COAST,MFG,10\nMARS,PWR,COAST,MFG,1\n");
        CHECK(m.find("Z.csv:3: unknown region 'MARS'") != std::string::npos);
    }
    SUBCASE("unknown zone") {
        auto m =
            build_error("regions.csv", "code,name_en,kind,zone\nCOAST,Coastal,domestic,coast\n"
                                       "INLAND,Inland,domestic,interior\nROW,Rest,external,\n");
        CHECK(m.find("regions.csv:3: zone 'interior' is not one of coast, centre_west or "
                     "northeast") != std::string::npos);
    }
    SUBCASE("zone of an external region") {
        auto m = build_error("regions.csv", "code,name_en,kind,zone\nCOAST,Coastal,domestic,coast\n"
                                            "INLAND,Inland,domestic,\nROW,Rest,external,coast\n");
        CHECK(m.find("regions.csv:4: external region 'ROW' cannot have a zone") !=
              std::string::npos);
    }
    SUBCASE("unknown sector") {
        auto m = build_error("F.csv", "region,sector,stressor,value\nCOAST,STEEL,CO2,5\n");
        CHECK(m.find("F.csv:2: unknown sector 'STEEL'") != std::string::npos);
    }
    SUBCASE("unknown stressor") {
        auto m = build_error("F.csv", "region,sector,stressor,value\nCOAST,PWR,CH4,5\n");
        CHECK(m.find("F.csv:2: unknown stressor 'CH4'") != std::string::npos);
    }
    SUBCASE("duplicated region code") {
        auto m =
            build_error("regions.csv", "code,name_en\nCOAST,Coast\nINLAND,Inland\nCOAST,Again\n");
        CHECK(m.find("regions.csv:4: duplicate code 'COAST' (first on line 2)") !=
              std::string::npos);
    }
    SUBCASE("duplicated matrix entry") {
        auto m =
            build_error("Z.csv", kZHeader + "INLAND,PWR,COAST,MFG,10\nINLAND,PWR,COAST,MFG,3\n");
        CHECK(m.find("Z.csv:3: duplicate entry (first on line 2)") != std::string::npos);
    }
    SUBCASE("external region cannot produce") {
        auto m = build_error("Z.csv", kZHeader + "ROW,PWR,COAST,MFG,10\n");
        CHECK(m.find("Z.csv:2: region 'ROW' is external: it has no production") !=
              std::string::npos);
    }
    SUBCASE("bad kind") {
        auto m = build_error(
            "regions.csv",
            "code,name_en,kind\nCOAST,Coast,domestic\nINLAND,Inland,abroad\nROW,World,external\n");
        CHECK(m.find("regions.csv:3: kind 'abroad' is neither domestic nor external") !=
              std::string::npos);
    }
    SUBCASE("wrong number of fields") {
        auto m = build_error("sectors.csv", "code,name_en\nAGR,Agriculture\nMFG\nPWR,Power\n");
        CHECK(m.find("sectors.csv:3: expected 2 fields, found 1") != std::string::npos);
    }
    SUBCASE("missing column") {
        auto m = build_error("stressors.csv", "code,name_en\nCO2,Carbon dioxide\n");
        CHECK(m.find("stressors.csv:1: missing column 'unit'") != std::string::npos);
    }
    SUBCASE("missing file") {
        auto m = build_error("F.csv", "");
        CHECK(m.find("F.csv: cannot open file") != std::string::npos);
    }
    SUBCASE("missing meta key") {
        auto m = build_error("meta.csv", "key,value\nname,Test\n");
        CHECK(m.find("meta.csv: missing key 'currency_unit'") != std::string::npos);
    }
    SUBCASE("row balance violated when x is given") {
        auto m = build_error("x.csv", "region,sector,value\nCOAST,AGR,30\nCOAST,MFG,81\n");
        CHECK(m.find("x.csv:3: row balance violated for COAST/MFG: stated output 81") !=
              std::string::npos);
    }
    SUBCASE("zero output with nonzero inputs") {
        // COAST/AGR receives inputs and emits but nothing buys it.
        auto m = build_error("Y.csv",
                             "from_region,from_sector,to_region,category,value\n"
                             "COAST,MFG,COAST,households,60\nINLAND,MFG,INLAND,households,12\n");
        CHECK(m.find("zero output with nonzero inputs or emissions at COAST/AGR") !=
              std::string::npos);
    }
    SUBCASE("not productive") {
        // Power and manufacturing feed each other, and a large stock draw-down (negative final
        // demand) leaves manufacturing with less output than its inputs: rho(A) ~ 1.14.
        auto m = build_error(
            {{"Z.csv", kZHeader + "INLAND,PWR,INLAND,MFG,30\nINLAND,MFG,INLAND,PWR,40\n"
                                  "INLAND,PWR,COAST,MFG,10\nINLAND,MFG,COAST,MFG,20\n"},
             {"Y.csv", "from_region,from_sector,to_region,category,value\n"
                       "COAST,MFG,COAST,households,60\nCOAST,MFG,ROW,exports,20\n"
                       "INLAND,MFG,INLAND,stock,-38\nINLAND,PWR,INLAND,households,2\n"
                       "COAST,AGR,COAST,households,30\nCOAST,PWR,COAST,households,4\n"
                       "INLAND,AGR,COAST,households,10\nINLAND,AGR,INLAND,households,30\n"}});
        CHECK(m.find("Z.csv: the model is not productive: column sums of A reach") !=
              std::string::npos);
        CHECK(m.find("spectral radius of A is") != std::string::npos);
    }
    SUBCASE("unterminated quote") {
        auto m = build_error("sectors.csv", "code,name_en\nAGR,\"Agriculture\n");
        CHECK(m.find("sectors.csv:2: unterminated quoted field") != std::string::npos);
    }
}

TEST_CASE("validation: quoted fields with commas and a byte-order mark read fine") {
    test::TempDir dir;
    test::copy_bundle("two-region", dir.path());
    test::write_text(
        dir.path() / "sectors.csv",
        "\xEF\xBB\xBF"
        "code,name_en\nAGR,\"Farming, forestry\"\nMFG,\"Made \"\"here\"\"\"\nPWR,Power\n");
    Model m = read_bundle(dir.path().string());
    CHECK(m.sectors[0].name_en == "Farming, forestry");
    CHECK(m.sectors[1].name_en == "Made \"here\"");
}
