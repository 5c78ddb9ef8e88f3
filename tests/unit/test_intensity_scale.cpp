// What-if scale specs (engine/intensity_scale): REGION.SECTOR=FACTOR resolved to IntensityScales,
// and a scaled trace / accounts / headline equal those of the model rebuilt with the scaled
// intensities (a bundle whose F.csv was scaled, built again through ctrail build).
#include "accounts.hpp"
#include "bundle.hpp"
#include "cli_run.hpp"
#include "error.hpp"
#include "intensity_scale.hpp"
#include "scaled_rebuild.hpp"
#include "store_factorisation.hpp"
#include "test_support.hpp"
#include "trace.hpp"

#include <cmath>
#include <doctest/doctest.h>
#include <map>
#include <set>

using namespace ctrail;
using test::codes_of;
using test::rebuild_scaled;
using test::Run;
using test::split;
namespace fs = std::filesystem;

namespace {

std::string china(const char* year) {
    return std::string(CTRAIL_MODEL_DIR) + "/china-" + year + ".sqlite";
}

// The problem text of the ModelError resolve_scale throws for `spec` ("" when none).
std::string error_of(const Model& m, const std::string& spec) {
    try {
        resolve_scale(m, spec);
    } catch (const ModelError& e) {
        return e.problem();
    }
    return "";
}

void check_close(double a, double b, const std::string& what) {
    CAPTURE(what);
    CHECK(std::abs(a - b) <= 1e-9 * std::max({std::abs(a), std::abs(b), 1e-300}));
}

// Numeric cells of a ctrail --csv output, keyed by "row key/column name".
std::map<std::string, double> csv_numbers(const std::string& text) {
    std::map<std::string, double> out;
    std::istringstream in(text);
    std::string line;
    std::getline(in, line);
    const auto head = split(line);
    while (std::getline(in, line)) {
        const auto f = split(line);
        for (size_t c = 1; c < f.size() && c < head.size(); ++c) {
            char* end = nullptr;
            const double v = std::strtod(f[c].c_str(), &end);
            if (!f[c].empty() && *end == '\0') out[f[0] + "/" + head[c]] = v;
        }
    }
    return out;
}

} // namespace

TEST_CASE("intensity scale: specs resolve to one scale per region of the region set") {
    test::TempDir dir;
    test::copy_bundle("two-region", dir.path());
    const Model m = read_bundle(dir.path().string());
    auto s = resolve_scale(m, "INLAND.PWR=0.5");
    REQUIRE(s.size() == 1);
    CHECK(s[0].region == m.find_region("INLAND"));
    CHECK(s[0].sector == m.find_sector("PWR"));
    CHECK(s[0].factor == 0.5);

    s = resolve_scale(m, "East.*=0"); // a group, every sector, zero allowed
    REQUIRE(s.size() == 1);
    CHECK(s[0].region == m.find_region("COAST"));
    CHECK(s[0].sector == -1);
    CHECK(s[0].factor == 0);

    CHECK(resolve_scales(m, {"COAST.MFG=2", "West.AGR=1e-1"}).size() == 2);
    CHECK(resolve_scales(m, {}).empty());

    // Every error names the bad token.
    CHECK(error_of(m, "NOWHERE.PWR=1").find("'NOWHERE'") != std::string::npos);
    CHECK(error_of(m, "COAST.STEEL=1").find("unknown sector 'STEEL'") != std::string::npos);
    CHECK(error_of(m, "COAST.PWR=-0.5").find("factor '-0.5'") != std::string::npos);
    CHECK(error_of(m, "COAST.PWR=inf").find("factor 'inf'") != std::string::npos);
    CHECK(error_of(m, "COAST.PWR=nan").find("factor 'nan'") != std::string::npos);
    CHECK(error_of(m, "COAST.PWR=0.5x").find("factor '0.5x'") != std::string::npos);
    CHECK(error_of(m, "COAST.PWR=").find("factor ''") != std::string::npos);
    CHECK(error_of(m, "COAST.PWR").find("expected REGION.SECTOR=FACTOR") != std::string::npos);
    CHECK(error_of(m, "COASTPWR=1").find("expected REGION.SECTOR=FACTOR") != std::string::npos);
    CHECK(error_of(m, ".PWR=1").find("no region") != std::string::npos);
    CHECK(error_of(m, "COAST.=1").find("no sector") != std::string::npos);
    CHECK(error_of(m, "COAST,INLAND.PWR=1").find("one region") != std::string::npos);
    CHECK(error_of(m, "centre_west.PWR=1").find("zone 'centre_west'") != std::string::npos);
}

TEST_CASE("intensity scale: scale_emissions multiplies F's columns of the matching nodes") {
    test::TempDir dir;
    test::copy_bundle("two-region", dir.path());
    Model m = read_bundle(dir.path().string());
    const Model before = m;
    scale_emissions(m, resolve_scales(m, {"INLAND.*=0.5", "INLAND.PWR=0.5"}));
    for (int j = 0; j < m.node_count(); ++j) {
        const bool inland = m.regions[m.region_of_node(j)].code == "INLAND";
        const bool pwr = m.sectors[m.sector_of_node(j)].code == "PWR";
        CHECK(m.F(0, j) == before.F(0, j) * (inland ? (pwr ? 0.25 : 0.5) : 1.0));
    }
    CHECK(m.FY == before.FY); // households' direct emissions are not an intensity
}

