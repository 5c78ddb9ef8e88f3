// Two years of the exhibit's model side by side (the big picture's year switch): the embodied
// CO2 flowing between the domestic region groups in both years, and each group's net balance of
// those flows. The numbers are engine/model_comparison's (the same as `ctrail compare`), in
// plain std types so the UI sees no science.
#pragma once

#include "exhibit_model.hpp"

#include <string>
#include <vector>

namespace ctrail {

// One quantity in year A and year B, in kilograms.
struct YearPair {
    double a_kg = 0, b_kg = 0;
};

struct YearGroupFlow {
    int from = -1, to = -1; // indices into ExhibitYearComparison::groups (emitter, consumer)
    YearPair flow;          // released in `from` for final demand in `to`
};

struct YearGroupBalance {
    // Released in the other domestic groups for this group's final demand, minus released here
    // for theirs: positive = a net importer of embodied CO2 within China (trade abroad apart).
    YearPair net_import;
    bool importer_a() const { return net_import.a_kg > 0; }
    bool importer_b() const { return net_import.b_kg > 0; }
};

struct ExhibitYearComparison {
    int year_a = 0, year_b = 0;        // ExhibitMeta::year of each model
    std::vector<std::string> groups;   // domestic groups, in the models' order
    std::vector<YearGroupFlow> flows;  // every ordered pair of domestic groups, row-major
    std::vector<YearGroupBalance> net; // one per group
    YearPair national_territorial;     // all territorial emissions
};

// The default stressor's flows in `a` and `b`. Throws ctrail::ModelError naming what differs
// when the models' regions (codes, groups) or sectors differ, or when `b` lacks a's stressor.
ExhibitYearComparison compare_years(const ExhibitModel& a, const ExhibitModel& b);

} // namespace ctrail
