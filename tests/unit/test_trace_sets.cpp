// Paths by where they end (Tracer::paths_emitted_in, Tracer::paths_at_depth) against brute-force
// enumeration, which shares no code with the search, on random productive models.
#include "test_support.hpp"
#include "trace.hpp"
#include "trace_fixtures.hpp"
#include "zones.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <random>
#include <thread>

using namespace ctrail;

namespace {

using test::close;

// s with every node outside the set zeroed.
Eigen::VectorXd masked(const Model& m, const Eigen::VectorXd& s, const RegionMask& set) {
    Eigen::VectorXd out = s;
    for (int i = 0; i < m.node_count(); ++i)
        if (!set[m.region_of_node(i)]) out(i) = 0;
    return out;
}

// The region sets a random model is checked with: each single region, a random subset, every
// domestic region (the tracer's own bounds) and the empty set.
std::vector<RegionMask> sets_for(const Model& m, unsigned seed) {
    std::vector<RegionMask> sets;
    for (int r : m.domestic_regions()) sets.push_back(region_mask(m, {r}));
    std::mt19937 rng(seed);
    RegionMask some(m.regions.size(), 0);
    for (int r : m.domestic_regions()) some[r] = static_cast<char>(rng() % 2);
    sets.push_back(some);
    sets.push_back(all_but(m, -1));
    sets.push_back(RegionMask(m.regions.size(), 0));
    return sets;
}

} // namespace

TEST_CASE("trace sets: paths emitted in a region set equal brute force, in order, exactly") {
    for (unsigned seed = 1; seed <= 10; ++seed) {
        const int regions = 2 + static_cast<int>(seed % 3),
                  sectors = 2 + static_cast<int>(seed % 3);
        const Model m = test::random_model(regions, sectors, seed, 0.75, 0.7);
        const Leontief L(m);
        const Tracer tracer(m, L, 0);
        const int consumer = static_cast<int>(seed) % regions,
                  product = static_cast<int>(seed) % sectors;
        TraceOptions opt;
        opt.max_paths = 100000;
        opt.max_depth = 6;
        for (double threshold : {0.01, 0.002}) {
            opt.threshold = threshold;
            const TraceResult r = tracer.trace(consumer, product, 2.0, opt);
            for (const RegionMask& set : sets_for(m, seed)) {
                CAPTURE(seed);
                CAPTURE(threshold);
                const Eigen::VectorXd s_set = masked(m, tracer.intensities(), set);
                const SetPaths found = tracer.paths_emitted_in(r, set, opt);
                const auto brute = test::brute_force_paths(L.coefficients(), s_set, r.demand,
                                                           threshold * r.total, opt.max_depth);
                REQUIRE(found.paths.size() == brute.size());
                for (size_t p = 0; p < brute.size(); ++p) {
                    CHECK(found.paths[p].nodes == brute[p].nodes);
                    CHECK(found.paths[p].value == brute[p].value);
                    CHECK(set[m.region_of_node(found.paths[p].nodes.back())]);
                }
                // The set's total is what the trace released there; unexplained is the rest.
                double in_set = 0, listed = 0;
                for (int e = 0; e < r.by_region.size(); ++e)
                    if (set[e]) in_set += r.by_region(e);
                for (const auto& p : found.paths) listed += p.value;
                CHECK(close(found.total, in_set, 1e-9) == true);
                CHECK(std::abs(found.unexplained - (in_set - listed)) <= 1e-9 * in_set);
                CHECK(found.search_complete);

                // A cap returns exactly the first paths of the full list.
                TraceOptions capped = opt;
                capped.max_paths = 3;
                const SetPaths few = tracer.paths_emitted_in(r, set, capped);
                REQUIRE(few.paths.size() == std::min<size_t>(3, brute.size()));
                for (size_t p = 0; p < few.paths.size(); ++p)
                    CHECK(few.paths[p].nodes == brute[p].nodes);
            }
        }
    }
}

