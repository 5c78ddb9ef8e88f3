#include "accounts.hpp"
#include "error.hpp"
#include "exhibit_model.hpp"
#include "exhibit_model_access.hpp"
#include "leontief.hpp"
#include "store.hpp"
#include "test_support.hpp"
#include "trace.hpp"
#include "trace_fixtures.hpp"
#include "units.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace ctrail;

namespace {

struct Opened {
    test::TempDir dir;
    std::unique_ptr<ExhibitModel> model;
    explicit Opened(const Model& m) {
        write_database(m, dir.file("model.sqlite"));
        model = ExhibitModel::open(dir.file("model.sqlite"));
    }
};

} // namespace

TEST_CASE("exhibit model: open leaves the LU factors to first use; the big picture reads them") {
    // The exhibit asks for the big picture at start, on its worker: that read is what spares a
    // visitor's first What if? the wait.
    const Model m = test::random_model(4, 5, 31, 0.7, 0.6, 3);
    Opened o(m);
    const ExhibitModel& em = *o.model;
    const Leontief& l = ExhibitModelAccess::leontief(em);
    CHECK_FALSE(l.factors_ready());
    (void)em.big_picture();
    CHECK(l.factors_ready());
    const Eigen::MatrixXd lu = l.lu();
    (void)em.big_picture(); // read once
    CHECK(l.lu() == lu);
    CHECK(lu == Leontief(m).lu()); // the stored factors: the same bits
}

TEST_CASE("exhibit model (trace API): labels, meta and units from the database") {
    Opened o(test::hand_model());
    const ExhibitModel& em = *o.model;
    REQUIRE(em.regions().size() == 2);
    CHECK(em.regions()[1].code == "NM");
    CHECK(em.regions()[1].name_zh == "内蒙古");
    CHECK(em.regions()[0].coastal);
    CHECK(em.regions()[0].has_location);
    CHECK(em.regions()[0].lat == doctest::Approx(31.23));
    CHECK(em.regions()[0].group == "East Coast");
    REQUIRE(em.sectors().size() == 3);
    CHECK(em.sectors()[2].code == "POWER");
    CHECK(em.meta().year == 2007);
    CHECK(em.meta().yuan_per_money_unit == 1e4);
    // A `_zh` key is the Chinese form of its citation, not a citation of its own.
    CHECK(em.meta().citations == std::vector<std::string>{"Test citation A", "Test citation B"});
    CHECK(em.meta().citations_zh == std::vector<std::string>{"", "测试引文乙"});
    CHECK(em.stressors()[em.default_stressor()].kg_per_unit == 1e9);
    CHECK(em.find_sector("MET") == 1);
    CHECK(em.find_region("XX") == -1);
}

