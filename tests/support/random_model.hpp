// Random productive models for the unit tests and the benchmarks: known-good input of any
// size, so the engine can be checked (identities, brute force) and timed without data files.
#pragma once

#include "model.hpp"

#include <random>
#include <string>

namespace ctrail::test {

// A random model with `regions` domestic regions (+ one external), `sectors` sectors,
// `categories` final-demand categories (2 or more; the last is `exports`) and one stressor.
// Column sums of A stay below `max_colsum`; `density` is the share of nonzero entries.
inline Model random_model(int regions, int sectors, unsigned seed, double max_colsum = 0.7,
                          double density = 0.6, int categories = 2) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    Model m;
    m.meta = {{"name", "random"}, {"currency_unit", "unit"}};
    for (int r = 0; r < regions; ++r)
        m.regions.push_back({"R" + std::to_string(r),
                             "Region " + std::to_string(r),
                             "",
                             RegionKind::Domestic,
                             "",
                             r % 2 == 0,
                             {},
                             {},
                             r % 2 == 0 ? "coast" : "centre_west"});
    m.regions.push_back({"ROW", "Rest of world", "", RegionKind::External, "", false, {}, {}, ""});
    for (int s = 0; s < sectors; ++s)
        m.sectors.push_back({"S" + std::to_string(s), "Sector " + std::to_string(s), ""});
    for (int c = 0; c + 1 < categories; ++c) m.categories.push_back("demand" + std::to_string(c));
    m.categories.push_back("exports");
    m.stressors = {{"CO2", "Carbon dioxide", "Mt"}};
    m.index();
    const int n = m.node_count(), ny = static_cast<int>(m.regions.size()) * categories;
    // Draw A with column sums < max_colsum and positive final demand, then Z = A diag(x).
    Eigen::MatrixXd A = Eigen::MatrixXd::Zero(n, n);
    for (int j = 0; j < n; ++j) {
        for (int i = 0; i < n; ++i)
            if (u(rng) < density) A(i, j) = u(rng);
        double c = A.col(j).sum();
        if (c > 0) A.col(j) *= max_colsum * u(rng) / c;
    }
    m.Y = Eigen::MatrixXd::Zero(n, ny);
    for (int i = 0; i < n; ++i)
        for (int c = 0; c < ny; ++c)
            if (u(rng) < density) m.Y(i, c) = 10 * u(rng);
    Eigen::VectorXd x =
        (Eigen::MatrixXd::Identity(n, n) - A).partialPivLu().solve(m.Y.rowwise().sum());
    m.Z = A * x.asDiagonal();
    m.F = Eigen::MatrixXd::Zero(1, n);
    for (int i = 0; i < n; ++i) m.F(0, i) = u(rng) < 0.9 ? x(i) * u(rng) : 0.0;
    m.FY = Eigen::MatrixXd::Zero(1, ny);
    for (int c = 0; c < ny; ++c) m.FY(0, c) = u(rng);
    return m;
}

} // namespace ctrail::test
