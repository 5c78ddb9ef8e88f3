// The SQLite model store: schema versioned with PRAGMA user_version, matrices as
// little-endian double BLOBs (docs/BUNDLE-FORMAT.md, "The database").
#pragma once

#include "model.hpp"

#include <string>

namespace ctrail {

// Version 3 adds the stored factorisation (store_factorisation.hpp).
inline constexpr int kSchemaVersion = 3;

// Writes the model in one transaction to a temporary file beside `path`, then renames it.
// On any error nothing is left at `path` (an existing file there is left untouched).
void write_database(const Model& model, const std::string& path);

// Opens read-only; throws ModelError on a missing file, wrong schema or corrupt content.
Model read_database(const std::string& path);

} // namespace ctrail