TEST_CASE("intensity scale: a scaled trace equals the trace of the rebuilt model (China 2007)") {
    const OpenedModel o = open_model(china("2007"));
    const Model& m = o.model;
    struct Case {
        const char* spec;
        const char* regions; // code, group or zone as codes_of() reads it
        const char* sector;
        double factor;
    };
    for (const Case& c : {Case{"SX.POWER=0.5", "SX", "POWER", 0.5},
                          Case{"Northwest.METAL=0.25", "Northwest", "METAL", 0.25},
                          Case{"centre_west.*=0.7", "centre_west", "*", 0.7}}) {
        CAPTURE(c.spec);
        test::TempDir dir;
        const std::string db = dir.file("scaled.sqlite");
        rebuild_scaled(china("2007"), dir.path() / "bundle", codes_of(m, c.regions), c.sector,
                       c.factor, db);
        const OpenedModel rebuilt = open_model(db);

        const auto scales = resolve_scale(m, c.spec);
        const Tracer scaled(m, *o.leontief, 0, scales);
        const Tracer plain(rebuilt.model, *rebuilt.leontief, 0);
        for (const char* region : {"SH", "GD", "SX"}) {
            for (const char* sector : {"MACH", "ELEC", "CONS"}) {
                CAPTURE(region);
                CAPTURE(sector);
                const TraceResult a = scaled.trace(m.find_region(region), m.find_sector(sector), 1);
                const TraceResult b = plain.trace(m.find_region(region), m.find_sector(sector), 1);
                check_close(a.total, b.total, "total");
                check_close(a.share_elsewhere, b.share_elsewhere, "share elsewhere");
                for (Eigen::Index e = 0; e < a.by_region.size(); ++e)
                    check_close(a.by_region(e), b.by_region(e), "by region");
                for (size_t k = 0; k < a.stages.size(); ++k)
                    check_close(a.stages[k], b.stages[k], "stage");
                REQUIRE(!a.paths.empty());
                check_close(a.paths[0].value, b.paths[0].value, "top path");
            }
        }
        // And the scaling mattered: the unscaled trace differs.
        const Tracer original(m, *o.leontief, 0);
        CHECK(original.trace(m.find_region("SH"), m.find_sector("MACH"), 1).total !=
              doctest::Approx(scaled.trace(m.find_region("SH"), m.find_sector("MACH"), 1).total));

        // ctrail accounts and headline --scale print the rebuilt model's figures.
        for (const char* cmd : {"accounts", "headline"}) {
            CAPTURE(cmd);
            const auto a = test::ctrail_run({cmd, china("2007"), "--csv", "--scale", c.spec});
            const auto b = test::ctrail_run({cmd, db, "--csv"});
            REQUIRE(a.code == 0);
            REQUIRE(b.code == 0);
            const auto na = csv_numbers(a.out), nb = csv_numbers(b.out);
            REQUIRE(na.size() == nb.size());
            REQUIRE(na.size() > 60);
            for (const auto& [key, value] : na) {
                REQUIRE(nb.count(key));
                check_close(value, nb.at(key), key);
            }
        }
    }
}

TEST_CASE("intensity scale: --scale on the command line") {
    using test::ctrail_run;
    test::TempDir dir;
    const std::string db = dir.file("two.sqlite");
    REQUIRE(ctrail_run({"build", test::data_dir("two-region"), db}).code == 0);

    // Repeatable: both occurrences count (INLAND's PWR 16 halved, its MFG 4 zeroed).
    auto r = ctrail_run(
        {"accounts", db, "--csv", "--scale", "INLAND.PWR=0.5", "--scale", "INLAND.MFG=0"});
    REQUIRE(r.code == 0);
    CHECK(r.out.find("\nINLAND,10,") != std::string::npos); // 8 + 0 + 1 + 1 (households)
    r = ctrail_run({"accounts", db, "--scale", "West.*=0.5"});
    CHECK(r.code == 0);
    CHECK(r.out.find("What if: intensities scaled by West.*=0.5") != std::string::npos);

    for (const char* cmd : {"trace", "headline", "accounts"}) {
        CAPTURE(cmd);
        std::vector<std::string> base = {cmd, db};
        if (std::string(cmd) == "trace")
            base.insert(base.end(), {"--region", "COAST", "--sector", "MFG"});
        auto with = [&](std::vector<std::string> extra) {
            auto argv = base;
            argv.insert(argv.end(), extra.begin(), extra.end());
            return ctrail_run(argv);
        };
        CHECK(with({"--scale", "COAST.PWR=0.5"}).code == 0);
        Run bad = with({"--scale", "MARS.PWR=0.5"});
        CHECK(bad.code == 2);
        CHECK(bad.err.find("--scale: scale 'MARS.PWR=0.5': 'MARS'") != std::string::npos);
        bad = with({"--scale", "COAST.PWR=-1"});
        CHECK(bad.code == 2);
        CHECK(bad.err.find("factor '-1' is not a finite number >= 0") != std::string::npos);
        CHECK(with({"--scale", "COAST.STEEL=1"}).err.find("unknown sector 'STEEL'") !=
              std::string::npos);
    }
    // A non-repeatable option given twice is an error, not "the last one wins".
    r = ctrail_run({"accounts", db, "--stressor", "CO2", "--stressor", "CO2"});
    CHECK(r.code == 2);
    CHECK(r.err.find("option --stressor given more than once") != std::string::npos);
}