TEST_CASE("exhibit model (trace API): a trace in yuan matches the engine's, in kg too") {
    Opened o(test::hand_model());
    ExhibitTraceOptions opt;
    opt.product_en = "Car";
    opt.product_zh = "汽车";
    // 1,000,000 yuan = 100 x 10^4 yuan: the hand-worked trace of test_trace.cpp.
    const ExhibitTrace t = o.model->trace("SH", "MAC", 1e6, opt);
    REQUIRE(t.error.empty());
    CHECK(t.amount_model == doctest::Approx(100));
    CHECK(t.total == doctest::Approx(110.875).epsilon(1e-12));
    CHECK(t.total_kg == doctest::Approx(110.875e9).epsilon(1e-12));
    CHECK(t.kg_per_yuan == doctest::Approx(110.875e3).epsilon(1e-12));
    CHECK(t.share_elsewhere == doctest::Approx(79.375 / 110.875).epsilon(1e-12));
    REQUIRE(t.by_region.size() == 2);
    CHECK(t.by_region[0].region == 1); // Inner Mongolia first: it emits more
    CHECK(t.by_region[0].share == doctest::Approx(79.375 / 110.875));
    // The weighted distance: NM's share of the total travels Shanghai -> Hohhot, 1378.58 km
    // on a 6371 km sphere (haversine, worked separately): 1378.58 · 79.375 / 110.875 = 986.92.
    CHECK(t.weighted_distance_km == doctest::Approx(986.92).epsilon(1e-4));

    REQUIRE(t.paths.size() == 7);
    CHECK(t.paths[0].value == doctest::Approx(30));
    CHECK(t.paths[0].kg == doctest::Approx(30e9));
    CHECK(
        t.paths[2].text_en ==
        "Car assembled in Shanghai \u2190 steel and metals from Inner Mongolia \u2190 electricity "
        "from Inner Mongolia");
    CHECK(t.paths[2].text_zh == "上海组装的汽车 \u2190 内蒙古的钢铁和金属 \u2190 内蒙古的电力");
    REQUIRE(t.paths[2].nodes.size() == 3);
    CHECK(t.paths[2].nodes[2].region == 1);
    CHECK(t.paths[2].nodes[2].sector == 2);
    CHECK(t.coverage == doctest::Approx(1.0));
    CHECK(t.search_complete);

    // Stages: 0..12 then the remainder; each stage's regions add up to the stage, and every
    // region's stages add up to its total.
    REQUIRE(t.by_stage.size() == 14);
    CHECK(t.by_stage[1].value == doctest::Approx(66.5));
    CHECK(t.by_stage.back().remainder);
    double sum = 0, nm = 0;
    for (const auto& st : t.by_stage) {
        sum += st.value;
        double regions = 0;
        for (const auto& r : st.by_region) {
            regions += r.value;
            if (r.region == 1) nm += r.value;
        }
        CHECK(std::abs(regions - st.value) <= 1e-9 * t.total);
    }
    CHECK(sum == doctest::Approx(t.total));
    CHECK(nm == doctest::Approx(79.375));
    // Stage 1 in NM: SH/MAC <- NM/MET 30 and NM/MAC <- NM/MET 12.5.
    REQUIRE_FALSE(t.by_stage[1].by_region.empty());
    CHECK(t.by_stage[1].by_region[0].region == 1);
    CHECK(t.by_stage[1].by_region[0].value == doctest::Approx(42.5));
}

TEST_CASE("exhibit model (trace API): bad requests give an error, not an exception") {
    Opened o(test::hand_model());
    CHECK(o.model->trace("XX", "MAC", 100).error.find("unknown region") != std::string::npos);
    CHECK(o.model->trace("SH", "XX", 100).error.find("unknown sector") != std::string::npos);
    CHECK_FALSE(o.model->trace("SH", "MAC", 0).error.empty());
    CHECK_FALSE(o.model->trace("SH", "MAC", std::nan("")).error.empty());
    ExhibitTraceOptions opt;
    opt.stressor = "CH4";
    CHECK_FALSE(o.model->trace("SH", "MAC", 100, opt).error.empty());
    opt = {};
    opt.scales = {{"XX", "", 2.0}};
    CHECK_FALSE(o.model->trace("SH", "MAC", 100, opt).error.empty());
    const ExhibitTrace bad = o.model->trace("XX", "MAC", 100);
    CHECK(bad.paths.empty());
    CHECK(bad.total == 0);
}

TEST_CASE("exhibit model (trace API): what-if scaling by codes") {
    Opened o(test::hand_model());
    ExhibitTraceOptions opt;
    opt.scales = {{"NM", "POWER", 2.0}};
    CHECK(o.model->trace("SH", "MAC", 1e6, opt).total == doctest::Approx(110.875 + 31.875));
    opt.scales = {{"NM", "", 0.0}};
    const ExhibitTrace clean = o.model->trace("SH", "MAC", 1e6, opt);
    CHECK(clean.total == doctest::Approx(31.5));
    CHECK(clean.share_elsewhere == doctest::Approx(0).scale(1));
    CHECK(o.model->trace("SH", "MAC", 1e6).total == doctest::Approx(110.875)); // unchanged
}

