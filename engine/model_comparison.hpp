// Two models of the same regions and sectors side by side (ctrail compare; the exhibit's year
// switch): per domestic region territorial, consumption, net transfer and share emitted
// elsewhere, and the embodied flows between the domestic region groups, in both models.
// Comparing models of different regions or sectors is refused: their numbers would not line up.
#pragma once

#include "accounts.hpp"

#include <string>
#include <vector>

namespace ctrail {

// One quantity in model A and model B.
struct Pair {
    double a = 0, b = 0;
    double change() const { return b - a; }
};

struct RegionChange {
    int region = -1; // index in both models
    Pair territorial;
    Pair consumption;
    // consumption - territorial = imported - exported: positive when the region's final demand
    // causes more than it releases (a net importer of embodied emissions).
    Pair net_transfer;
    Pair share_elsewhere; // Accounts::emitted_elsewhere_share (NaN when nothing is caused)
};

struct GroupFlowChange {
    int from = -1, to = -1; // group indices (emitting group, consuming group)
    Pair flow;
};

struct ModelComparison {
    std::vector<RegionChange> regions;  // domestic regions, model order
    std::vector<std::string> groups;    // domestic groups (RegionGroups order)
    std::vector<GroupFlowChange> flows; // every ordered pair of domestic groups, row-major
    Pair national_territorial, national_consumption;
};

// Empty when the models have the same regions (codes, kinds and groups, in order) and sectors
// (codes, in order); else what differs, e.g. "sectors differ: 15 in A, 16 in B (first
// difference: position 3, MINE in A, OIL in B)".
std::string model_mismatch(const Model& a, const Model& b);

// Throws ModelError with model_mismatch() when the models differ. The accounts must be of the
// same stressor.
ModelComparison compare_models(const Model& a, const Accounts& acc_a, const Model& b,
                               const Accounts& acc_b);

} // namespace ctrail
