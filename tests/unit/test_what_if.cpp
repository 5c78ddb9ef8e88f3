// The exhibit's what-if lever (ExhibitModel::what_if): its figures equal those of the model
// rebuilt with the scaled intensities (rtol 1e-9), for one province-sector, a zone with two
// sectors (the lever's last step) and every sector of a group; "today" equals the unscaled
// trace and big picture; bad scale specs give an error naming them.
#include "exhibit_model.hpp"
#include "model.hpp"
#include "scaled_rebuild.hpp"
#include "store_factorisation.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

using namespace ctrail;

namespace {

std::string china2007() {
    return std::string(CTRAIL_MODEL_DIR) + "/china-2007.sqlite";
}

void close(double a, double b, const char* what) {
    CAPTURE(what);
    CAPTURE(a);
    CAPTURE(b);
    CHECK(std::abs(a - b) <= 1e-9 * std::max({std::abs(a), std::abs(b), 1e-300}));
}

// Every what-if figure against the plain answers of `reference` (trace and big picture).
void check_against(const WhatIf& w, const ExhibitModel& reference, const char* region,
                   const char* sector, double yuan) {
    REQUIRE(w.error.empty());
    REQUIRE(w.has_product);
    const ExhibitTrace t = reference.trace(region, sector, yuan);
    REQUIRE(t.error.empty());
    close(w.product_kg, t.total_kg, "product kg");
    close(w.product_share_elsewhere, t.share_elsewhere, "product share elsewhere");
    const BigPicture b = reference.big_picture();
    close(w.national_outside_share, b.national_outside_share, "national outside share");
    REQUIRE(w.regions.size() == b.regions.size());
    double territorial = 0, consumption = 0;
    for (std::size_t r = 0; r < b.regions.size(); ++r) {
        CAPTURE(reference.regions()[r].code);
        close(w.regions[r].territorial_kg, b.regions[r].territorial_kg, "territorial");
        close(w.regions[r].consumption_kg, b.regions[r].consumption_kg, "consumption");
        close(w.regions[r].share_elsewhere, b.regions[r].share_elsewhere, "share elsewhere");
        territorial += b.regions[r].territorial_kg;
        if (!reference.regions()[r].external) consumption += b.regions[r].consumption_kg;
    }
    close(w.national_territorial_kg, territorial, "national territorial");
    close(w.national_consumption_kg, consumption, "national consumption");
}

} // namespace

TEST_CASE("what if: today is the model as built") {
    const auto em = ExhibitModel::open(china2007());
    const WhatIf w = em->what_if({{}, "SH", "MACH", 150000});
    check_against(w, *em, "SH", "MACH", 150000);
    // Without a product only the national figures come back.
    const WhatIf national = em->what_if({});
    CHECK(national.error.empty());
    CHECK_FALSE(national.has_product);
    close(national.national_territorial_kg, w.national_territorial_kg, "national");
}

TEST_CASE("what if: scaled figures equal the model rebuilt with scaled intensities") {
    const auto em = ExhibitModel::open(china2007());
    const OpenedModel opened = open_model(china2007());
    const Model& m = opened.model;
    struct Case {
        std::vector<std::string> specs;
        const char* regions; // code, group or zone (codes_of)
        std::vector<const char*> sectors;
        double factor;
        const char* buyer;
        const char* product;
    };
    for (const Case& c : {Case{{"SX.POWER=0.5"}, "SX", {"POWER"}, 0.5, "SH", "MACH"},
                          Case{{"centre_west.POWER=0.5", "centre_west.METAL=0.5"},
                               "centre_west",
                               {"POWER", "METAL"},
                               0.5,
                               "GD",
                               "ELEC"},
                          Case{{"Northwest.*=0.25"}, "Northwest", {"*"}, 0.25, "XJ", "CONS"}}) {
        CAPTURE(c.specs.front());
        test::TempDir dir;
        std::string db = china2007();
        for (std::size_t k = 0; k < c.sectors.size(); ++k) {
            const std::string out = dir.file("scaled" + std::to_string(k) + ".sqlite");
            test::rebuild_scaled(db, dir.path() / ("bundle" + std::to_string(k)),
                                 test::codes_of(m, c.regions), c.sectors[k], c.factor, out);
            db = out;
        }
        const auto rebuilt = ExhibitModel::open(db);
        const WhatIf w = em->what_if({c.specs, c.buyer, c.product, 20000});
        check_against(w, *rebuilt, c.buyer, c.product, 20000);
        // Cleaner production lowers the totals; the scaling mattered.
        const WhatIf today = em->what_if({{}, c.buyer, c.product, 20000});
        CHECK(w.product_kg < today.product_kg);
        CHECK(w.national_territorial_kg < today.national_territorial_kg);
    }
}

TEST_CASE("what if: bad specs are named, never thrown") {
    const auto em = ExhibitModel::open(china2007());
    CHECK(em->check_scales({"centre_west.POWER=0.75", "centre_west.METAL=0.5"}).empty());
    CHECK(em->check_scales({"interior.POWER=0.75"}).find("'interior'") != std::string::npos);
    CHECK(em->check_scales({"centre_west.STEEL=0.5"}).find("'STEEL'") != std::string::npos);
    CHECK(em->check_scales({"centre_west.POWER=-1"}).find("'-1'") != std::string::npos);
    const WhatIf bad = em->what_if({{"centre_west.POWER=x"}, "SH", "MACH", 1000});
    CHECK(bad.error.find("'x'") != std::string::npos);
    CHECK(bad.regions.empty());
    CHECK_FALSE(em->what_if({{}, "SH", "NOPE", 1000}).error.empty());
    CHECK_FALSE(em->what_if({{}, "SH", "MACH", -5}).error.empty());
}
