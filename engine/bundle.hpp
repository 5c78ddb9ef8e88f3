// Reads a CSV bundle (docs/BUNDLE-FORMAT.md) into a Model, validating as it goes.
#pragma once

#include "model.hpp"

#include <string>

namespace ctrail {

// Throws ModelError naming the file, line and problem on the first error found.
Model read_bundle(const std::string& directory);

} // namespace ctrail
