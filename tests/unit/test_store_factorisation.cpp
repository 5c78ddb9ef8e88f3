#include "accounts.hpp"
#include "error.hpp"
#include "exhibit_model.hpp"
#include "log.hpp"
#include "random_model.hpp"
#include "region_rows.hpp"
#include "sql_exec.hpp"
#include "store.hpp"
#include "store_factorisation.hpp"
#include "test_support.hpp"
#include "trace.hpp"
#include "zones.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>
#include <thread>

using namespace ctrail;

namespace {

bool close(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b) {
    return a.rows() == b.rows() && a.cols() == b.cols() &&
           ((a - b).array().abs() <= 1e-10 * b.array().abs() + 1e-300).all();
}

} // namespace

TEST_CASE("stored factorisation: opening reads it, and it agrees with factorising") {
    test::TempDir dir;
    const Model m = test::random_model(5, 6, 77, 0.7, 0.6, 3);
    write_database(m, dir.file("m.sqlite"));
    test::CapturedLog log;
    OpenedModel o = open_model(dir.file("m.sqlite"));
    CHECK(o.from_store);
    CHECK(log.notes.empty());
    REQUIRE(o.stage_rows.size() == m.stressors.size());

    const Leontief fresh(o.model);
    CHECK(close(o.leontief->multipliers(), fresh.multipliers()));
    CHECK(close(o.leontief->lu(), fresh.lu()));
    CHECK(o.leontief->permutation() == fresh.permutation());
    const Eigen::MatrixXd y = demand_by_region(o.model);
    CHECK(close(o.leontief->solve(y), fresh.solve(y)));
    CHECK(
        close(o.stage_rows[0], stage_rows(fresh.coefficients(),
                                          fresh.intensities().row(0).transpose(), kStoredStages)));

    const Accounts a = compute_accounts(o.model, *o.leontief, 0);
    const Accounts b = compute_accounts(o.model, fresh, 0);
    CHECK(close(a.transfers, b.transfers));

    // A trace from stored stage rows equals one from computed rows.
    const Tracer stored(o.model, *o.leontief, 0, {}, kStoredStages, &o.stage_rows[0]);
    const Tracer computed(o.model, fresh, 0);
    const TraceResult ts = stored.trace(0, 1, 10.0), tc = computed.trace(0, 1, 10.0);
    CHECK(ts.total == doctest::Approx(tc.total).epsilon(1e-12));
    REQUIRE(ts.stages.size() == tc.stages.size());
    for (size_t k = 0; k < ts.stages.size(); ++k)
        CHECK(ts.stages[k] == doctest::Approx(tc.stages[k]).epsilon(1e-12));
}

TEST_CASE("stored factorisation: a stale checksum falls back to factorising, logged") {
    test::TempDir dir;
    Model m = test::random_model(4, 5, 78);
    write_database(m, dir.file("m.sqlite"));
    // Edit Z behind the factorisation's back: scale every entry by 0.9 in place.
    Model edited = m;
    edited.Z *= 0.9;
    {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(dir.file("m.sqlite").c_str(), &db) == SQLITE_OK);
        sqlite3_stmt* s = nullptr;
        REQUIRE(sqlite3_prepare_v2(db, "UPDATE matrices SET data = ? WHERE name = 'Z'", -1, &s,
                                   nullptr) == SQLITE_OK);
        sqlite3_bind_blob(s, 1, edited.Z.data(), static_cast<int>(edited.Z.size() * 8),
                          SQLITE_TRANSIENT);
        CHECK(sqlite3_step(s) == SQLITE_DONE);
        sqlite3_finalize(s);
        sqlite3_close(db);
    }
    test::CapturedLog log;
    OpenedModel o = open_model(dir.file("m.sqlite"));
    CHECK_FALSE(o.from_store);
    CHECK(o.stage_rows.empty());
    REQUIRE(log.notes.size() == 1);
    CHECK(log.notes[0].find("m.sqlite has a stored factorisation of other inputs") !=
          std::string::npos);
    CHECK(log.notes[0].find("factorising instead") != std::string::npos);
    // The results are those of the edited model, not the stale factors.
    CHECK(close(o.leontief->multipliers(), Leontief(o.model).multipliers()));
    CHECK_FALSE(close(o.leontief->multipliers(), Leontief(m).multipliers()));
}

