#include "validate.hpp"

#include <Eigen/Eigenvalues>
#include <cmath>
#include <sstream>

namespace ctrail {
namespace {

std::string node_name(const Model& m, int node) {
    return m.regions[m.region_of_node(node)].code + "/" + m.sectors[m.sector_of_node(node)].code;
}

// Reports the first non-finite entry of a matrix, naming the matrix and the cell.
void check_finite(const Eigen::MatrixXd& M, const char* name, ValidationReport& r) {
    for (Eigen::Index j = 0; j < M.cols(); ++j)
        for (Eigen::Index i = 0; i < M.rows(); ++i)
            if (!std::isfinite(M(i, j))) {
                std::ostringstream s;
                s << name << " has a non-finite value (" << M(i, j) << ") at row " << i
                  << ", column " << j;
                r.errors.push_back(s.str());
                return;
            }
}

void check_nonnegative(const Model& m, const Eigen::MatrixXd& M, const char* name,
                       bool rows_are_nodes, ValidationReport& r) {
    for (Eigen::Index j = 0; j < M.cols(); ++j)
        for (Eigen::Index i = 0; i < M.rows(); ++i)
            if (M(i, j) < 0) {
                std::ostringstream s;
                s << name << " has a negative value " << M(i, j) << " at ";
                if (rows_are_nodes)
                    s << node_name(m, static_cast<int>(i)) << " -> "
                      << node_name(m, static_cast<int>(j));
                else
                    s << m.stressors[i].code << " in " << node_name(m, static_cast<int>(j));
                r.errors.push_back(s.str());
                return;
            }
}

} // namespace

ValidationReport validate(const Model& m) {
    ValidationReport r;
    const int n = m.node_count();
    const Eigen::Index ny = static_cast<Eigen::Index>(m.regions.size()) * m.category_count();
    if (m.Z.rows() != n || m.Z.cols() != n || m.Y.rows() != n || m.Y.cols() != ny ||
        m.F.cols() != n || m.F.rows() != static_cast<Eigen::Index>(m.stressors.size()) ||
        m.FY.cols() != ny || m.FY.rows() != m.F.rows()) {
        r.errors.push_back("matrix dimensions do not match the labels");
        return r;
    }
    check_finite(m.Z, "Z", r);
    check_finite(m.Y, "Y", r);
    check_finite(m.F, "F", r);
    check_finite(m.FY, "FY", r);
    if (!r.ok()) return r;
    check_nonnegative(m, m.Z, "Z", true, r);
    check_nonnegative(m, m.F, "F", false, r);
    if (m.FY.minCoeff() < 0) r.errors.push_back("FY has a negative value");

    Eigen::VectorXd x = m.Z.rowwise().sum() + m.Y.rowwise().sum();
    for (int j = 0; j < n; ++j) {
        if (x(j) < 0) {
            std::ostringstream s;
            s << "gross output of " << node_name(m, j) << " is negative (" << x(j)
              << "): final demand exceeds what the node supplies";
            r.errors.push_back(s.str());
        } else if (x(j) == 0) {
            if (m.Z.col(j).cwiseAbs().sum() > 0 || (m.F.cols() && m.F.col(j).cwiseAbs().sum() > 0))
                r.errors.push_back("zero output with nonzero inputs or emissions at " +
                                   node_name(m, j));
            else
                r.warnings.push_back("zero output at " + node_name(m, j) +
                                     " (its column of A is zero)");
        }
    }
    if (!r.ok()) return r;

    // Productivity: column sums of A below 1 prove rho(A) < 1 cheaply; otherwise compute rho.
    int worst = -1;
    for (int j = 0; j < n; ++j) {
        if (x(j) <= 0) continue;
        double c = m.Z.col(j).sum() / x(j);
        if (c > r.max_column_sum) {
            r.max_column_sum = c;
            worst = j;
        }
    }
    if (r.max_column_sum < 1) {
        r.productive = true;
        return r;
    }
    Eigen::VectorXd inv_x = x.unaryExpr([](double v) { return v > 0 ? 1.0 / v : 0.0; });
    Eigen::MatrixXd A = m.Z * inv_x.asDiagonal();
    Eigen::EigenSolver<Eigen::MatrixXd> es(A, false);
    r.spectral_radius = es.eigenvalues().cwiseAbs().maxCoeff();
    r.productive = r.spectral_radius < 1 - 1e-12;
    std::ostringstream s;
    s << "column sums of A reach " << r.max_column_sum << " (at " << node_name(m, worst)
      << "); spectral radius of A is " << r.spectral_radius;
    if (r.productive)
        r.warnings.push_back(s.str() + " < 1: productive");
    else
        r.errors.push_back("the model is not productive: " + s.str() + " >= 1");
    return r;
}

} // namespace ctrail
