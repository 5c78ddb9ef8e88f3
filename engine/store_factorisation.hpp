// Schema version 3: the model database also holds what opening it would otherwise compute
// (docs/BUNDLE-FORMAT.md, "The stored factorisation"): the LU factors and pivots of I - A, the
// multipliers M = S·L and the stage rows s·A^k of every stressor, for models up to
// kRegionRowsMaxNodes also their per-region rows (region_rows.hpp), with a checksum of the
// inputs (Z, Y, F) they were computed from. open_model() reads them instead of factorising, and
// falls back to factorising (logged) when they are absent, malformed or stale.
#pragma once

#include "leontief.hpp"
#include "sqlite_db.hpp"
#include "store.hpp"
#include "trace.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ctrail {

// Stage rows stored per stressor: k = 0..kStoredStages (the Tracer's default depth).
inline constexpr int kStoredStages = 12;

// Per-region rows are stored for models of the exhibit's size: they cost (kStoredStages + 1) x
// regions x n doubles and `kStoredStages` products of (regions x n) by A to build. Larger
// (research) models compute them when a restricted trace first needs them.
inline constexpr int kRegionRowsMaxNodes = 1000;

struct StoredFactorisation {
    LeontiefFactors factors; // lu and permutation empty when read with ReadLu::later
    std::string checksum;    // of the inputs, as stored (16 hex digits)
    std::vector<Eigen::MatrixXd> stage_rows;   // per stressor, (kStoredStages + 1) x nodes
    std::vector<StoredRegionRows> region_rows; // per stressor; null when not stored
};

// Checksum of everything the factorisation depends on: the shapes and bits of Z, Y and F.
std::uint64_t inputs_checksum(const Model& model);

// The factorisation's tables computed, not yet written: computing needs no database, so
// write_database computes them on a second thread while it writes the model's own tables.
struct ComputedFactorisation {
    struct Tables;
    std::unique_ptr<Tables> tables;
    ComputedFactorisation();
    ComputedFactorisation(ComputedFactorisation&&) noexcept;
    ComputedFactorisation& operator=(ComputedFactorisation&&) noexcept;
    ~ComputedFactorisation();
};
// Throws ModelError when I - A is singular. `model` must outlive the result.
ComputedFactorisation compute_factorisation(const Model& model);
// Writes them into `db` (inside the caller's transaction).
void write_factorisation(sql::Db& db, const ComputedFactorisation& computed);

// Whether read_factorisation reads the LU factors (1.6 MB for the China model) now or leaves
// them to read_lu_factors on first use (open_model: the exhibit's traces never need them).
enum class ReadLu : bool { later, now };

// The stored factorisation of the database at `path` for `model` (read from the same file), or
// nullopt with the reason in `why` when it is absent, malformed or its checksum disagrees.
std::optional<StoredFactorisation> read_factorisation(const std::string& path, const Model& model,
                                                      std::string& why,
                                                      ReadLu read_lu = ReadLu::now);
// The same through an open connection (open_for_reading).
std::optional<StoredFactorisation>
read_factorisation(sql::Db& db, const Model& model, std::string& why, ReadLu read_lu = ReadLu::now);

// The LU factors and pivots of the n-node model stored at `path`, provided its inputs' checksum
// is still `checksum` (the one verified at open); else nullopt with the reason in `why`.
std::optional<LaterFactors> read_lu_factors(const std::string& path, const std::string& checksum,
                                            Eigen::Index n, std::string& why);

// The Leontief of `model` (read from `path`) from its stored factorisation when that is usable
// (and its stage rows into *stage_rows when not null), else factorised here; then `why` says
// why the stored one was not used (empty when it was). Throws ModelError naming the file for a
// singular model.
std::unique_ptr<Leontief> stored_or_factorised(const std::string& path, const Model& model,
                                               std::vector<Eigen::MatrixXd>* stage_rows,
                                               std::string& why);

// A model ready for questions: read, validated, factorised (a stored LU is read on first use).
struct OpenedModel {
    Model model;
    std::unique_ptr<Leontief> leontief;
    std::vector<Eigen::MatrixXd> stage_rows;   // per stressor when stored, else empty
    std::vector<StoredRegionRows> region_rows; // per stressor when stored, else empty
    bool from_store = false;                   // false: it was factorised at open (and logged)
};

// Whether OpenedModel::model keeps Z. KeepZ::no (the exhibit, which never reads Z after open):
// when the stored factorisation is used, A is formed in Z's storage and model.Z is left empty.
enum class KeepZ : bool { no, yes };

// read_database + validate + the stored factorisation, or factorising with a logged note when
// it cannot be used. Throws ModelError naming the file for an invalid or singular model.
// `oldest_version` and `found_version` as for read_database (store.hpp).
OpenedModel open_model(const std::string& path, int oldest_version = kSchemaVersion,
                       int* found_version = nullptr, KeepZ keep_z = KeepZ::yes);
// The same through a connection opened with open_for_reading.
OpenedModel open_model(sql::Db& db, int oldest_version = kSchemaVersion,
                       int* found_version = nullptr, KeepZ keep_z = KeepZ::yes);

// The checksum of the stored factorisation when `open_model` would use it for the model whose
// labels are `labels` (read_database with ModelParts::labels): it is there, whole, and of these
// Z, Y and F. They are hashed straight from the file in 64 KB pieces, never held whole, so this
// costs a fraction of reading them. Else nullopt with the reason in `why`.
std::optional<std::string> verify_stored_factorisation(sql::Db& db, const Model& labels,
                                                       std::string& why);

} // namespace ctrail