TEST_CASE("trace sets: paths of exactly one depth in a set equal brute force") {
    for (unsigned seed = 21; seed <= 28; ++seed) {
        const int regions = 2 + static_cast<int>(seed % 3),
                  sectors = 2 + static_cast<int>(seed % 2);
        const Model m = test::random_model(regions, sectors, seed, 0.7, 0.8);
        const Leontief L(m);
        // Few precomputed rows, so depths beyond them exercise the local continuation.
        const Tracer tracer(m, L, 0, {}, 2);
        TraceOptions opt;
        opt.max_paths = 100000;
        opt.threshold = 0.0005;
        opt.stages = 2;
        const TraceResult r = tracer.trace(static_cast<int>(seed) % regions, 0, 1.0, opt);
        for (const RegionMask& set : sets_for(m, seed)) {
            const Eigen::VectorXd s_set = masked(m, tracer.intensities(), set);
            for (int depth = 0; depth <= 4; ++depth) {
                CAPTURE(seed);
                CAPTURE(depth);
                const SetPaths found = tracer.paths_at_depth(r, set, depth, opt);
                auto brute = test::brute_force_paths(L.coefficients(), s_set, r.demand,
                                                     opt.threshold * r.total, depth);
                std::erase_if(brute, [depth](const test::BrutePath& p) {
                    return static_cast<int>(p.nodes.size()) != depth + 1;
                });
                REQUIRE(found.paths.size() == brute.size());
                for (size_t p = 0; p < brute.size(); ++p) {
                    CHECK(found.paths[p].nodes == brute[p].nodes);
                    CHECK(found.paths[p].value == brute[p].value);
                }
                // The depth's total in the set: s^set·A^depth·y by dense products.
                Eigen::VectorXd v = r.demand;
                for (int k = 0; k < depth; ++k) v = L.coefficients() * v;
                const double at_depth = s_set.dot(v);
                double listed = 0;
                for (const auto& p : found.paths) listed += p.value;
                CHECK(close(found.total, at_depth, 1e-9) == true);
                CHECK(std::abs(found.unexplained - (at_depth - listed)) <= 1e-9 * at_depth);
            }
        }
    }
}

TEST_CASE("trace sets: the hand-worked case by where the chains end") {
    const Model m = test::hand_model();
    const Leontief L(m);
    const Tracer tracer(m, L, 0);
    TraceOptions opt;
    opt.threshold = 0;
    const TraceResult r = tracer.trace(0, 0, 100.0, opt);
    // Released in Inner Mongolia: 30 + 22.5 + 5 + 12.5 + 9.375 = 79.375 (test_trace.cpp).
    const SetPaths nm = tracer.paths_emitted_in(r, resolve_regions(m, "NM"), opt);
    REQUIRE(nm.paths.size() == 5);
    CHECK(nm.paths[0].value == doctest::Approx(30));
    CHECK(nm.paths[1].value == doctest::Approx(22.5));
    CHECK(nm.paths[4].value == doctest::Approx(5));
    CHECK(nm.total == doctest::Approx(79.375));
    CHECK(nm.unexplained == doctest::Approx(0).epsilon(1e-12));
    // Depth 1 released outside Shanghai: SH/MAC <- NM/MET 30 and NM/MAC <- NM/MET 12.5.
    const SetPaths d1 = tracer.paths_at_depth(r, all_but(m, 0), 1, opt);
    REQUIRE(d1.paths.size() == 2);
    CHECK(d1.paths[0].nodes == std::vector<int>{0, 4});
    CHECK(d1.paths[1].nodes == std::vector<int>{3, 4});
    CHECK(d1.total == doctest::Approx(42.5));
    // The same through TraceOptions::emitted_in, by zone name.
    TraceOptions by_zone = opt;
    by_zone.emitted_in = resolve_regions(m, "centre_west");
    const TraceResult z = tracer.trace(0, 0, 100.0, by_zone);
    CHECK(z.paths.size() == 5);
    CHECK(z.paths_total == doctest::Approx(79.375));
    CHECK(z.coverage == doctest::Approx(1));
    // A set of the wrong size is a clear error.
    CHECK_THROWS_WITH(tracer.paths_emitted_in(r, RegionMask(5, 1), opt),
                      doctest::Contains("one flag per region"));
}

TEST_CASE("trace sets: concurrent searches share one cached bound per set") {
    const Model m = test::random_model(4, 4, 7);
    const Leontief L(m);
    const Tracer tracer(m, L, 0);
    TraceOptions opt;
    opt.threshold = 0.001;
    const TraceResult r = tracer.trace(1, 2, 1.0, opt);
    const RegionMask set = region_mask(m, {0, 2});
    const SetPaths expected = tracer.paths_emitted_in(r, set, opt);
    std::vector<SetPaths> got(4);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            got[t] = t % 2 ? tracer.paths_emitted_in(r, region_mask(m, {1, 3}), opt)
                           : tracer.paths_emitted_in(r, set, opt);
        });
    for (auto& t : threads) t.join();
    for (int t = 0; t < 4; t += 2) {
        REQUIRE(got[t].paths.size() == expected.paths.size());
        for (size_t p = 0; p < expected.paths.size(); ++p)
            CHECK(got[t].paths[p].nodes == expected.paths[p].nodes);
    }
}

