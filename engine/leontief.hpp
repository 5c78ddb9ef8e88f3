// Derived quantities of a model and the one LU factorisation of (I - A) everything else reuses.
// No explicit inverse is ever formed: L·b and c·L are solves against the factorisation.
#pragma once

#include "model.hpp"

#include <Eigen/LU>
#include <vector>

namespace ctrail {

// Multiplies one node's (or a whole region's / sector's) intensity for "what if" questions.
// region or sector < 0 means "every region" / "every sector".
struct IntensityScale {
    int region = -1;
    int sector = -1;
    double factor = 1.0;
};

class Leontief {
  public:
    // Computes x, A, S, factorises (I - A) and M = S·L. Throws ModelError when (I - A) is singular.
    explicit Leontief(const Model& model, const std::vector<IntensityScale>& scales = {});

    const Eigen::VectorXd& output() const { return x_; }       // x = Z·1 + Y·1
    const Eigen::MatrixXd& coefficients() const { return A_; } // A = Z·diag(x)^-1
    const Eigen::MatrixXd& intensities() const { return S_; }  // S = F·diag(x)^-1 (scaled)
    const Eigen::MatrixXd& multipliers() const { return M_; }  // M = S·L
    const std::vector<int>& zero_output_nodes() const { return zero_output_; }

    // L·B (columns of B are final-demand vectors), by solving (I - A) X = B.
    Eigen::MatrixXd solve(const Eigen::MatrixXd& B) const { return lu_.solve(B); }
    // C·L (rows of C are intensity vectors), by solving (I - A)^T X^T = C^T.
    Eigen::MatrixXd solve_transposed(const Eigen::MatrixXd& C) const;

  private:
    Eigen::VectorXd x_;
    Eigen::MatrixXd A_;
    Eigen::MatrixXd S_;
    Eigen::MatrixXd M_;
    Eigen::PartialPivLU<Eigen::MatrixXd> lu_;
    std::vector<int> zero_output_;
};

} // namespace ctrail