TEST_CASE("exhibit model (trace API): the big picture agrees with the accounts") {
    const Model m = test::random_model(5, 3, 4242);
    Model grouped = m;
    const char* groups[] = {"North", "East Coast", "North", "West", "East Coast"};
    for (int r = 0; r < 5; ++r) grouped.regions[r].group = groups[r];
    Opened o(grouped);
    const BigPicture big = o.model->big_picture();
    REQUIRE(big.groups.size() == 4); // North, East Coast, West, then ROW
    CHECK(big.groups[0].name == "North");
    CHECK(big.groups[0].regions == std::vector<int>{0, 2});
    CHECK(big.groups[3].name == "ROW");
    CHECK(big.groups[3].external);
    CHECK(big.groups[0].coastal);       // regions 0 and 2 are coastal (even numbers)
    CHECK_FALSE(big.groups[2].coastal); // region 3 is not

    const Leontief L(grouped);
    const Accounts acc = compute_accounts(grouped, L, 0);
    double flows = 0, within_north = 0;
    for (const auto& f : big.flows) {
        flows += f.value;
        if (f.from == 0 && f.to == 0) within_north = f.value;
        CHECK(f.value > 0);
        CHECK(f.kg == doctest::Approx(f.value * 1e9));
    }
    CHECK(flows == doctest::Approx(grouped.F.sum()).epsilon(1e-9));
    CHECK(big.total == doctest::Approx(grouped.F.sum()).epsilon(1e-9));
    CHECK(within_north == doctest::Approx(acc.transfers(0, 0) + acc.transfers(0, 2) +
                                          acc.transfers(2, 0) + acc.transfers(2, 2)));
    for (size_t f = 1; f < big.flows.size(); ++f)
        CHECK(big.flows[f - 1].value >= big.flows[f].value);
    CHECK(big.national_outside_share == doctest::Approx(acc.national_outside_share));
    REQUIRE(big.regions.size() == grouped.regions.size());
    for (size_t r = 0; r < big.regions.size(); ++r) {
        CHECK(big.regions[r].consumption == doctest::Approx(acc.consumption(r)));
        CHECK(big.regions[r].territorial == doctest::Approx(acc.territorial(r)));
    }
    CHECK_THROWS_AS(o.model->big_picture("CH4"), ModelError);
}

TEST_CASE("exhibit model (trace API): opening a missing database throws a clear error") {
    test::TempDir dir;
    try {
        ExhibitModel::open(dir.file("nope.sqlite"));
        FAIL("open did not throw");
    } catch (const ModelError& e) {
        CHECK(std::string(e.what()).find("nope.sqlite") != std::string::npos);
    }
}

TEST_CASE("exhibit model (trace API): money and mass units") {
    CHECK(yuan_per_money_unit("yuan") == 1);
    CHECK(yuan_per_money_unit("10^4 yuan") == 1e4);
    CHECK(yuan_per_money_unit("10\u2074 yuan") == 1e4);
    CHECK(yuan_per_money_unit("10000 yuan") == 1e4);
    CHECK(yuan_per_money_unit("10^8 yuan") == 1e8);
    CHECK(yuan_per_money_unit("100 million yuan") == 1e8);
    CHECK(yuan_per_money_unit("万元") == 1e4);
    CHECK(yuan_per_money_unit("10^8 CNY (100 million yuan), current producer prices") == 1e8);
    CHECK(yuan_per_money_unit("(100 million yuan)") == 1e8);
    CHECK(std::isnan(yuan_per_money_unit("EUR")));
    CHECK(std::isnan(yuan_per_money_unit("unit")));
    CHECK(kg_per_unit("Mt") == 1e9);
    CHECK(kg_per_unit("kt CO2") == 1e6);
    CHECK(kg_per_unit("t") == 1e3);
    CHECK(std::isnan(kg_per_unit("TJ")));
}

