// The SQLite model store: marked with PRAGMA application_id, schema versioned with PRAGMA
// user_version, matrices as little-endian double BLOBs (docs/BUNDLE-FORMAT.md, "The database").
#pragma once

#include "model.hpp"

#include <cstdint>
#include <memory>
#include <string>

namespace ctrail {

namespace sql {
class Db;
}

// Version 2: the ranges table (ensemble low/high) and the application_id. A new version adds
// one step to the schema steps in store.cpp and bumps this number.
// Version 3 adds the stored factorisation (store_factorisation.hpp).
inline constexpr int kSchemaVersion = 3;
// The oldest version the exhibit still opens (what it lacks stays empty, e.g. no ranges).
inline constexpr int kOldestReadableSchema = 1;
// PRAGMA application_id of every model database from version 2 on: "CTR1".
inline constexpr std::int32_t kApplicationId = 0x43545231;

// Writes the model in one transaction to a temporary file beside `path`, then renames it.
// On any error nothing is left at `path` (an existing file there is left untouched).
void write_database(const Model& model, const std::string& path);

// Opens read-only; throws ModelError on a missing file, a foreign or corrupt database, or a
// schema version outside [oldest_version, kSchemaVersion] (the message names `ctrail build`).
// `found_version`, when given, receives the database's version.
Model read_database(const std::string& path, int oldest_version = kSchemaVersion,
                    int* found_version = nullptr);
// What read_database reads: everything, or only the labels and meta (no ranges, no matrices:
// what the exhibit's open needs before its first frame, exhibit_model.cpp).
enum class ModelParts : bool { labels, all };
// The same from a connection opened with open_for_reading (the stored factorisation is then
// read through it too: one open, one page cache).
Model read_database(sql::Db& db, int oldest_version = kSchemaVersion, int* found_version = nullptr,
                    ModelParts parts = ModelParts::all);
// Opens `path` read-only for read_database; throws ModelError when it is not a file.
std::unique_ptr<sql::Db> open_for_reading(const std::string& path);

} // namespace ctrail
