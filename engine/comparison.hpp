// The model against every published figure it can be compared with (docs/VALIDATION.md,
// `ctrail validate`): Feng et al. 2013's national 57% and "up to 80%" (both readings), coastal
// vs interior, the statistics' net interprovincial outflows, exports' share, CEADs totals.
#pragma once

#include "accounts.hpp"
#include "model.hpp"

#include <optional>
#include <string>
#include <vector>

namespace ctrail {

struct ComparisonRow {
    std::string quantity;   // short name
    std::string definition; // exact definition used for the model value
    std::string year;       // year of the published figure
    std::string source;     // citation
    std::string published;  // as published (text: may be "up to 80%" or a pattern)
    std::string model;      // the model's point value (text)
    std::string range;      // ensemble low-high, "-" when the model has none
    std::string verdict;    // agrees / partly / disagrees / calibrated / not checked
    std::string reason;     // why, briefly; always set when the verdict is not "agrees"
};

// Net interprovincial outflow per domestic region (value of its products used in other domestic
// regions minus the value of theirs used in it), in the model's money unit, by region index
// (0 for external regions).
std::vector<double> net_interprovincial_outflow(const Model& model);

// Spearman rank correlation (ties share their mean rank); NaN when undefined.
double spearman(const std::vector<double>& a, const std::vector<double>& b);

// `statistics`: the provincial_expenditure.csv of the sources (Chen et al. 2023), read for the
// model's year (`bal_net_provflow`, 10^8 CNY, matched by name_en); nullopt = row "not checked".
// Throws ModelError naming the file and line on a malformed statistics file.
std::vector<ComparisonRow> compare_with_published(const Model& model, const Accounts& accounts,
                                                  const std::optional<std::string>& statistics);

} // namespace ctrail
