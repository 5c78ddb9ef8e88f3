#include "visits/visit_store.hpp"

#include <sqlite3.h>

#include <utility>

namespace ctrail::visits {

namespace {

// Version 1: the first layout. Version 2 adds end_screen and reached_big_picture (derived from
// screens, so a spreadsheet or SQL reader sees drop-off without parsing lists) and a date index.
const char* const kCreateV1 = R"(
CREATE TABLE visits (
  id INTEGER PRIMARY KEY,
  visit_key INTEGER NOT NULL UNIQUE,
  start_local TEXT NOT NULL,
  end_local TEXT NOT NULL,
  duration_s INTEGER NOT NULL,
  clock_trusted INTEGER NOT NULL,
  languages TEXT NOT NULL,
  home_region TEXT NOT NULL,
  products TEXT NOT NULL,
  deepest_step INTEGER NOT NULL,
  screens TEXT NOT NULL,
  back_uses INTEGER NOT NULL,
  home_uses INTEGER NOT NULL,
  end_reason TEXT
);)";

const char* const kUpgradeV2 = R"(
ALTER TABLE visits ADD COLUMN end_screen TEXT NOT NULL DEFAULT 'attract';
ALTER TABLE visits ADD COLUMN reached_big_picture INTEGER NOT NULL DEFAULT 0;
CREATE INDEX IF NOT EXISTS visits_start ON visits(start_local);)";

struct Stmt {
    sqlite3_stmt* s = nullptr;
    ~Stmt() { sqlite3_finalize(s); }
};

std::string text_col(sqlite3_stmt* s, int i) {
    const unsigned char* t = sqlite3_column_text(s, i);
    return t ? reinterpret_cast<const char*>(t) : "";
}

} // namespace

std::string cutoff_date(int days, std::time_t now) {
    std::tm tm{};
    localtime_r(&now, &tm);
    tm.tm_mday -= days; // mktime normalises across months and DST
    tm.tm_hour = 12, tm.tm_min = 0, tm.tm_sec = 0;
    tm.tm_isdst = -1;
    const std::time_t t = std::mktime(&tm);
    return local_minute(t).substr(0, 10);
}

VisitStore::VisitStore(VisitStore&& o) noexcept
    : db_(std::exchange(o.db_, nullptr)), path_(std::move(o.path_)) {}
VisitStore& VisitStore::operator=(VisitStore&& o) noexcept {
    if (this != &o) {
        sqlite3_close(db_);
        db_ = std::exchange(o.db_, nullptr);
        path_ = std::move(o.path_);
    }
    return *this;
}
VisitStore::~VisitStore() {
    sqlite3_close(db_);
}

void VisitStore::fail(const std::string& what) const {
    throw StoreError(path_ + ": " + what + (db_ ? std::string(": ") + sqlite3_errmsg(db_) : ""));
}

void VisitStore::exec(const char* sql) const {
    char* msg = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &msg) != SQLITE_OK) {
        std::string m = msg ? msg : "unknown error";
        sqlite3_free(msg);
        throw StoreError(path_ + ": " + m);
    }
}

int VisitStore::schema_version() const {
    Stmt st;
    sqlite3_prepare_v2(db_, "PRAGMA user_version", -1, &st.s, nullptr);
    return st.s && sqlite3_step(st.s) == SQLITE_ROW ? sqlite3_column_int(st.s, 0) : -1;
}

namespace {
int pragma_int(sqlite3* db, const char* sql);
}

int VisitStore::synchronous() const {
    return pragma_int(db_, "PRAGMA synchronous");
}

