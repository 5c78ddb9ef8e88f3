#include "leontief.hpp"

#include "error.hpp"

namespace ctrail {

Leontief::Leontief(const Model& model, const std::vector<IntensityScale>& scales) {
    const int n = model.node_count();
    x_ = model.Z.rowwise().sum() + model.Y.rowwise().sum();
    Eigen::VectorXd inv_x(n);
    for (int j = 0; j < n; ++j) {
        // A node without output has no technology: its column of A (and of S) is zero.
        if (x_(j) > 0) {
            inv_x(j) = 1.0 / x_(j);
        } else {
            inv_x(j) = 0.0;
            zero_output_.push_back(j);
        }
    }
    A_ = model.Z * inv_x.asDiagonal();
    S_ = model.F * inv_x.asDiagonal();
    for (const auto& sc : scales) {
        for (int j = 0; j < n; ++j) {
            if ((sc.region < 0 || model.region_of_node(j) == sc.region) &&
                (sc.sector < 0 || model.sector_of_node(j) == sc.sector))
                S_.col(j) *= sc.factor;
        }
    }
    Eigen::MatrixXd I_minus_A = Eigen::MatrixXd::Identity(n, n) - A_;
    lu_.compute(I_minus_A);
    // Partial pivoting never reports singularity itself; the condition estimate does.
    if (!(lu_.rcond() > 1e-13))
        throw ModelError("I - A is singular (reciprocal condition number " +
                         std::to_string(lu_.rcond()) + "): the model is not productive");
    M_ = solve_transposed(S_);
}

Eigen::MatrixXd Leontief::solve_transposed(const Eigen::MatrixXd& C) const {
    // (I - A) = P^-1 L U, so (I - A)^T Z = C^T is U^T W = C^T, L^T V = W, Z = P^T V.
    Eigen::MatrixXd W =
        lu_.matrixLU().triangularView<Eigen::Upper>().transpose().solve(C.transpose());
    lu_.matrixLU().triangularView<Eigen::UnitLower>().transpose().solveInPlace(W);
    return (lu_.permutationP().transpose() * W).transpose();
}

} // namespace ctrail
