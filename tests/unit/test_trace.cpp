#include "csv.hpp"
#include "error.hpp"
#include "test_support.hpp"
#include "trace.hpp"
#include "trace_fixtures.hpp"
#include "trace_text.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace ctrail;

namespace {

using test::close;

// s·A^k·y by repeated dense products, independent of the tracer's precomputed rows.
std::vector<double> stages_by_powers(const Eigen::MatrixXd& A, const Eigen::VectorXd& s,
                                     const Eigen::VectorXd& y, int K) {
    std::vector<double> out;
    Eigen::VectorXd v = y;
    for (int k = 0; k <= K; ++k) {
        out.push_back(s.dot(v));
        v = A * v;
    }
    return out;
}

} // namespace

/* The hand-worked 2-region x 3-sector chain (trace_fixtures.hpp has the model).
   Shanghai (SH) households buy 100 (x 10^4 yuan) of machinery (MAC). SH's final demand for MAC is
   30 from SH and 10 from NM, so w = (0.75, 0.25) and y = 75 at SH/MAC, 25 at NM/MAC.
   Paths (value = s_last · A··· · y_first):
     SH/MAC                         75 · 0.1             =  7.5
     SH/MAC <- NM/MET               75 · 0.2 · 2         = 30
     SH/MAC <- SH/POWER              75 · 0.08 · 4        = 24
     SH/MAC <- NM/MET <- NM/POWER    75 · 0.2 · 0.3 · 5   = 22.5
     NM/MAC                         25 · 0.2             =  5
     NM/MAC <- NM/MET               25 · 0.25 · 2        = 12.5
     NM/MAC <- NM/MET <- NM/POWER    25 · 0.25 · 0.3 · 5  =  9.375
   A is acyclic, so these are all paths: total = 110.875.
   By region: SH 7.5 + 24 = 31.5; NM 30 + 22.5 + 5 + 12.5 + 9.375 = 79.375, so the share emitted
   outside Shanghai is 79.375 / 110.875 = 0.7159...
   By sector: MAC 12.5, MET 42.5, POWER 55.875. Stages: k=0 12.5, k=1 30 + 24 + 12.5 = 66.5,
   k=2 22.5 + 9.375 = 31.875, k>=3 0.
   At threshold 0.05 (cut 5.54375) every path but NM/MAC (5) is listed: coverage 105.875/110.875. */
TEST_CASE("trace: the hand-worked 2-region x 3-sector case") {
    const Model m = test::hand_model();
    const Leontief L(m);
    TraceOptions opt;
    opt.threshold = 0.05;
    const TraceResult r = trace(m, L, 0, 0, 100.0, 0, opt);

    CHECK(r.demand(0) == doctest::Approx(75));
    CHECK(r.demand(3) == doctest::Approx(25));
    CHECK_FALSE(r.national_mix);
    CHECK(r.total == doctest::Approx(110.875).epsilon(1e-12));
    CHECK(r.by_region(0) == doctest::Approx(31.5).epsilon(1e-12));
    CHECK(r.by_region(1) == doctest::Approx(79.375).epsilon(1e-12));
    CHECK(r.share_elsewhere == doctest::Approx(79.375 / 110.875).epsilon(1e-12));
    CHECK(r.by_sector(0) == doctest::Approx(12.5).epsilon(1e-12));
    CHECK(r.by_sector(1) == doctest::Approx(42.5).epsilon(1e-12));
    CHECK(r.by_sector(2) == doctest::Approx(55.875).epsilon(1e-12));
    REQUIRE(r.stages.size() == 13);
    CHECK(r.stages[0] == doctest::Approx(12.5).epsilon(1e-12));
    CHECK(r.stages[1] == doctest::Approx(66.5).epsilon(1e-12));
    CHECK(r.stages[2] == doctest::Approx(31.875).epsilon(1e-12));
    CHECK(std::abs(r.stages[3]) < 1e-12);
    CHECK(std::abs(r.stage_remainder) < 1e-9);

    const std::vector<std::vector<int>> nodes = {{0, 4}, {0, 2}, {0, 4, 5}, {3, 4}, {3, 4, 5}, {0}};
    const std::vector<double> values = {30, 24, 22.5, 12.5, 9.375, 7.5};
    REQUIRE(r.paths.size() == nodes.size());
    for (size_t p = 0; p < nodes.size(); ++p) {
        CHECK(r.paths[p].nodes == nodes[p]);
        CHECK(r.paths[p].value == doctest::Approx(values[p]).epsilon(1e-12));
    }
    CHECK(r.coverage == doctest::Approx(105.875 / 110.875).epsilon(1e-12));
    CHECK(r.unexplained == doctest::Approx(5).epsilon(1e-9));
    CHECK(r.search_complete);
}

