// A test-only SQLite VFS registered over "unix" that models the disk under a power cut and a
// failing card. It keeps, for each database, WAL and rollback-journal file, the bytes as of the
// last xSync and the writes (and truncations) since. At the armed cut (the N-th write or
// truncation, counted over all files) the power goes: what survives of each file is its synced
// bytes plus, when `torn`, a random prefix of its unsynced writes in order, the last one cut at
// a 512-byte sector boundary of the file (what a real card does; nothing survives that was not
// written, and writes are not reordered within a file). File creation and deletion count as
// durable at once. xSync is not passed to the real disk: the model holds the durable state, so a
// cut costs no real fsync. From a chosen write on it can also fail every write, truncation and
// sync with SQLITE_FULL, SQLITE_READONLY or SQLITE_IOERR, until cleared.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace storage_test {

class PowerCutVfs {
  public:
    // Registered once, as "powercut"; `make_default` switches SQLite's default VFS to it (the
    // code under test opens with the default) and back to "unix".
    static PowerCutVfs& get();
    void make_default(bool on);

    // Forgets every file; the power goes at write number `cut` (1-based; 0 = never).
    void arm(std::uint64_t cut, std::uint64_t seed, bool torn);
    bool cut_happened() const;
    std::uint64_t writes() const; // writes and truncations so far
    // The write counts at which a WAL file was synced (a sync after write w records w).
    std::vector<std::uint64_t> wal_syncs() const;
    // The numbers of the writes that went to a WAL file, in order.
    std::vector<std::uint64_t> wal_writes() const;
    // After the cut: the surviving bytes of each tracked file (by full path).
    std::map<std::string, std::string> survivors() const;
    // Writes the survivors into `dir`, under their file names.
    void write_survivors(const std::filesystem::path& dir) const;

    // From write number `from` on (1-based, counted as above), fail with `code`.
    void fail_from(std::uint64_t from, int code);
    void clear_fault();
    std::uint64_t faults_returned() const;

    // Called by the VFS shim (public for its C callbacks).
    struct Op {
        bool truncate = false;
        std::int64_t offset = 0; // the new size, for a truncation
        std::string data;
    };
    struct Shadow {
        std::string durable;
        std::vector<Op> pending;
    };
    int on_write(const std::string& file, std::int64_t offset, const void* data, int n);
    int on_truncate(const std::string& file, std::int64_t size);
    int on_sync(const std::string& file);
    void on_open(const std::string& file);
    void on_delete(const std::string& file);

  private:
    PowerCutVfs() = default;
    int count_write(); // the fault to return (0 = none); takes the snapshot at the cut
    void snapshot();

    mutable std::mutex mutex_;
    std::map<std::string, Shadow> files_;
    std::map<std::string, std::string> survivors_;
    std::vector<std::uint64_t> wal_syncs_, wal_writes_;
    std::uint64_t writes_ = 0, cut_ = 0, seed_ = 0, fail_from_ = 0, faults_ = 0;
    int fail_code_ = 0;
    bool torn_ = false, cut_done_ = false;
};

} // namespace storage_test
