// Per-region pieces of one stressor's intensities, from which any region set's restricted
// quantities are sums (both are linear in s): s^R·A^k for the stage-by-region table and the
// restricted path searches, and M^R = s^R·L for their bounds (docs/MRIO.md, "A product trace").
// s^R is s with every node outside region R zeroed.
#pragma once

#include "leontief.hpp"

namespace ctrail {

// Row k·regions + R = s^R·A^k for k = 0..stages and every region R (external ones are zero):
// (stages + 1)·regions x n. `stages` products of (regions x n) by A.
Eigen::MatrixXd region_stage_rows(const Model& model, const Eigen::MatrixXd& A,
                                  const Eigen::VectorXd& s, int stages);

// Row R = M^R = s^R·L: regions x n, one transposed solve with a right-hand side per region.
Eigen::MatrixXd region_multipliers(const Model& model, const Leontief& leontief,
                                   const Eigen::VectorXd& s);

} // namespace ctrail