TEST_CASE("stored factorisation: missing or malformed tables fall back, logged") {
    test::TempDir dir;
    const Model m = test::random_model(3, 4, 79);
    const std::string path = dir.file("m.sqlite");
    struct Case {
        const char* sql;
        const char* note;
    };
    for (const Case& c :
         {Case{"DROP TABLE factorisation", "has no stored factorisation"},
          Case{"DELETE FROM factorisation WHERE name = 'M'", "has no M"},
          Case{"DELETE FROM factorisation WHERE name = 'LU'", "has no stored LU factors"},
          Case{"UPDATE factorisation SET data = zeroblob(8) WHERE name = 'sector_M'",
               "has sector_M of the wrong size"},
          Case{"UPDATE factorisation_inputs SET stages = 3", "stores 3 stages"},
          Case{"UPDATE factorisation SET data = zeroblob(8) WHERE name = 'region_M'",
               "has region_M of the wrong size"},
          Case{"DELETE FROM factorisation WHERE name = 'region_stages'", "has no region_stages"}}) {
        CAPTURE(c.sql);
        write_database(m, path);
        test::exec_sql(path, c.sql);
        test::CapturedLog log;
        OpenedModel o = open_model(path);
        CHECK_FALSE(o.from_store);
        REQUIRE(log.notes.size() == 1);
        CHECK(log.notes[0].find(c.note) != std::string::npos);
        CHECK(close(o.leontief->multipliers(), Leontief(m).multipliers()));
    }
}

TEST_CASE("stored factorisation: the LU factors are read on first use, once, or factorised") {
    test::TempDir dir;
    const std::string path = dir.file("m.sqlite");
    const Model m = test::random_model(5, 6, 79, 0.7, 0.6, 3);
    const Leontief fresh(m);
    SUBCASE("read on first use, by one of two threads") {
        write_database(m, path);
        test::CapturedLog log;
        OpenedModel o = open_model(path);
        CHECK(o.from_store);
        CHECK_FALSE(o.leontief->factors_ready());
        const Eigen::MatrixXd y = demand_by_region(o.model);
        Eigen::MatrixXd a, b;
        std::thread t([&] { a = o.leontief->solve(y); });
        b = o.leontief->solve(y);
        t.join();
        CHECK(o.leontief->factors_ready());
        CHECK(log.notes.empty());
        CHECK(a == b);
        CHECK(close(a, fresh.solve(y)));
        CHECK(o.leontief->lu() == fresh.lu()); // the very factors stored: same bits
        CHECK(o.leontief->permutation() == fresh.permutation());
    }
    struct Case {
        const char* sql;
        const char* note;
    };
    for (const Case& c :
         {Case{"UPDATE factorisation SET data = zeroblob(8) WHERE name = 'pivots'",
               "has pivots of the wrong size"},
          Case{"UPDATE factorisation SET data = zeroblob(length(data)) WHERE name = 'pivots'",
               "pivots are not a permutation"},
          Case{"UPDATE factorisation_inputs SET checksum = '0123456789abcdef'",
               "replaced by a database of other inputs"}}) {
        // Spoiled after opening (e.g. rebuilt from other inputs while the exhibit runs).
        CAPTURE(c.sql);
        write_database(m, path);
        test::CapturedLog log;
        OpenedModel o = open_model(path);
        CHECK(o.from_store);
        test::exec_sql(path, c.sql);
        CHECK(log.notes.empty());
        const Eigen::MatrixXd y = demand_by_region(o.model);
        CHECK(close(o.leontief->solve(y), fresh.solve(y)));
        REQUIRE(log.notes.size() == 1);
        CHECK(log.notes[0].find(c.note) != std::string::npos);
        CHECK(log.notes[0].find("factorising instead") != std::string::npos);
        (void)o.leontief->solve_transposed(y.transpose()); // once: no second note
        CHECK(log.notes.size() == 1);
    }
}

