// Model checks: values, balance and productivity. Each failure says what failed and where.
#pragma once

#include "leontief.hpp"

#include <string>
#include <vector>

namespace ctrail {

struct ValidationReport {
    std::vector<std::string> errors;   // model unusable
    std::vector<std::string> warnings; // usable, worth a look (e.g. zero-output nodes)
    double max_column_sum = 0;         // of A; < 1 proves productivity cheaply
    double spectral_radius = 0;        // of A; computed only when the column test fails
    bool productive = false;
    bool ok() const { return errors.empty(); }
};

// Values (finite, non-negative Z/F/x), zero output with nonzero inputs, productivity.
ValidationReport validate(const Model& model);

} // namespace ctrail