TEST_CASE("trace sets: the cache keeps the recently used sets and rebuilds evicted ones alike") {
    // A day of visitors choosing every province must not grow the exhibit's memory.
    const Model m = test::random_model(12, 3, 11);
    const Leontief L(m);
    const Tracer tracer(m, L, 0);
    TraceOptions opt;
    opt.threshold = 0.001;
    const TraceResult r = tracer.trace(1, 2, 1.0, opt);
    const RegionMask first = all_but(m, 0);
    const SetPaths before = tracer.paths_emitted_in(r, first, opt);
    for (int home : m.domestic_regions()) {
        tracer.paths_emitted_in(r, all_but(m, home), opt);
        tracer.paths_emitted_in(r, region_mask(m, {home}), opt);
        CHECK(tracer.cached_sets() <= 8);
    }
    CHECK(tracer.cached_sets() == 8);
    const SetPaths after = tracer.paths_emitted_in(r, first, opt); // evicted long ago
    CHECK(after.total == doctest::Approx(before.total).epsilon(1e-15));
    REQUIRE(after.paths.size() == before.paths.size());
    for (size_t p = 0; p < before.paths.size(); ++p) {
        CHECK(after.paths[p].nodes == before.paths[p].nodes);
        CHECK(after.paths[p].value == before.paths[p].value);
    }
}

TEST_CASE("trace: stage by region adds up both ways") {
    const Model m = test::random_model(3, 3, 11);
    const Leontief L(m);
    const Tracer tracer(m, L, 0);
    TraceOptions opt;
    opt.stages = 4;
    opt.stage_regions = true;
    const TraceResult r = tracer.trace(0, 1, 1.0, opt);
    REQUIRE(r.stage_regions.cols() == 6);
    for (int k = 0; k <= 4; ++k)
        CHECK(r.stage_regions.col(k).sum() == doctest::Approx(r.stages[k]).epsilon(1e-12));
    CHECK(r.stage_regions.col(5).sum() == doctest::Approx(r.stage_remainder).epsilon(1e-9));
    for (int e = 0; e < r.by_region.size(); ++e)
        CHECK(r.stage_regions.row(e).sum() == doctest::Approx(r.by_region(e)).epsilon(1e-12));
    CHECK(tracer.trace(0, 1, 1.0, TraceOptions{}).stage_regions.size() == 0);
}

TEST_CASE("trace: stage by region from the cached region rows equals s ∘ A^k y") {
    const Model m = test::random_model(4, 3, 23);
    const Leontief L(m);
    const Tracer cached(m, L, 0, {}, 6); // s^R·A^k rows cached for k = 0..6
    // A scale of 1 changes nothing but takes the direct path (repeated products with A).
    const Tracer direct(m, L, 0, {{-1, -1, 1.0}}, 6);
    const Eigen::MatrixXd& A = L.coefficients();
    const Eigen::VectorXd s = L.intensities().row(0).transpose();
    for (int stages : {3, 6, 9}) { // 9 > the cached stages: the direct path again
        TraceOptions opt;
        opt.stages = stages;
        opt.stage_regions = true;
        for (int region = 0; region < 4; ++region) {
            const TraceResult a = cached.trace(region, 2, 1.0, opt);
            const TraceResult b = direct.trace(region, 2, 1.0, opt);
            REQUIRE(a.stage_regions.cols() == stages + 2);
            REQUIRE(b.stage_regions.cols() == stages + 2);
            Eigen::VectorXd flow = a.demand;
            for (int k = 0; k <= stages; ++k) {
                if (k > 0) flow = (A * flow).eval();
                for (int e = 0; e < static_cast<int>(m.regions.size()); ++e) {
                    double want = 0;
                    for (int i = 0; i < m.node_count(); ++i)
                        if (m.region_of_node(i) == e) want += s(i) * flow(i);
                    CHECK(close(a.stage_regions(e, k), want, 1e-10));
                    CHECK(close(b.stage_regions(e, k), want, 1e-10));
                }
            }
        }
    }
}