TEST_CASE("stored factorisation: a trace by the stored multipliers splits like one by the LU") {
    test::TempDir dir;
    const Model m = test::random_model(6, 5, 81, 0.7, 0.6, 3);
    write_database(m, dir.file("m.sqlite"));
    const OpenedModel o = open_model(dir.file("m.sqlite"));
    REQUIRE(o.region_rows.size() == m.stressors.size());
    REQUIRE(o.region_rows[0].sector_multipliers);
    const Tracer tracer(o.model, *o.leontief, 0, {}, kStoredStages, &o.stage_rows[0],
                        o.region_rows[0]);
    TraceOptions lean;
    lean.by_node = false;
    std::vector<TraceResult> by_stored;
    for (int r = 0; r < 6; ++r)
        for (int k = 0; k < 5; ++k) by_stored.push_back(tracer.trace(r, k, 10.0, lean));
    CHECK_FALSE(o.leontief->factors_ready()); // no LU needed
    auto near = [](const Eigen::VectorXd& a, const Eigen::VectorXd& b, double total) {
        return a.size() == b.size() && ((a - b).array().abs() <= 1e-10 * total).all();
    };
    for (const TraceResult& a : by_stored) {
        CAPTURE(a.consumer_region);
        CAPTURE(a.product_sector);
        const TraceResult b = tracer.trace(a.consumer_region, a.product_sector, 10.0);
        CHECK(a.by_node.size() == 0);
        CHECK(b.by_node.size() == m.node_count());
        CHECK(a.total == b.total);
        CHECK(near(a.by_region, b.by_region, b.total));
        CHECK(near(a.by_sector, b.by_sector, b.total));
    }
}

// Writes `m` (named, with a money unit) as m.sqlite and as stale.sqlite, then spoils the latter
// with `sql`.
Model fresh_and_stale(test::TempDir& dir, Model m, const char* sql) {
    m.meta = {{"name", "random"}, {"currency_unit", "10^4 yuan"}};
    write_database(m, dir.file("m.sqlite"));
    write_database(m, dir.file("stale.sqlite"));
    test::exec_sql(dir.file("stale.sqlite"), sql);
    return m;
}

TEST_CASE("stored factorisation: the exhibit opens from it and traces like a fresh factorisation") {
    test::TempDir dir;
    const Model m = fresh_and_stale(dir, test::random_model(4, 5, 80, 0.7, 0.6, 3),
                                    "DROP TABLE factorisation_inputs");
    test::CapturedLog log;
    auto stored = ExhibitModel::open(dir.file("m.sqlite"));
    CHECK(log.notes.empty());
    auto fallback = ExhibitModel::open(dir.file("stale.sqlite"));
    CHECK(log.notes.size() == 1);
    const std::string region = m.regions[1].code, sector = m.sectors[2].code;
    const ExhibitTrace a = stored->trace(region, sector, 1000.0);
    const ExhibitTrace b = fallback->trace(region, sector, 1000.0);
    REQUIRE(a.error.empty());
    CHECK(a.total == doctest::Approx(b.total).epsilon(1e-12));
    REQUIRE(a.by_stage.size() == b.by_stage.size());
    for (size_t k = 0; k < a.by_stage.size(); ++k)
        CHECK(a.by_stage[k].value == doctest::Approx(b.by_stage[k].value).epsilon(1e-12));
}

