#include "region_rows.hpp"

namespace ctrail {
namespace {

// Row R = s^R: s spread over one row per region.
Eigen::MatrixXd by_region(const Model& model, const Eigen::VectorXd& s) {
    Eigen::MatrixXd block =
        Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(model.regions.size()), s.size());
    for (Eigen::Index i = 0; i < s.size(); ++i)
        block(model.region_of_node(static_cast<int>(i)), i) = s(i);
    return block;
}

} // namespace

Eigen::MatrixXd region_stage_rows(const Model& model, const Eigen::MatrixXd& A,
                                  const Eigen::VectorXd& s, int stages) {
    const auto nr = static_cast<Eigen::Index>(model.regions.size());
    const Eigen::Index k_count = std::max(stages, 0) + 1;
    Eigen::MatrixXd rows(k_count * nr, s.size());
    Eigen::MatrixXd block = by_region(model, s);
    for (Eigen::Index k = 0; k < k_count; ++k) {
        if (k > 0) block = (block * A).eval();
        rows.middleRows(k * nr, nr) = block;
    }
    return rows;
}

Eigen::MatrixXd region_multipliers(const Model& model, const Leontief& leontief,
                                   const Eigen::VectorXd& s) {
    // Rounding can leave tiny negatives where s^R is zero upstream; M^R >= 0 exactly.
    return leontief.solve_transposed(by_region(model, s)).cwiseMax(0.0);
}

} // namespace ctrail
