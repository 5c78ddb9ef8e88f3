// Acceptance tests of the reduced China-province models (issue 3) on the databases the build
// makes from assets/model/china-2007 and china-2012, plus the headline figures' logic on the
// hand-worked two-region example.
#include "accounts.hpp"
#include "bundle.hpp"
#include "dispatch.hpp"
#include "headline.hpp"
#include "store.hpp"
#include "test_support.hpp"
#include "validate.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <sstream>

using namespace ctrail;

namespace {

std::string model_path(const char* name) {
    return std::string(CTRAIL_MODEL_DIR) + "/" + name + ".sqlite";
}

int region(const Model& m, const char* code) {
    int r = m.find_region(code);
    REQUIRE_MESSAGE(r >= 0, "no region " << code);
    return r;
}

} // namespace

/* Headline figures of the two-region example (transfers worked by hand in test_accounts.cpp):
   T[COAST][COAST] = 6.5, T[INLAND][COAST] = 11.125, T[INLAND][INLAND] = 6.25,
   T[COAST][ROW] = 0.5, T[INLAND][ROW] = 3.625; sum T = 28.
   COAST: consumption 20.625, caused by industry 17.625, elsewhere 11.125 / 17.625, top other
   emitter INLAND 11.125. INLAND: nothing elsewhere (0), no other emitter. ROW: 100% elsewhere,
   INLAND 3.625 then COAST 0.5. External demand: 4.125 / 28. Medians: one coastal, one interior. */
TEST_CASE("headline: the hand-worked two-region example") {
    Model m = read_bundle(test::data_dir("two-region"));
    Accounts a = compute_accounts(m, Leontief(m), 0);
    Headline h = compute_headline(m, a);
    const int coast = 0, inland = 1, row = 2;
    REQUIRE(h.consumers.size() == 3);
    CHECK(h.national_outside_share == doctest::Approx(15.25 / 28));
    CHECK(h.external_share == doctest::Approx(4.125 / 28));
    CHECK(h.consumers[coast].consumption == doctest::Approx(20.625));
    CHECK(h.consumers[coast].caused_by_industry == doctest::Approx(17.625));
    CHECK(h.consumers[coast].emitted_elsewhere_share == doctest::Approx(11.125 / 17.625));
    REQUIRE(h.consumers[coast].top_emitters.size() == 1);
    CHECK(h.consumers[coast].top_emitters[0].region == inland);
    CHECK(h.consumers[coast].top_emitters[0].value == doctest::Approx(11.125));
    CHECK(h.consumers[coast].top_emitters[0].share == doctest::Approx(11.125 / 17.625));
    CHECK(h.consumers[inland].emitted_elsewhere_share == doctest::Approx(0).epsilon(1e-12));
    CHECK(h.consumers[inland].top_emitters.empty());
    CHECK(h.consumers[row].emitted_elsewhere_share == doctest::Approx(1));
    REQUIRE(h.consumers[row].top_emitters.size() == 2);
    CHECK(h.consumers[row].top_emitters[0].region == inland);
    CHECK(h.consumers[row].top_emitters[1].region == coast);
    CHECK(h.top_coastal == coast);
    CHECK(h.median_coastal == doctest::Approx(11.125 / 17.625));
    CHECK(h.median_interior == doctest::Approx(0).epsilon(1e-12));

    Headline one = compute_headline(m, a, 1);
    CHECK(one.consumers[row].top_emitters.size() == 1);
}

TEST_CASE("china-2007: the bundle validates and the model is productive") {
    Model m = read_database(model_path("china-2007"));
    ValidationReport v = validate(m);
    for (const auto& e : v.errors) MESSAGE(e);
    CHECK(v.ok());
    CHECK(v.productive);
    CHECK(v.max_column_sum < 1);
    CHECK(m.regions.size() == 31);
    CHECK(m.domestic_count() == 30);
    CHECK(m.regions[region(m, "ROW")].kind == RegionKind::External);
    CHECK(m.find_region("XZ") < 0); // Tibet: no CEADs data
    CHECK(m.sector_count() >= 12);
    CHECK(m.sector_count() <= 20);
    CHECK(m.meta_value("year") == "2007");
    CHECK(m.meta_value("caveat").find("reconstruction") != std::string::npos);
    CHECK(m.Z.minCoeff() >= 0);
    CHECK(m.F.minCoeff() >= 0);
}

TEST_CASE("china-2007: CO2 totals are CEADs' (6822.27 Mt) and the identities hold") {
    Model m = read_database(model_path("china-2007"));
    const int co2 = m.find_stressor("CO2");
    REQUIRE(co2 >= 0);
    CHECK(m.stressors[co2].unit == "Mt");
    const double total = m.F.row(co2).sum() + m.FY.row(co2).sum();
    CHECK(std::abs(total - 6822.27) / 6822.27 < 1e-4);
    Leontief l(m);
    Accounts a = compute_accounts(m, l, co2);
    CHECK(a.transfers.sum() == doctest::Approx(m.F.row(co2).sum()).epsilon(1e-9));
    CHECK(a.consumption.sum() == doctest::Approx(a.territorial.sum()).epsilon(1e-9));
    CHECK(solve_residual(m, l) < 1e-9);
    // Beijing's territorial CO2 is CEADs' 102.89 Mt (industry + households).
    CHECK(a.territorial(region(m, "BJ")) == doctest::Approx(102.89).epsilon(1e-4));
}

