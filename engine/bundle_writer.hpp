// Writes a Model back out as a CSV bundle (the inverse of read_bundle): for `ctrail export`,
// benchmarks and tests. Numbers are written with shortest round-trip digits; zeros are omitted.
#pragma once

#include "model.hpp"

#include <string>

namespace ctrail {

// Writes into `directory` (created if missing); throws ModelError if a file cannot be written.
void write_bundle(const Model& model, const std::string& directory);

} // namespace ctrail