namespace {

int pragma_int(sqlite3* db, const char* sql) {
    Stmt st;
    if (sqlite3_prepare_v2(db, sql, -1, &st.s, nullptr) != SQLITE_OK) return -1;
    return sqlite3_step(st.s) == SQLITE_ROW ? sqlite3_column_int(st.s, 0) : -1;
}

// Checks what the file is; returns its schema version (0 = an empty new database).
int check_identity(sqlite3* db, const std::string& path) {
    const int app = pragma_int(db, "PRAGMA application_id");
    const int version = pragma_int(db, "PRAGMA user_version");
    const int tables = pragma_int(db, "SELECT count(*) FROM sqlite_master");
    if (app < 0 || version < 0 || tables < 0)
        throw StoreError(path + ": not a readable SQLite database: " + sqlite3_errmsg(db));
    if (app == 0 && version == 0 && tables == 0) return 0;
    if (app != kApplicationId)
        throw StoreError(path + ": not a Carbon Trail visits database (application_id " +
                         std::to_string(app) + ")");
    if (version < 1 || version > kSchemaVersion)
        throw StoreError(path + ": visits schema version " + std::to_string(version) +
                         " is not one this program reads (1.." + std::to_string(kSchemaVersion) +
                         "); a newer Carbon Trail wrote it");
    return version;
}

} // namespace

VisitStore VisitStore::open(const std::filesystem::path& path, bool create) {
    sqlite3* db = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
    const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
    VisitStore store(db, path.string());
    if (rc != SQLITE_OK) store.fail("cannot open for writing");
    sqlite3_busy_timeout(db, 2000);
    const int version = check_identity(db, store.path_);
    store.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
    if (version < kSchemaVersion) store.migrate(version);
    return store;
}

VisitStore VisitStore::open_read_only(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        throw StoreError(path.string() + ": no such file");
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    VisitStore store(db, path.string());
    if (rc != SQLITE_OK) store.fail("cannot open");
    sqlite3_busy_timeout(db, 2000);
    if (check_identity(db, store.path_) == 0)
        throw StoreError(store.path_ + ": not a Carbon Trail visits database (empty)");
    return store;
}

