// The engine's results against a reference computed with plain loops in long double (no Eigen
// kernels, so it is the same code with and without CTRAIL_USE_BLAS). Every configuration runs
// this: the dev/release/pi builds (OpenBLAS + LAPACKE) and asan (Eigen alone) all agree with
// the reference to rtol 1e-10, hence with each other.
#include "accounts.hpp"
#include "random_model.hpp"
#include "trace.hpp"

#include <doctest/doctest.h>
#include <vector>

using namespace ctrail;

namespace {

using LMatrix = std::vector<std::vector<long double>>;

// Solves (I - A) X = B column by column by Gaussian elimination with partial pivoting.
LMatrix reference_solve(const Eigen::MatrixXd& A, const Eigen::MatrixXd& B) {
    const size_t n = static_cast<size_t>(A.rows()), k = static_cast<size_t>(B.cols());
    LMatrix M(n, std::vector<long double>(n + k));
    for (size_t i = 0; i < n; ++i) {
        for (size_t j = 0; j < n; ++j) M[i][j] = (i == j ? 1.0L : 0.0L) - A(i, j);
        for (size_t c = 0; c < k; ++c) M[i][n + c] = B(i, c);
    }
    for (size_t p = 0; p < n; ++p) {
        size_t best = p;
        for (size_t i = p + 1; i < n; ++i)
            if (std::abs(M[i][p]) > std::abs(M[best][p])) best = i;
        std::swap(M[p], M[best]);
        for (size_t i = p + 1; i < n; ++i) {
            const long double f = M[i][p] / M[p][p];
            if (f == 0) continue;
            for (size_t j = p; j < n + k; ++j) M[i][j] -= f * M[p][j];
        }
    }
    LMatrix X(n, std::vector<long double>(k));
    for (size_t c = 0; c < k; ++c)
        for (size_t i = n; i-- > 0;) {
            long double v = M[i][n + c];
            for (size_t j = i + 1; j < n; ++j) v -= M[i][j] * X[j][c];
            X[i][c] = v / M[i][i];
        }
    return X;
}

// |a - b| <= 1e-10 |b|, with an absolute floor of 1e-13 x the largest |b| for exact zeros.
void check_close(const Eigen::MatrixXd& a, const LMatrix& b, const char* what) {
    long double scale = 0;
    for (const auto& row : b)
        for (long double v : row) scale = std::max(scale, std::abs(v));
    int bad = 0;
    for (Eigen::Index i = 0; i < a.rows(); ++i)
        for (Eigen::Index j = 0; j < a.cols(); ++j) {
            const long double ref = b[static_cast<size_t>(i)][static_cast<size_t>(j)];
            if (std::abs(a(i, j) - ref) > 1e-10L * std::abs(ref) + 1e-13L * scale) ++bad;
        }
    INFO(std::string(what) << " with " << std::string(linear_algebra_backend()));
    CHECK(bad == 0);
}

} // namespace

TEST_CASE("BLAS equality: L·Y, M = S·L and the accounts match a long-double reference") {
    // 480 nodes: big enough for the blocked LU (dgetrf / Eigen's blocked kernel) and GEMM paths.
    for (auto [regions, sectors] : {std::pair{4, 5}, std::pair{16, 30}}) {
        CAPTURE(regions);
        const Model m = test::random_model(regions, sectors, 1234, 0.8, 0.6, 3);
        const Leontief l(m);
        const Eigen::MatrixXd y = demand_by_region(m);
        const LMatrix X = reference_solve(l.coefficients(), y);
        check_close(l.solve(y), X, "L·y");

        // M^T solves (I - A)^T M^T = S^T.
        const LMatrix Mt =
            reference_solve(l.coefficients().transpose(), l.intensities().transpose());
        check_close(l.multipliers().transpose(), Mt, "M");

        // Transfers T(e, r) = sum over e's nodes of s_i X(i, r).
        const Accounts a = compute_accounts(m, l, 0);
        const int ns = m.sector_count();
        LMatrix T(static_cast<size_t>(m.domestic_count()),
                  std::vector<long double>(m.regions.size(), 0.0L));
        for (int i = 0; i < m.node_count(); ++i)
            for (size_t r = 0; r < m.regions.size(); ++r)
                T[static_cast<size_t>(i / ns)][r] += l.intensities()(0, i) * X[i][r];
        check_close(a.transfers, T, "transfers");
    }
}