TEST_CASE("stored factorisation: stored_or_factorised says which, with the same multipliers") {
    test::TempDir dir;
    const Model m = fresh_and_stale(dir, test::random_model(3, 4, 81, 0.7, 0.6, 2),
                                    "UPDATE factorisation_inputs SET stages = 3");
    std::string why = "not cleared";
    std::vector<Eigen::MatrixXd> rows;
    const auto stored = stored_or_factorised(dir.file("m.sqlite"), m, &rows, why);
    CHECK(why.empty());
    CHECK(rows.size() == m.stressors.size());
    std::vector<Eigen::MatrixXd> none;
    const auto fresh = stored_or_factorised(dir.file("stale.sqlite"), m, &none, why);
    CHECK(why.find("stores 3 stages") != std::string::npos);
    CHECK(none.empty());
    CHECK(close(stored->multipliers(), fresh->multipliers()));
}

TEST_CASE("stored factorisation: per-region rows, and restricted searches from them") {
    test::TempDir dir;
    Model m = test::random_model(5, 4, 82, 0.7, 0.6, 2);
    // A second stressor: the stored rows hold one block per stressor.
    m.stressors.push_back({"CH4", "Methane", "kt"});
    m.F.conservativeResize(2, Eigen::NoChange);
    m.F.row(1) = m.F.row(0).reverse() * 0.5;
    m.FY.conservativeResize(2, Eigen::NoChange);
    m.FY.row(1) = m.FY.row(0);
    m.index();
    write_database(m, dir.file("m.sqlite"));
    const OpenedModel o = open_model(dir.file("m.sqlite"));
    REQUIRE(o.from_store);
    REQUIRE(o.region_rows.size() == m.stressors.size());
    const Leontief fresh(o.model);
    for (size_t k = 0; k < m.stressors.size(); ++k) {
        const Eigen::VectorXd s = fresh.intensities().row(static_cast<Eigen::Index>(k)).transpose();
        REQUIRE(o.region_rows[k].stages);
        REQUIRE(o.region_rows[k].multipliers);
        CHECK(close(*o.region_rows[k].stages,
                    region_stage_rows(o.model, fresh.coefficients(), s, kStoredStages)));
        CHECK(close(*o.region_rows[k].multipliers, region_multipliers(o.model, fresh, s)));
    }
    // Sets summed from the stored rows and solved directly (a tracer without them, and one
    // with a what-if scale of 1) list the same paths with the same totals.
    const int st = 1;
    const Tracer stored(o.model, *o.leontief, st, {}, kStoredStages, &o.stage_rows[st],
                        o.region_rows[st]);
    const Tracer computed(o.model, fresh, st);
    const Tracer solved(o.model, fresh, st, {IntensityScale{-1, -1, 1.0}});
    TraceOptions opt;
    opt.threshold = 1e-4;
    for (int home = 0; home < 4; ++home) {
        CAPTURE(home);
        const TraceResult t = stored.trace(home, 2, 10.0, opt);
        RegionMask west = zone_mask(o.model, "centre_west");
        west[static_cast<size_t>(home)] = 0;
        for (const RegionMask& set : {all_but(o.model, home), west}) {
            const SetPaths a = stored.paths_emitted_in(t, set, opt);
            const SetPaths b =
                computed.paths_emitted_in(computed.trace(home, 2, 10.0, opt), set, opt);
            const SetPaths c = solved.paths_emitted_in(solved.trace(home, 2, 10.0, opt), set, opt);
            CHECK(a.total == doctest::Approx(b.total).epsilon(1e-10));
            CHECK(a.total == doctest::Approx(c.total).epsilon(1e-10));
            REQUIRE(a.paths.size() == b.paths.size());
            REQUIRE(a.paths.size() == c.paths.size());
            for (size_t p = 0; p < a.paths.size(); ++p) {
                CHECK(a.paths[p].nodes == b.paths[p].nodes);
                CHECK(a.paths[p].nodes == c.paths[p].nodes);
            }
            for (int d = 0; d < 3; ++d) {
                const SetPaths x = stored.paths_at_depth(t, set, d, opt);
                const SetPaths y =
                    solved.paths_at_depth(solved.trace(home, 2, 10.0, opt), set, d, opt);
                CHECK(x.total == doctest::Approx(y.total).epsilon(1e-10));
                REQUIRE(x.paths.size() == y.paths.size());
                for (size_t p = 0; p < x.paths.size(); ++p)
                    CHECK(x.paths[p].nodes == y.paths[p].nodes);
            }
        }
    }
}