void VisitStore::migrate(int from) {
    // One transaction: a failed migration leaves the file as it was.
    exec("BEGIN IMMEDIATE");
    try {
        if (from == 0) {
            exec(kCreateV1);
            exec(("PRAGMA application_id=" + std::to_string(kApplicationId)).c_str());
        }
        if (from < 2) {
            exec(kUpgradeV2);
            std::vector<VisitRecord> rows = load();
            Stmt up;
            sqlite3_prepare_v2(db_,
                               "UPDATE visits SET end_screen=?, reached_big_picture=? "
                               "WHERE visit_key=?",
                               -1, &up.s, nullptr);
            for (const VisitRecord& v : rows) {
                sqlite3_bind_text(up.s, 1, v.end_screen().c_str(), -1, SQLITE_TRANSIENT);
                sqlite3_bind_int(up.s, 2, v.reached_big_picture() ? 1 : 0);
                sqlite3_bind_int64(up.s, 3, v.key);
                if (sqlite3_step(up.s) != SQLITE_DONE) fail("migration to version 2");
                sqlite3_reset(up.s);
            }
        }
        exec(("PRAGMA user_version=" + std::to_string(kSchemaVersion)).c_str());
        exec("COMMIT");
    } catch (...) {
        sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
}

void VisitStore::write(const std::vector<VisitRecord>& batch) {
    if (batch.empty()) return;
    exec("BEGIN IMMEDIATE");
    try {
        Stmt st;
        if (sqlite3_prepare_v2(
                db_,
                "INSERT INTO visits (visit_key, start_local, end_local, duration_s, "
                "clock_trusted, languages, home_region, products, deepest_step, screens, "
                "back_uses, home_uses, end_reason, end_screen, reached_big_picture) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(visit_key) DO UPDATE SET "
                "start_local=excluded.start_local, end_local=excluded.end_local, "
                "duration_s=excluded.duration_s, clock_trusted=excluded.clock_trusted, "
                "languages=excluded.languages, home_region=excluded.home_region, "
                "products=excluded.products, deepest_step=excluded.deepest_step, "
                "screens=excluded.screens, back_uses=excluded.back_uses, "
                "home_uses=excluded.home_uses, end_reason=excluded.end_reason, "
                "end_screen=excluded.end_screen, "
                "reached_big_picture=excluded.reached_big_picture",
                -1, &st.s, nullptr) != SQLITE_OK)
            fail("cannot prepare the visit insert");
        for (const VisitRecord& v : batch) {
            const std::string langs = join_list(v.languages), products = join_list(v.products),
                              screens = join_list(v.screens), end_screen = v.end_screen();
            sqlite3_bind_int64(st.s, 1, v.key);
            sqlite3_bind_text(st.s, 2, v.start_local.c_str(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(st.s, 3, v.end_local.c_str(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_int(st.s, 4, v.duration_s);
            sqlite3_bind_int(st.s, 5, v.clock_trusted ? 1 : 0);
            sqlite3_bind_text(st.s, 6, langs.c_str(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(st.s, 7, v.region.c_str(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(st.s, 8, products.c_str(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_int(st.s, 9, v.deepest_step);
            sqlite3_bind_text(st.s, 10, screens.c_str(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_int(st.s, 11, v.back_uses);
            sqlite3_bind_int(st.s, 12, v.home_uses);
            if (v.end_reason.empty())
                sqlite3_bind_null(st.s, 13);
            else
                sqlite3_bind_text(st.s, 13, v.end_reason.c_str(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(st.s, 14, end_screen.c_str(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_int(st.s, 15, v.reached_big_picture() ? 1 : 0);
            if (sqlite3_step(st.s) != SQLITE_DONE) fail("cannot write a visit");
            sqlite3_reset(st.s);
        }
        exec("COMMIT");
    } catch (...) {
        sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
}

void VisitStore::checkpoint() {
    if (sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr) !=
        SQLITE_OK)
        fail("cannot checkpoint the write-ahead log");
}

int VisitStore::close_open_visits() {
    exec("UPDATE visits SET end_reason='restart' WHERE end_reason IS NULL");
    return sqlite3_changes(db_);
}

int VisitStore::prune(int days, std::time_t now) {
    Stmt st;
    sqlite3_prepare_v2(db_, "DELETE FROM visits WHERE substr(start_local, 1, 10) < ?", -1, &st.s,
                       nullptr);
    const std::string cut = cutoff_date(days, now);
    sqlite3_bind_text(st.s, 1, cut.c_str(), -1, SQLITE_TRANSIENT);
    if (!st.s || sqlite3_step(st.s) != SQLITE_DONE) fail("cannot prune old visits");
    return sqlite3_changes(db_);
}

std::vector<VisitRecord> VisitStore::load(const std::string& from, const std::string& to) const {
    Stmt st;
    if (sqlite3_prepare_v2(db_,
                           "SELECT visit_key, start_local, end_local, duration_s, clock_trusted, "
                           "languages, home_region, products, deepest_step, screens, back_uses, "
                           "home_uses, end_reason FROM visits WHERE (?1 = '' OR "
                           "substr(start_local, 1, 10) >= ?1) AND (?2 = '' OR "
                           "substr(start_local, 1, 10) <= ?2) ORDER BY start_local, id",
                           -1, &st.s, nullptr) != SQLITE_OK)
        fail("cannot read the visits");
    sqlite3_bind_text(st.s, 1, from.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st.s, 2, to.c_str(), -1, SQLITE_TRANSIENT);
    std::vector<VisitRecord> out;
    int rc;
    while ((rc = sqlite3_step(st.s)) == SQLITE_ROW) {
        VisitRecord v;
        v.key = sqlite3_column_int64(st.s, 0);
        v.start_local = text_col(st.s, 1);
        v.end_local = text_col(st.s, 2);
        v.duration_s = sqlite3_column_int(st.s, 3);
        v.clock_trusted = sqlite3_column_int(st.s, 4) != 0;
        v.languages = split_list(text_col(st.s, 5));
        v.region = text_col(st.s, 6);
        v.products = split_list(text_col(st.s, 7));
        v.deepest_step = sqlite3_column_int(st.s, 8);
        v.screens = split_list(text_col(st.s, 9));
        v.back_uses = sqlite3_column_int(st.s, 10);
        v.home_uses = sqlite3_column_int(st.s, 11);
        v.end_reason = text_col(st.s, 12);
        out.push_back(std::move(v));
    }
    if (rc != SQLITE_DONE) fail("cannot read the visits");
    return out;
}

} // namespace ctrail::visits