TEST_CASE("trace: paths equal brute-force enumeration on random productive models") {
    for (unsigned seed = 1; seed <= 12; ++seed) {
        const int regions = 2 + static_cast<int>(seed % 3),
                  sectors = 2 + static_cast<int>(seed % 4);
        const Model m = test::random_model(regions, sectors, seed, 0.75, 0.7);
        const Leontief L(m);
        const Tracer tracer(m, L, 0);
        for (double threshold : {0.02, 0.005, 0.001}) {
            CAPTURE(seed);
            CAPTURE(threshold);
            const int consumer = static_cast<int>(seed) % regions,
                      product = static_cast<int>(seed) % sectors;
            TraceOptions opt;
            opt.threshold = threshold;
            opt.max_paths = 100000;
            opt.max_depth = 6;
            const TraceResult r = tracer.trace(consumer, product, 3.0, opt);
            const auto brute =
                test::brute_force_paths(L.coefficients(), tracer.intensities(), r.demand,
                                        threshold * r.total, opt.max_depth);
            REQUIRE(r.paths.size() == brute.size());
            for (size_t p = 0; p < brute.size(); ++p) {
                CHECK(r.paths[p].nodes == brute[p].nodes);
                CHECK(r.paths[p].value == brute[p].value);
            }
            // A cap returns exactly the first paths of the full list.
            opt.max_paths = 5;
            const TraceResult capped = tracer.trace(consumer, product, 3.0, opt);
            REQUIRE(capped.paths.size() == std::min<size_t>(5, brute.size()));
            for (size_t p = 0; p < capped.paths.size(); ++p)
                CHECK(capped.paths[p].nodes == brute[p].nodes);
            CHECK(capped.nodes_visited <= r.nodes_visited);
        }
    }
}