TEST_CASE("stored factorisation: without per-region rows it is still used") {
    test::TempDir dir;
    const Model m = test::random_model(3, 4, 83);
    write_database(m, dir.file("m.sqlite"));
    test::exec_sql(dir.file("m.sqlite"), "DELETE FROM factorisation WHERE name LIKE 'region_%'");
    test::CapturedLog log;
    const OpenedModel o = open_model(dir.file("m.sqlite"));
    CHECK(o.from_store);
    CHECK(log.notes.empty());
    REQUIRE(o.region_rows.size() == m.stressors.size());
    CHECK_FALSE(o.region_rows[0].stages);
    CHECK_FALSE(o.region_rows[0].multipliers);
}

TEST_CASE("stored factorisation: an invalid model gets none, and is refused when opened") {
    test::TempDir dir;
    Model m = test::random_model(3, 4, 84);
    m.F(0, 2) = -1; // emissions cannot be negative
    write_database(m, dir.file("m.sqlite"));
    CHECK_THROWS_WITH_AS(open_model(dir.file("m.sqlite")), doctest::Contains("invalid model: F"),
                         ModelError);
}

TEST_CASE("stored factorisation: KeepZ::no forms A in Z's storage, bit for bit") {
    test::TempDir dir;
    // A zero-output node too: its column of A stays zero either way.
    Model m = test::random_model(4, 5, 82, 0.7, 0.6, 2);
    m.Z.col(3).setZero();
    m.Z.row(3).setZero();
    m.Y.row(3).setZero();
    m.F.col(3).setZero();
    write_database(m, dir.file("m.sqlite"));
    const OpenedModel kept = open_model(dir.file("m.sqlite"));
    const OpenedModel taken = open_model(dir.file("m.sqlite"), kSchemaVersion, nullptr, KeepZ::no);
    REQUIRE(kept.from_store);
    REQUIRE(taken.from_store);
    CHECK(kept.model.Z.size() == m.Z.size());
    CHECK(taken.model.Z.size() == 0);
    // The same products Z_ij·(1/x_j), so exactly the same coefficients and everything after.
    CHECK(taken.leontief->coefficients() == kept.leontief->coefficients());
    CHECK(taken.leontief->output() == kept.leontief->output());
    CHECK(taken.leontief->zero_output_nodes() == kept.leontief->zero_output_nodes());
    CHECK(taken.leontief->coefficients() == Leontief(m).coefficients());

    // A stale factorisation falls back to factorising, and then Z stays (it was not taken).
    test::exec_sql(dir.file("m.sqlite"), "UPDATE factorisation_inputs SET checksum = '0'");
    test::CapturedLog log;
    const OpenedModel fallback =
        open_model(dir.file("m.sqlite"), kSchemaVersion, nullptr, KeepZ::no);
    CHECK_FALSE(fallback.from_store);
    CHECK(fallback.model.Z == m.Z);
    CHECK(fallback.leontief->coefficients() == Leontief(m).coefficients());
}

TEST_CASE("stored factorisation: a misfit stored factorisation leaves Z to the caller") {
    const Model m = test::random_model(3, 4, 83);
    Eigen::MatrixXd z = m.Z;
    LeontiefFactors wrong;
    wrong.lu = Eigen::MatrixXd::Identity(2, 2);
    wrong.permutation = Eigen::VectorXi::LinSpaced(2, 0, 1);
    wrong.multipliers = Eigen::MatrixXd::Zero(1, 2);
    CHECK_THROWS_AS(Leontief(m, std::move(wrong), std::move(z)), ModelError);
    CHECK(z == m.Z);
}
