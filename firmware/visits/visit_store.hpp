// visits.sqlite: the anonymous visit records (docs/ANALYTICS.md). WAL, synchronous=NORMAL,
// application_id 'CTvs', user_version = schema version; older versions are migrated on open,
// newer ones refused. One row per visit, replaced as the visit goes on (an open visit has no
// end_reason), so a visit the exhibit never ended is still there at the next start.
#pragma once

#include "visits/visit_record.hpp"

#include <ctime>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

struct sqlite3;

namespace ctrail::visits {

inline constexpr int kApplicationId = 0x43547673; // "CTvs"
inline constexpr int kSchemaVersion = 2;

class StoreError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

class VisitStore {
  public:
    // Opens (creating, when `create`) and migrates. Throws StoreError naming the file and the
    // problem: not a visits database, a newer schema, unreadable, read-only for a write.
    static VisitStore open(const std::filesystem::path& path, bool create);
    // Read-only: never creates, never migrates (an old schema is read as it is after checks).
    static VisitStore open_read_only(const std::filesystem::path& path);
    VisitStore(VisitStore&&) noexcept;
    VisitStore& operator=(VisitStore&&) noexcept;
    ~VisitStore();

    int schema_version() const;
    int synchronous() const; // PRAGMA synchronous of this connection (1 = NORMAL)
    // Inserts or replaces each visit (by key), in one transaction. Throws StoreError.
    void write(const std::vector<VisitRecord>& batch);
    // Copies the WAL into the database file: syncs the WAL first, so every commit so far is
    // durable afterwards (with synchronous=NORMAL a commit alone is not). Throws StoreError.
    void checkpoint();
    // Visits a previous run left open get end_reason "restart"; returns how many.
    int close_open_visits();
    // Deletes visits that started before local midnight `days` days before `now`; how many.
    int prune(int days, std::time_t now);
    // Visits whose start date (YYYY-MM-DD, local) is within [from, to]; "" = unbounded.
    std::vector<VisitRecord> load(const std::string& from = "", const std::string& to = "") const;

  private:
    explicit VisitStore(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
    void exec(const char* sql) const;
    [[noreturn]] void fail(const std::string& what) const;
    void migrate(int from);

    sqlite3* db_ = nullptr;
    std::string path_;
};

// YYYY-MM-DD, the local date of midnight `days` days before `now`.
std::string cutoff_date(int days, std::time_t now);

} // namespace ctrail::visits
