// Engine benchmarks (issue 2): for random productive models of 30x14 and 31x42, the time to
// build the database from CSV, open it, factorise, and compute all accounts; and the same
// accounts by pymrio's chain (explicit inverse of I - A, then L times a block-diagonalised Y)
// as the baseline the engine must beat by at least 10x.
#include "accounts.hpp"
#include "bench.hpp"
#include "bundle.hpp"
#include "bundle_writer.hpp"
#include "random_model.hpp"
#include "store.hpp"

#include <cstdio>
#include <filesystem>
#include <random>

namespace {

using namespace ctrail;
namespace fs = std::filesystem;

// pymrio's calc_all chain for D_cba_reg: L = inv(I - A); Y block-diagonalised by product
// (ioutil.diagonalize_blocks: n x R*S, column (r, s) holds r's demand for sector s);
// x_diag = L Y_diag; D_cba = S-weighted x_diag, summed into consumer regions.
Eigen::MatrixXd pymrio_chain(const Model& m) {
    const int n = m.node_count(), nr = static_cast<int>(m.regions.size());
    Eigen::VectorXd x = m.Z.rowwise().sum() + m.Y.rowwise().sum();
    Eigen::VectorXd inv_x = x.unaryExpr([](double v) { return v > 0 ? 1 / v : 0.0; });
    Eigen::MatrixXd A = m.Z * inv_x.asDiagonal();
    Eigen::MatrixXd L = (Eigen::MatrixXd::Identity(n, n) - A).inverse();
    Eigen::RowVectorXd S = m.F.row(0).cwiseProduct(inv_x.transpose());
    Eigen::MatrixXd y = demand_by_region(m);
    const int ns = m.sector_count();
    Eigen::MatrixXd Y_diag = Eigen::MatrixXd::Zero(n, ns * nr);
    for (int r = 0; r < nr; ++r)
        for (int i = 0; i < n; ++i) Y_diag(i, r * ns + m.sector_of_node(i)) = y(i, r);
    Eigen::MatrixXd x_diag = L * Y_diag;
    Eigen::MatrixXd D = S.asDiagonal() * x_diag; // emissions by emitting node and (r, product)
    Eigen::MatrixXd by_region(n, nr);
    for (int r = 0; r < nr; ++r) by_region.col(r) = D.middleCols(r * ns, ns).rowwise().sum();
    return by_region;
}

// The numpy port of pymrio's chain (bench/pymrio_chain.py) on the same bundle; < 0 when
// python3 with numpy is not available.
double numpy_pymrio_ms(const fs::path& bundle) {
    std::string cmd = "/usr/bin/python3 " + std::string(CTRAIL_BENCH_DIR) + "/pymrio_chain.py " +
                      bundle.string() + " 5 2>/dev/null";
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) return -1;
    double ms = -1;
    if (std::fscanf(p, "%lf", &ms) != 1) ms = -1;
    return pclose(p) == 0 ? ms : -1;
}

void run_size(int regions, int sectors) {
    const std::string tag = std::to_string(regions) + "x" + std::to_string(sectors);
    // Six final-demand categories like the China model; half of A and 30% of Y nonzero.
    Model m = test::random_model(regions, sectors, 42, 0.6, 0.5, 6);
    fs::path dir = fs::temp_directory_path() / ("ctrail-bench-" + tag);
    fs::remove_all(dir);
    write_bundle(m, (dir / "bundle").string());
    const std::string db = (dir / "model.sqlite").string();
    double build =
        bench::median_ms(5, [&] { write_database(read_bundle((dir / "bundle").string()), db); });
    double open = bench::median_ms(21, [&] { (void)read_database(db); });
    Model opened = read_database(db);
    double factorise = bench::median_ms(21, [&] { Leontief l(opened); });
    Leontief l(opened);
    double accounts = bench::median_ms(21, [&] { (void)compute_accounts(opened, l, 0); });
    double pymrio = bench::median_ms(3, [&] { (void)pymrio_chain(opened); });
    double all = bench::median_ms(11, [&] {
        Model mm = read_database(db);
        Leontief ll(mm);
        (void)compute_accounts(mm, ll, 0);
    });
    bench::report(tag + " build database from CSV", build, "ms");
    bench::report(tag + " open database", open, "ms");
    bench::report(tag + " factorise (x, A, S, LU, M)", factorise, "ms");
    bench::report(tag + " all accounts (transfers, 4 accounts)", accounts, "ms");
    bench::report(tag + " open + factorise + accounts", all, "ms",
                  regions * sectors <= 450 ? "target < 20 ms" : "");
    bench::report(tag + " pymrio chain (inverse, diagonalised Y)", pymrio, "ms");
    bench::report(tag + " speed-up over the pymrio chain in C++", pymrio / (factorise + accounts),
                  "x", "(same flops as pymrio minus pandas)");
    double numpy = numpy_pymrio_ms(dir / "bundle");
    if (numpy > 0) {
        bench::report(tag + " pymrio chain in numpy (bench/pymrio_chain.py)", numpy, "ms");
        bench::report(tag + " speed-up over pymrio's chain (numpy)", numpy / (factorise + accounts),
                      "x", "target >= 10x");
    } else {
        std::printf("%s pymrio chain in numpy: skipped (needs /usr/bin/python3 with numpy)\n",
                    tag.c_str());
    }
    fs::remove_all(dir);
}

} // namespace

CTRAIL_BENCH(engine_accounts) {
    run_size(30, 14);
    run_size(30, 15);
    run_size(31, 42);
}
