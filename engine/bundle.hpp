// Reads a CSV bundle (docs/BUNDLE-FORMAT.md) into a Model, validating as it goes.
#pragma once

#include "model.hpp"

#include <functional>
#include <string>

namespace ctrail {

// Told what the reader is doing ("reading Z.csv") and how far through it it is (0..1).
using BundleProgress = std::function<void(const std::string& step, double fraction)>;

// Throws ModelError naming the file, line and problem on the first error found.
Model read_bundle(const std::string& directory, const BundleProgress& progress = {});

} // namespace ctrail
