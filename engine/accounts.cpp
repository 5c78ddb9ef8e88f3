#include "accounts.hpp"

#include "trace.hpp"

#include <limits>

namespace ctrail {

Eigen::MatrixXd demand_by_region(const Model& model) {
    const int nr = static_cast<int>(model.regions.size());
    const int nc = model.category_count();
    Eigen::MatrixXd y = Eigen::MatrixXd::Zero(model.node_count(), nr);
    for (int r = 0; r < nr; ++r)
        y.col(r) = model.Y.middleCols(model.y_column(r, 0), nc).rowwise().sum();
    return y;
}

double solve_residual(const Model& model, const Leontief& leontief) {
    Eigen::MatrixXd y = demand_by_region(model);
    Eigen::MatrixXd X = leontief.solve(y);
    Eigen::MatrixXd residual = X - leontief.coefficients() * X - y;
    return residual.cwiseAbs().maxCoeff() / std::max(y.cwiseAbs().maxCoeff(), 1e-300);
}

Accounts compute_accounts(const Model& model, const Leontief& leontief, int stressor,
                          const std::vector<IntensityScale>& scales) {
    const int nr = static_cast<int>(model.regions.size());
    const int nd = model.domestic_count();
    const int ns = model.sector_count();
    const int nc = model.category_count();
    Accounts a;
    a.stressor = stressor;

    // One solve with a right-hand side per consumer region; never a diagonalised Y.
    Eigen::MatrixXd y = demand_by_region(model);
    Eigen::MatrixXd X = leontief.solve(y);

    // T(e, r) = sum over nodes i of e of s_i X(i, r): weight X by s, then sum blocks of rows.
    Eigen::VectorXd s = leontief.intensities().row(stressor).transpose();
    Eigen::VectorXd f = model.F.row(stressor).transpose();
    apply_scales(model, scales, s);
    apply_scales(model, scales, f);
    Eigen::MatrixXd weighted = s.asDiagonal() * X;
    a.transfers.resize(nd, nr);
    for (int e = 0; e < nd; ++e)
        a.transfers.row(e) = weighted.middleRows(e * ns, ns).colwise().sum();

    a.household = Eigen::VectorXd::Zero(nr);
    for (int r = 0; r < nr; ++r)
        a.household(r) = model.FY.row(stressor).segment(model.y_column(r, 0), nc).sum();
    a.territorial = a.household;
    a.exported = Eigen::VectorXd::Zero(nr);
    a.consumption = a.transfers.colwise().sum().transpose() + a.household;
    a.imported = Eigen::VectorXd::Zero(nr);
    a.emitted_elsewhere_share =
        Eigen::VectorXd::Constant(nr, std::numeric_limits<double>::quiet_NaN());
    double total = a.transfers.sum(), outside = 0;
    for (int e = 0; e < nd; ++e) {
        int r_e = model.domestic_regions()[e];
        // Territorial comes straight from F (pymrio's D_pba), so sum T = sum F is a real check.
        a.territorial(r_e) += f.segment(e * ns, ns).sum();
        a.exported(r_e) = a.transfers.row(e).sum() - a.transfers(e, r_e);
    }
    for (int r = 0; r < nr; ++r) {
        int e_r = model.domestic_position(r);
        double own = e_r >= 0 ? a.transfers(e_r, r) : 0.0;
        double caused = a.transfers.col(r).sum();
        a.imported(r) = caused - own;
        outside += caused - own;
        if (caused > 0) a.emitted_elsewhere_share(r) = (caused - own) / caused;
    }
    a.national_outside_share = total > 0 ? outside / total : 0.0;
    return a;
}

RegionGroups region_groups(const Model& model) {
    RegionGroups g;
    g.group_of.assign(model.regions.size(), -1);
    for (bool external : {false, true}) {
        for (int r = 0; r < static_cast<int>(model.regions.size()); ++r) {
            const Region& reg = model.regions[r];
            if ((reg.kind == RegionKind::External) != external) continue;
            const std::string name = reg.group.empty() ? reg.code : reg.group;
            int k = 0;
            while (k < static_cast<int>(g.names.size()) &&
                   !(g.names[k] == name && g.external[k] == external))
                ++k;
            if (k == static_cast<int>(g.names.size())) {
                g.names.push_back(name);
                g.external.push_back(external);
                g.members.emplace_back();
            }
            g.members[k].push_back(r);
            g.group_of[r] = k;
        }
    }
    return g;
}

Eigen::MatrixXd group_flows(const Model& model, const Accounts& accounts,
                            const RegionGroups& groups) {
    const auto n = static_cast<Eigen::Index>(groups.names.size());
    Eigen::MatrixXd flows = Eigen::MatrixXd::Zero(n, n);
    const auto& domestic = model.domestic_regions();
    for (int e = 0; e < accounts.transfers.rows(); ++e)
        for (int r = 0; r < accounts.transfers.cols(); ++r)
            flows(groups.group_of[domestic[e]], groups.group_of[r]) += accounts.transfers(e, r);
    return flows;
}

} // namespace ctrail
