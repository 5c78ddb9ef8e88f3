// Emission accounts per region for one stressor, with pymrio's D_pba_reg / D_cba_reg
// conventions (docs/MRIO.md): territorial, consumption, imported, exported, and the
// emitter x consumer transfer matrix.
#pragma once

#include "leontief.hpp"

#include <string>
#include <vector>

namespace ctrail {

struct Accounts {
    int stressor = 0;
    // transfers(e, r): emitted in domestic region e (row = position among domestic regions)
    // because of final demand of region r (column = region index, external ones included).
    Eigen::MatrixXd transfers;
    // Indexed by region (all regions; external ones have zero territorial and exported).
    Eigen::VectorXd territorial; // industry emissions in the region + its FY
    Eigen::VectorXd consumption; // emissions anywhere caused by its final demand + its FY
    Eigen::VectorXd imported;    // sum over e != r of transfers(e, r)
    Eigen::VectorXd exported;    // sum over r != e of transfers(e, r)
    Eigen::VectorXd household;   // FY of the region
    // Share of r's consumption-based emissions (households excluded) released elsewhere;
    // NaN when r's final demand causes no emissions.
    Eigen::VectorXd emitted_elsewhere_share;
    double national_outside_share = 0; // sum_{e != r} T / sum T (consumers include external)
};

// `scales` (what-if) multiply the stressor's intensities s and its F of the matching nodes,
// as if the model were rebuilt with them (intensity_scale.hpp); L does not depend on them.
Accounts compute_accounts(const Model& model, const Leontief& leontief, int stressor,
                          const std::vector<IntensityScale>& scales = {});

// The check behind the accounts: max |(I - A)X - Y| / max |Y| for X = L·Y, Y by region.
// Kept apart from compute_accounts because it costs as much as the solve itself.
double solve_residual(const Model& model, const Leontief& leontief);

// Regions gathered by Region::group (an ungrouped region is a group of its own, named by its
// code): domestic groups in first-seen order, then the external ones.
struct RegionGroups {
    std::vector<std::string> names;
    std::vector<bool> external;            // per group
    std::vector<std::vector<int>> members; // per group: region indices
    std::vector<int> group_of;             // per region
};
RegionGroups region_groups(const Model& model);

// Embodied flows between groups: flows(a, b) = sum of transfers(e, r) over emitters e in a and
// consumers r in b (groups x groups; rows of external groups are zero).
Eigen::MatrixXd group_flows(const Model& model, const Accounts& accounts,
                            const RegionGroups& groups);

// Final demand of every region, summed over its categories: nodes x regions.
Eigen::MatrixXd demand_by_region(const Model& model);

} // namespace ctrail