TEST_CASE("china-2007: Feng et al. 2013 acceptance figures") {
    Model m = read_database(model_path("china-2007"));
    Accounts a = compute_accounts(m, Leontief(m), m.find_stressor("CO2"));
    Headline h = compute_headline(m, a);
    MESSAGE("national outside share " << h.national_outside_share);
    CHECK(h.national_outside_share >= 0.55);
    CHECK(h.national_outside_share <= 0.59);
    REQUIRE(h.top_coastal >= 0);
    const double top = h.consumers[static_cast<size_t>(h.top_coastal)].emitted_elsewhere_share;
    MESSAGE("top coastal " << m.regions[h.top_coastal].code << " " << top);
    CHECK(top >= 0.70);
    CHECK(top <= 0.85);
    MESSAGE("medians: coastal " << h.median_coastal << ", interior " << h.median_interior);
    CHECK(h.median_coastal > h.median_interior);
    // Every consumer province's top emitters are other provinces, largest first.
    for (const auto& c : h.consumers) {
        if (m.regions[c.region].kind == RegionKind::External) continue;
        REQUIRE(c.top_emitters.size() == 3);
        for (size_t i = 0; i < c.top_emitters.size(); ++i) {
            CHECK(c.top_emitters[i].region != c.region);
            if (i) CHECK(c.top_emitters[i].value <= c.top_emitters[i - 1].value);
        }
    }
}

TEST_CASE("china-2007: ctrail headline prints the figures as text and CSV") {
    std::ostringstream out, err;
    REQUIRE(cli::run({"headline", model_path("china-2007"), "--csv"}, out, err) == 0);
    const std::string csv = out.str();
    CHECK(
        csv.rfind(
            "region,coastal,consumption,caused_by_industry,emitted_elsewhere_share,top1,top1_value",
            0) == 0);
    CHECK(csv.find("\nBJ,true,") != std::string::npos);
    CHECK(csv.find("\nROW,,") != std::string::npos);
    CHECK(csv.find("\nnational,,") != std::string::npos);
    std::ostringstream text;
    REQUIRE(cli::run({"headline", model_path("china-2007")}, text, err) == 0);
    CHECK(text.str().find("National outside share: ") != std::string::npos);
    CHECK(text.str().find("Median share emitted elsewhere: coastal ") != std::string::npos);
    std::ostringstream help;
    CHECK(cli::run({"headline", "--help"}, help, err) == 0);
    CHECK(help.str().rfind("usage: ctrail headline", 0) == 0);
    CHECK(cli::run({"headline"}, out, err) == 2);
}

TEST_CASE("china-2012: builds, validates and is productive") {
    Model m = read_database(model_path("china-2012"));
    ValidationReport v = validate(m);
    for (const auto& e : v.errors) MESSAGE(e);
    CHECK(v.ok());
    CHECK(v.productive);
    CHECK(m.meta_value("year") == "2012");
    CHECK(m.domestic_count() == 30);
    const int co2 = m.find_stressor("CO2");
    REQUIRE(co2 >= 0);
    const double total = m.F.row(co2).sum() + m.FY.row(co2).sum();
    CHECK(total == doctest::Approx(9742.7).epsilon(1e-5)); // sources README: 9742.7 Mt
    Accounts a = compute_accounts(m, Leontief(m), co2);
    CHECK(a.transfers.sum() == doctest::Approx(m.F.row(co2).sum()).epsilon(1e-9));
}

TEST_CASE("china-2017: builds, validates, is productive and lines up with 2007") {
    Model m = read_database(model_path("china-2017"));
    ValidationReport v = validate(m);
    for (const auto& e : v.errors) MESSAGE(e);
    CHECK(v.ok());
    CHECK(v.productive);
    CHECK(m.meta_value("year") == "2017");
    CHECK(m.domestic_count() == 30);
    const int co2 = m.find_stressor("CO2");
    REQUIRE(co2 >= 0);
    const double total = m.F.row(co2).sum() + m.FY.row(co2).sum();
    CHECK(total == doctest::Approx(10171.2).epsilon(1e-5)); // sources README: 10171.2 Mt
    Accounts a = compute_accounts(m, Leontief(m), co2);
    CHECK(a.transfers.sum() == doctest::Approx(m.F.row(co2).sum()).epsilon(1e-9));
    // The year switch and ctrail compare line the years up region by region.
    const Model m2007 = read_database(model_path("china-2007"));
    REQUIRE(m.regions.size() == m2007.regions.size());
    for (size_t r = 0; r < m.regions.size(); ++r) {
        CHECK(m.regions[r].code == m2007.regions[r].code);
        CHECK(m.regions[r].group == m2007.regions[r].group);
    }
    REQUIRE(m.sectors.size() == m2007.sectors.size());
    for (size_t s = 0; s < m.sectors.size(); ++s) CHECK(m.sectors[s].code == m2007.sectors[s].code);
}