TEST_CASE("trace: decompositions and stages add up on random productive models") {
    for (unsigned seed = 21; seed <= 30; ++seed) {
        const Model m = test::random_model(3, 4, seed);
        const Leontief L(m);
        const Tracer tracer(m, L, 0);
        const int consumer = static_cast<int>(seed) % 4; // includes the external region (3)
        const TraceResult r = tracer.trace(consumer, static_cast<int>(seed) % 4, 7.0);
        CAPTURE(seed);
        CHECK(r.demand.sum() == doctest::Approx(7.0));
        // total = M·y, and every decomposition sums to it.
        const Eigen::VectorXd Ly =
            (Eigen::MatrixXd::Identity(m.node_count(), m.node_count()) - L.coefficients())
                .fullPivLu()
                .solve(r.demand);
        CHECK(close(r.total, L.intensities().row(0).dot(Ly)));
        CHECK(close(r.by_node.sum(), r.total));
        CHECK(close(r.by_region.sum(), r.total));
        CHECK(close(r.by_sector.sum(), r.total));
        for (int i = 0; i < m.node_count(); ++i)
            CHECK(std::abs(r.by_node(i) - L.intensities()(0, i) * Ly(i)) <= 1e-9 * r.total);
        CHECK(r.by_region(3) == 0); // the external region emits nothing
        const auto direct = stages_by_powers(L.coefficients(), tracer.intensities(), r.demand, 12);
        REQUIRE(r.stages.size() == direct.size());
        double sum = 0;
        for (size_t k = 0; k < direct.size(); ++k) {
            CHECK(std::abs(r.stages[k] - direct[k]) <= 1e-12 * r.total);
            sum += r.stages[k];
        }
        CHECK(close(sum + r.stage_remainder, r.total));
        // The remainder is what lies beyond stage 12: s·A^13·L·y.
        Eigen::VectorXd v = Ly;
        for (int k = 0; k < 13; ++k) v = L.coefficients() * v;
        CHECK(std::abs(r.stage_remainder - tracer.intensities().dot(v)) <= 1e-9 * r.total);
        CHECK(close(r.emitted_elsewhere + (consumer < 3 ? r.by_region(consumer) : 0.0), r.total));
        double listed = 0;
        for (const auto& p : r.paths) listed += p.value;
        CHECK(close(listed + r.unexplained, r.total));
        CHECK(r.coverage == doctest::Approx(listed / r.total));
        for (size_t p = 1; p < r.paths.size(); ++p) CHECK(r.paths[p - 1].value >= r.paths[p].value);
        // More stages than precomputed continue the recursion.
        TraceOptions more;
        more.stages = 20;
        const TraceResult r20 = tracer.trace(consumer, static_cast<int>(seed) % 4, 7.0, more);
        const auto direct20 =
            stages_by_powers(L.coefficients(), tracer.intensities(), r.demand, 20);
        REQUIRE(r20.stages.size() == 21);
        for (size_t k = 0; k <= 20; ++k)
            CHECK(std::abs(r20.stages[k] - direct20[k]) <= 1e-12 * r.total);
    }
}