TEST_CASE("exhibit model (trail API): four-way split, chains that leave, the furthest trips") {
    Opened o(test::hand_model());
    ExhibitTraceOptions opt;
    opt.threshold = 0;
    const ExhibitTrace t = o.model->trace("SH", "MAC", 1e6, opt);
    REQUIRE(t.error.empty());
    CHECK(t.home_zone == "coast");
    // SH 31.5, NM (centre_west) 79.375 of 110.875 (test_trace.cpp).
    CHECK(t.zones.home == doctest::Approx(31.5 / 110.875));
    CHECK(t.zones.centre_west == doctest::Approx(79.375 / 110.875));
    CHECK(t.zones.coast == 0);
    CHECK(t.zones.northeast == 0);
    // Depth 0 outside Shanghai: NM/MAC 5; depth 1: NM/MET for SH (30) and for NM/MAC (12.5).
    REQUIRE(t.leaving_by_depth.size() == 4);
    REQUIRE(t.leaving_by_depth[0].paths.size() == 1);
    CHECK(t.leaving_by_depth[0].paths[0].share == doctest::Approx(5 / 110.875));
    REQUIRE(t.leaving_by_depth[1].paths.size() == 2);
    CHECK(t.leaving_by_depth[1].share == doctest::Approx(42.5 / 110.875));
    CHECK(t.leaving_by_depth[1].unexplained == doctest::Approx(0).epsilon(1e-12));
    CHECK(
        t.leaving_by_depth[1].paths[0].text_en ==
        "Machinery and vehicles assembled in Shanghai \u2190 steel and metals from Inner Mongolia");
    CHECK(t.leaving_by_depth[3].paths.empty());
    CHECK(t.furthest_interior);
    REQUIRE(t.furthest.paths.size() == 5);
    CHECK(t.furthest.share == doctest::Approx(t.zones.centre_west));
    for (const auto& p : t.furthest.paths) CHECK(p.nodes.back().region == 1);
    CHECK(t.largest_elsewhere(2).size() == 1);
    CHECK(t.largest_elsewhere(2)[0].region == 1);

    // An inland buyer: the furthest trips are the chains that leave the province.
    const ExhibitTrace inland = o.model->trace("NM", "MAC", 1e6, opt);
    REQUIRE(inland.error.empty());
    CHECK_FALSE(inland.furthest_interior);
    CHECK(inland.zones.home + inland.zones.coast == doctest::Approx(1));
    for (const auto& p : inland.furthest.paths) CHECK(p.nodes.back().region == 0);

    // No chain lists when asked for none.
    opt.chains = 0;
    CHECK(o.model->trace("SH", "MAC", 1e6, opt).leaving_by_depth.empty());
}

TEST_CASE("exhibit model (trail API): a car bought in Shanghai, china-2007") {
    const auto em = ExhibitModel::open(std::string(CTRAIL_MODEL_DIR) + "/china-2007.sqlite");
    ExhibitTraceOptions opt;
    opt.threshold = 0.0005;
    opt.product_en = "Car";
    opt.product_zh = "汽车";
    const ExhibitTrace t = em->trace("SH", "MACH", 120000, opt);
    REQUIRE(t.error.empty());
    const TraceZoneSplit& z = t.zones;
    MESSAGE("four-way split: " << z.home << " / " << z.coast << " / " << z.centre_west << " / "
                               << z.northeast);
    CHECK(z.home + z.coast + z.centre_west + z.northeast == doctest::Approx(1).epsilon(1e-12));
    CHECK(z.unzoned == 0);
    // Second edition of the model (published final demand): 30.5 / 38.4 / 27.9 / 3.2.
    CHECK(z.home == doctest::Approx(0.305).epsilon(0.01));
    CHECK(z.centre_west == doctest::Approx(0.279).epsilon(0.01));
    CHECK(z.northeast == doctest::Approx(0.032).epsilon(0.02));
    const int sh = em->find_region("SH");
    for (const auto& list : t.leaving_by_depth) {
        CHECK_FALSE(list.paths.empty());
        for (const auto& p : list.paths) CHECK(p.nodes.back().region != sh);
    }
    REQUIRE(t.furthest.paths.size() == 5);
    CHECK(t.furthest.share == doctest::Approx(z.centre_west).epsilon(1e-9));
    for (const auto& p : t.furthest.paths)
        CHECK(em->regions()[p.nodes.back().region].zone == "centre_west");
    const auto top = t.largest_elsewhere(2);
    REQUIRE(top.size() == 2);
    CHECK(em->regions()[top[0].region].code == "ZJ");
    CHECK(em->regions()[top[1].region].code == "HE");
}
