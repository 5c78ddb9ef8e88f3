// Thin RAII wrappers over the SQLite C API shared by the model store and the stored
// factorisation: every failure becomes a ModelError naming the database file.
#pragma once

#include "error.hpp"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <sqlite3.h>
#include <string>
#include <utility>

namespace ctrail::sql {

class Db {
  public:
    Db(const std::string& path, int flags) : path_(path) {
        if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
            std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
            sqlite3_close(db_);
            db_ = nullptr;
            throw ModelError(path, 0, "cannot open database: " + msg);
        }
    }
    ~Db() { sqlite3_close(db_); }
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;

    void exec(const char* sql) {
        char* err = nullptr;
        if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
            std::string msg = err ? err : "unknown error";
            sqlite3_free(err);
            throw ModelError(path_, 0, "database error: " + msg);
        }
    }
    void fail(const char* what) const {
        throw ModelError(path_, 0, std::string(what) + ": " + sqlite3_errmsg(db_));
    }
    sqlite3* get() const { return db_; }
    const std::string& path() const { return path_; }

  private:
    std::string path_;
    sqlite3* db_ = nullptr;
};

class Stmt {
  public:
    Stmt(Db& db, const char* sql) : db_(db) {
        if (sqlite3_prepare_v2(db.get(), sql, -1, &s_, nullptr) != SQLITE_OK)
            db.fail("cannot prepare statement");
    }
    ~Stmt() { sqlite3_finalize(s_); }
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;

    Stmt& bind(int i, const std::string& v) {
        sqlite3_bind_text(s_, i, v.c_str(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Stmt& bind(int i, long long v) {
        sqlite3_bind_int64(s_, i, v);
        return *this;
    }
    Stmt& bind(int i, std::optional<double> v) {
        if (v)
            sqlite3_bind_double(s_, i, *v);
        else
            sqlite3_bind_null(s_, i);
        return *this;
    }
    Stmt& bind_blob(int i, const void* p, size_t n) {
        // SQLITE_STATIC: no copy of a large matrix; callers run() before the data goes away.
        sqlite3_bind_blob64(s_, i, p, n, SQLITE_STATIC);
        return *this;
    }
    void run() {
        if (sqlite3_step(s_) != SQLITE_DONE) db_.fail("cannot write");
        sqlite3_reset(s_);
        sqlite3_clear_bindings(s_);
    }
    bool next() {
        int rc = sqlite3_step(s_);
        if (rc == SQLITE_ROW) return true;
        if (rc != SQLITE_DONE) db_.fail("cannot read");
        return false;
    }
    std::string text(int c) const {
        auto p = sqlite3_column_text(s_, c);
        return p ? reinterpret_cast<const char*>(p) : "";
    }
    long long integer(int c) const { return sqlite3_column_int64(s_, c); }
    std::optional<double> real(int c) const {
        if (sqlite3_column_type(s_, c) == SQLITE_NULL) return std::nullopt;
        return sqlite3_column_double(s_, c);
    }
    const void* blob(int c) const { return sqlite3_column_blob(s_, c); }
    size_t bytes(int c) const { return static_cast<size_t>(sqlite3_column_bytes(s_, c)); }

  private:
    Db& db_;
    sqlite3_stmt* s_ = nullptr;
};

// Reads the `bytes` bytes of the BLOB in column `column` of row `rowid` of `table` in pieces of
// at most `piece` bytes: `into(done)` says where the piece starting at byte `done` goes, and
// `take(n)` is called after each piece of n bytes is read.
template <class Into, class Take>
void read_blob_by_piece(Db& db, const char* table, const char* column, long long rowid,
                        std::size_t bytes, std::size_t piece, Into&& into, Take&& take) {
    sqlite3_blob* b = nullptr;
    if (sqlite3_blob_open(db.get(), "main", table, column, rowid, 0, &b) != SQLITE_OK) {
        sqlite3_blob_close(b);
        db.fail("cannot read a matrix");
    }
    for (std::size_t done = 0; done < bytes;) {
        const std::size_t n = std::min(piece, bytes - done);
        if (sqlite3_blob_read(b, into(done), static_cast<int>(n), static_cast<int>(done)) !=
            SQLITE_OK) {
            sqlite3_blob_close(b);
            db.fail("cannot read a matrix");
        }
        take(n);
        done += n;
    }
    sqlite3_blob_close(b);
}

// Reads `bytes` bytes of the BLOB straight into `out`: no intermediate copy of a large matrix
// (sqlite3_column_blob would make one).
inline void read_blob(Db& db, const char* table, const char* column, long long rowid, void* out,
                      std::size_t bytes) {
    constexpr std::size_t kChunk = std::size_t(1) << 30; // sqlite3_blob_read takes an int
    read_blob_by_piece(
        db, table, column, rowid, bytes, kChunk,
        [out](std::size_t done) { return static_cast<char*>(out) + done; }, [](std::size_t) {});
}

// Reads the BLOB in pieces of at most `piece` bytes into the caller's `buffer` (that many
// bytes), calling `take(bytes)` after each: a large BLOB is looked at without ever being held
// whole (no fresh pages for it).
template <class Take>
void read_blob_pieces(Db& db, const char* table, const char* column, long long rowid,
                      std::size_t bytes, void* buffer, std::size_t piece, Take&& take) {
    read_blob_by_piece(
        db, table, column, rowid, bytes, piece, [buffer](std::size_t) { return buffer; },
        std::forward<Take>(take));
}

} // namespace ctrail::sql