TEST_CASE("trace: the search never runs away near a spectral radius of 1") {
    // Column sums of A all 0.999 (dense): rho(A) = 0.999, so paths decay very slowly.
    const Model m = test::random_model(4, 3, 77, 0.999, 1.0);
    Model dense = m;
    {
        const Leontief L0(m);
        Eigen::MatrixXd A = L0.coefficients();
        for (int j = 0; j < A.cols(); ++j) A.col(j) *= 0.999 / A.col(j).sum();
        const int n = m.node_count();
        Eigen::VectorXd x =
            (Eigen::MatrixXd::Identity(n, n) - A).partialPivLu().solve(m.Y.rowwise().sum());
        dense.Z = A * x.asDiagonal();
        dense.F = m.F.array().rowwise() * (x.transpose().array() / L0.output().transpose().array());
    }
    const Leontief L(dense);
    const Tracer tracer(dense, L, 0);
    CHECK(L.coefficients().colwise().sum().maxCoeff() == doctest::Approx(0.999));

    SUBCASE("threshold 0 stops at the cap with a correct remainder") {
        // Bounds (M ~ s / (1 - 0.999)) dwarf path values here, so best-first has to open many
        // prefixes per listed path: a cap of 20 is reached, 100 runs into the memory guard.
        TraceOptions opt;
        opt.threshold = 0;
        opt.max_paths = 20;
        const TraceResult r = tracer.trace(0, 1, 1.0, opt);
        CHECK(r.paths.size() == 20);
        CHECK_FALSE(r.search_complete);
        opt.max_paths = 100;
        const TraceResult guarded = tracer.trace(0, 1, 1.0, opt);
        CHECK(guarded.paths.size() <= 100);
        CHECK_FALSE(guarded.search_complete);
        for (size_t p = 0; p < r.paths.size(); ++p)
            CHECK(guarded.paths[p].nodes == r.paths[p].nodes);
        double listed = 0;
        for (const auto& p : r.paths) listed += p.value;
        CHECK(close(r.unexplained, r.total - listed));
        CHECK(r.coverage < 1);
        for (const auto& p : r.paths) CHECK(p.depth() <= 12);
        // The stage remainder beyond 12 is large here and still exact.
        Eigen::VectorXd v = L.solve(r.demand);
        for (int k = 0; k < 13; ++k) v = L.coefficients() * v;
        CHECK(r.stage_remainder > 0.5 * r.total);
        CHECK(close(r.stage_remainder, tracer.intensities().dot(v), 1e-6));
    }
    SUBCASE("threshold 0 without a cap lists every path up to max depth: the stage sums") {
        TraceOptions opt;
        opt.threshold = 0;
        opt.max_paths = 10'000'000;
        opt.max_depth = 3;
        const TraceResult r = tracer.trace(0, 1, 1.0, opt);
        // Paths worth more than 0: any start, any middle, ending at a node with s > 0.
        const Eigen::VectorXd& s = tracer.intensities();
        const long long n = dense.node_count(), dirty = (s.array() > 0).count();
        long long expected = 0;
        for (int i = 0; i < n; ++i)
            if (r.demand(i) > 0) expected += (s(i) > 0 ? 1 : 0) + dirty * (1 + n + n * n);
        CHECK(static_cast<long long>(r.paths.size()) == expected);
        CHECK_FALSE(r.search_complete); // max depth cut it
        double listed = 0;
        for (const auto& p : r.paths) listed += p.value;
        CHECK(close(listed, r.stages[0] + r.stages[1] + r.stages[2] + r.stages[3], 1e-9));
    }
    SUBCASE("the expansion guard stops an unbounded search") {
        TraceOptions opt;
        opt.threshold = 0;
        opt.max_paths = 10'000'000;
        opt.max_depth = 1000;
        opt.max_expansions = 5000;
        const TraceResult r = tracer.trace(0, 1, 1.0, opt);
        CHECK(r.nodes_visited == 5000);
        CHECK_FALSE(r.search_complete);
        double listed = 0;
        for (const auto& p : r.paths) listed += p.value;
        CHECK(close(r.unexplained, r.total - listed));
        CHECK(r.unexplained >= 0);
        // The memory guard stops it too.
        opt.max_expansions = 1'000'000;
        opt.max_prefixes = 20'000;
        const TraceResult capped = tracer.trace(0, 1, 1.0, opt);
        CHECK_FALSE(capped.search_complete);
        CHECK(capped.nodes_visited < 20'000);
        CHECK(capped.nodes_visited > 1000);
    }
}

TEST_CASE("trace: intensity scaling changes the total as expected without rebuilding") {
    const Model m = test::hand_model();
    const Leontief L(m);
    const double base = trace(m, L, 0, 0, 100.0, 0).total; // 110.875
    // Electricity in Inner Mongolia twice as dirty: its 22.5 + 9.375 count twice.
    const TraceResult doubled = trace(m, L, 0, 0, 100.0, 0, {}, {{1, 2, 2.0}});
    CHECK(doubled.total == doctest::Approx(base + 31.875).epsilon(1e-12));
    CHECK(doubled.paths.front().value == doctest::Approx(45)); // SH/MAC <- NM/MET <- NM/POWER
    // Inner Mongolia clean: only Shanghai's own 31.5 remains, none of it elsewhere.
    const TraceResult clean = trace(m, L, 0, 0, 100.0, 0, {}, {{1, -1, 0.0}});
    CHECK(clean.total == doctest::Approx(31.5).epsilon(1e-12));
    CHECK(clean.share_elsewhere == doctest::Approx(0).scale(1));
    // Every sector everywhere x 0.5 halves everything, and the Leontief is untouched.
    const TraceResult half = trace(m, L, 0, 0, 100.0, 0, {}, {{-1, -1, 0.5}});
    CHECK(half.total == doctest::Approx(base / 2).epsilon(1e-12));
    // M(SH/MAC) = 0.1 + 0.2 · (2 + 0.3 · 5) + 0.08 · 4 = 1.12, still unscaled in the Leontief.
    CHECK(L.multipliers()(0, 0) == doctest::Approx(1.12).epsilon(1e-12));
    CHECK(trace(m, L, 0, 0, 100.0, 0).total == doctest::Approx(base).epsilon(1e-15));
}

TEST_CASE("trace: demand follows the consumer's own supply mix, else the national one") {
    Model m = test::hand_model();
    const Leontief L(m);
    const Tracer tracer(m, L, 0);
    bool national = true;
    // NM buys MET for 10 from SH and 5 from NM: y splits 2 : 1.
    Eigen::VectorXd y = tracer.demand(1, 1, 10, &national);
    CHECK_FALSE(national);
    CHECK(y(1) == doctest::Approx(20.0 / 3));
    CHECK(y(4) == doctest::Approx(10.0 / 3));
    CHECK(y.sum() == doctest::Approx(10));
    // SH buys no MET: the national mix (only NM's 10 SH/MET and 5 NM/MET) is used.
    y = tracer.demand(0, 1, 3, &national);
    CHECK(national);
    CHECK(y(1) == doctest::Approx(2));
    CHECK(y(4) == doctest::Approx(1));
    CHECK_THROWS_AS(tracer.demand(5, 0, 1), ModelError);
    CHECK_THROWS_AS(tracer.demand(0, 7, 1), ModelError);
}

TEST_CASE("trace: plain-language path texts in English and Chinese") {
    const Model m = test::hand_model();
    const std::vector<int> path = {0, 4, 5}; // SH/MAC <- NM/MET <- NM/POWER
    CHECK(
        describe_path(m, path, Language::English, {"Car", "汽车"}) ==
        "Car assembled in Shanghai \u2190 steel and metals from Inner Mongolia \u2190 electricity "
        "from Inner Mongolia");
    CHECK(describe_path(m, path, Language::Chinese, {"Car", "汽车"}) ==
          "上海组装的汽车 \u2190 内蒙古的钢铁和金属 \u2190 内蒙古的电力");
    CHECK(
        describe_path(m, path, Language::English) ==
        "Machinery and vehicles assembled in Shanghai \u2190 steel and metals from Inner Mongolia "
        "\u2190 electricity from Inner Mongolia");
    CHECK(describe_path(m, {5}, Language::English) == "Electricity generated in Inner Mongolia");

    // A sector the table does not know reads "<sector> from <region>" with the model's labels.
    Model other = m;
    other.sectors[1] = {"XYZ", "Widgets", "小部件"};
    CHECK(describe_path(other, {0, 4}, Language::English) ==
          "Machinery and vehicles assembled in Shanghai \u2190 widgets from Inner Mongolia");
    CHECK(describe_path(other, {4}, Language::English) == "Widgets made in Inner Mongolia");
    CHECK(describe_path(other, {0, 4}, Language::Chinese) ==
          "上海组装的机械和汽车 \u2190 内蒙古的小部件");
    // Without Chinese labels the English ones stand in.
    other.regions[1].name_zh.clear();
    CHECK(describe_path(other, {4}, Language::Chinese) == "Inner Mongolia生产的小部件");
}

TEST_CASE("trace: every sector of the shipped models has its own words") {
    // The word table is keyed by the China bundles' sector codes; a renamed or new sector would
    // silently fall back to "<sector> from <region>", so this fails instead.
    int checked = 0;
    for (const char* name : {"china-2007", "china-2012"}) {
        const std::string file =
            std::string(CTRAIL_SOURCE_DIR) + "/assets/model/" + name + "/sectors.csv";
        if (!std::filesystem::exists(file)) continue;
        const CsvTable t = CsvTable::read(file);
        const int code = t.column("code"), en = t.column("name_en");
        std::vector<std::string> nouns;
        for (const CsvRow& row : t.rows()) {
            const Sector sector{t.cell(row, code), t.cell(row, en), ""};
            CAPTURE(sector.code);
            CHECK(has_sector_words(sector));
            nouns.push_back(sector_words(sector, Language::English).noun);
            ++checked;
        }
        // No two sectors read the same.
        std::sort(nouns.begin(), nouns.end());
        CHECK(std::adjacent_find(nouns.begin(), nouns.end()) == nouns.end());
    }
    MESSAGE("sectors checked: " << checked);
}

TEST_CASE("trace: identical steps in a row read once, with their rounds") {
    const Model m = test::hand_model();
    // NM/MET supplying itself: SH/MAC <- NM/MET <- NM/MET <- NM/MET <- NM/POWER <- NM/POWER.
    const std::vector<int> path = {0, 4, 4, 4, 5, 5};
    CHECK(describe_path(m, path, Language::English, {"Car", "汽车"}) ==
          "Car assembled in Shanghai \u2190 steel and metals from Inner Mongolia, through several "
          "rounds of steelmaking \u2190 electricity from Inner Mongolia, through two rounds of "
          "power generation");
    CHECK(
        describe_path(m, path, Language::Chinese, {"Car", "汽车"}) ==
        "上海组装的汽车 \u2190 内蒙古的钢铁和金属，经过多轮冶炼 \u2190 内蒙古的电力，经过两轮发电");
    // Repeats of the bought product's own node, and a step that merely returns later, differ.
    CHECK(
        describe_path(m, {0, 0, 4, 0}, Language::English) ==
        "Machinery and vehicles assembled in Shanghai, through two rounds of machine building "
        "\u2190 steel and metals from Inner Mongolia \u2190 machinery and vehicles from Shanghai");
}

TEST_CASE("trace: the words come from the one data file, checked when read") {
    // The embedded table is the file as it is in the source tree.
    const std::string file = std::string(CTRAIL_SOURCE_DIR) + "/assets/content/engine-words.tsv";
    const WordTable from_file = parse_word_table(test::read_text(file), "engine-words.tsv");
    REQUIRE(from_file.sectors.size() == word_table().sectors.size());
    for (size_t i = 0; i < from_file.sectors.size(); ++i) {
        CHECK(from_file.sectors[i].codes == word_table().sectors[i].codes);
        CHECK(from_file.sectors[i].zh.noun == word_table().sectors[i].zh.noun);
    }
    CHECK(from_file.phrases == word_table().phrases);
    CHECK(word_table().phrase("arrow", Language::English) == " \u2190 ");

    const std::string phrases = "phrase\tarrow\t <- \t <- \nphrase\tproduct_made\ta\tb\n"
                                "phrase\tproduct\ta\tb\nphrase\tsupplier\ta\tb\n"
                                "phrase\ttwo_rounds\ta\tb\nphrase\tmany_rounds\ta\tb\n"
                                "phrase\tgeneric_made\ta\tb\nphrase\tgeneric_process\ta\tb\n";
    CHECK(parse_word_table(phrases, "w.tsv").phrases.size() == 8);
    CHECK_THROWS_WITH_AS(parse_word_table("# c\nphrase\tarrow\tx\n", "w.tsv"),
                         "w.tsv:2: a phrase row has 4 tab-separated cells, this one 3", ModelError);
    CHECK_THROWS_WITH_AS(parse_word_table(phrases + "phrase\tarrows\tx\ty\n", "w.tsv"),
                         "w.tsv:9: unknown phrase 'arrows'", ModelError);
    CHECK_THROWS_WITH_AS(parse_word_table(phrases + "sector\tX\t\tx\tmade\t\tx\t\tx\n", "w.tsv"),
                         "w.tsv:9: a sector row needs its nouns and processes", ModelError);
    CHECK_THROWS_WITH_AS(parse_word_table(phrases + "sectors\tX\n", "w.tsv"),
                         "w.tsv:9: rows start with 'phrase' or 'sector', not 'sectors'",
                         ModelError);
    CHECK_THROWS_WITH_AS(parse_word_table("phrase\tarrow\t-\t-\n", "w.tsv"),
                         "w.tsv: phrase 'product_made' is missing", ModelError);
}
