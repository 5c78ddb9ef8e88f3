// A simulated disk under the atomic writer's FileSteps (test-only): one folder of files, each
// file's bytes as of its last fsync plus the writes since, and the folder's entries as of its
// last fsync plus the creations, renames and removals since. The power goes before step `cut`
// (every call counts as one step); what survives is the synced state plus, at random, a prefix
// of the folder's unsynced changes (in order, as a journalling file system commits metadata)
// and of each file's unsynced writes (in order, the last one torn at a 512-byte sector). After
// the cut every step fails; `fail_at` makes one step fail with an errno (a transient fault).
#pragma once

#include "admin/atomic_file.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace storage_test {

class SimDisk : public ctrail::admin::FileSteps {
  public:
    // The folder starts with these (durable) files, by name.
    SimDisk(const std::map<std::string, std::string>& files, std::uint64_t cut, std::uint64_t seed);
    void fail_once(std::uint64_t step, int err) { fail_at_ = step, fail_errno_ = err; }
    std::uint64_t steps() const { return steps_; }
    bool cut_happened() const { return survivors_.has_value(); }
    // After the cut: the folder's files by name. Before it: what a cut now would leave.
    std::map<std::string, std::string> survivors();
    std::map<std::string, std::string> current() const; // what a reader sees now

    int create(const std::string& path) override;
    ssize_t write(int fd, const char* data, std::size_t n) override;
    int fsync(int fd) override;
    int close(int fd) override;
    int rename(const std::string& from, const std::string& to) override;
    int fsync_folder(const std::string& folder) override;
    int unlink(const std::string& path) override;

  private:
    struct Write {
        std::size_t offset = 0;
        std::string data;
        bool truncate = false;
    };
    struct Inode {
        std::string durable, now;
        std::vector<Write> pending;
    };
    struct Change { // a folder entry: name -> inode, or removed (-1); a rename is one change
        std::string name;
        int inode = -1;
        std::string renamed_from;
    };
    bool step(); // counts the step; false (errno set) when it must fail
    std::map<std::string, std::string> cut_state();

    std::vector<Inode> inodes_;
    std::map<std::string, int> entries_now_, entries_durable_;
    std::vector<Change> changes_;                    // since the folder's last fsync
    std::map<int, std::pair<int, std::size_t>> fds_; // fd -> inode, offset
    int next_fd_ = 3;
    std::uint64_t steps_ = 0, cut_ = 0, fail_at_ = 0;
    int fail_errno_ = 0;
    std::mt19937_64 rng_;
    std::optional<std::map<std::string, std::string>> survivors_;
};

} // namespace storage_test
