#include "sim_disk.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace storage_test {

namespace {

std::string name_of(const std::string& path) {
    return std::filesystem::path(path).filename().string();
}

void put(std::string& bytes, std::size_t offset, const std::string& data) {
    if (bytes.size() < offset + data.size()) bytes.resize(offset + data.size());
    std::memcpy(bytes.data() + offset, data.data(), data.size());
}

} // namespace

SimDisk::SimDisk(const std::map<std::string, std::string>& files, std::uint64_t cut,
                 std::uint64_t seed)
    : cut_(cut), rng_(seed) {
    for (const auto& [name, bytes] : files) {
        inodes_.push_back({bytes, bytes, {}});
        entries_now_[name] = entries_durable_[name] = int(inodes_.size()) - 1;
    }
}

bool SimDisk::step() {
    ++steps_;
    if (cut_ && steps_ == cut_ && !survivors_) survivors_ = cut_state();
    if (survivors_) {
        errno = EIO; // the power is gone: nothing answers
        return false;
    }
    if (fail_errno_ && steps_ == fail_at_) {
        errno = fail_errno_;
        return false;
    }
    return true;
}

std::map<std::string, std::string> SimDisk::cut_state() {
    std::map<std::string, int> entries = entries_durable_;
    const std::size_t kept = rng_() % (changes_.size() + 1);
    for (std::size_t i = 0; i < kept; ++i) {
        if (!changes_[i].renamed_from.empty()) entries.erase(changes_[i].renamed_from);
        if (changes_[i].inode < 0)
            entries.erase(changes_[i].name);
        else
            entries[changes_[i].name] = changes_[i].inode;
    }
    std::map<std::string, std::string> out;
    for (const auto& [name, ino] : entries) {
        const Inode& node = inodes_[std::size_t(ino)];
        std::string bytes = node.durable;
        const std::size_t whole = rng_() % (node.pending.size() + 1);
        for (std::size_t i = 0; i < whole; ++i) {
            const Write& w = node.pending[i];
            if (w.truncate)
                bytes.resize(w.offset);
            else
                put(bytes, w.offset, w.data);
        }
        if (whole < node.pending.size() && !node.pending[whole].truncate) {
            const Write& w = node.pending[whole];
            const std::size_t first = (w.offset / 512 + 1) * 512, end = w.offset + w.data.size();
            if (first < end) {
                const std::size_t at = first + 512 * (rng_() % ((end - first + 511) / 512));
                put(bytes, w.offset, w.data.substr(0, std::min(at, end) - w.offset));
            }
        }
        out[name] = bytes;
    }
    return out;
}

std::map<std::string, std::string> SimDisk::survivors() {
    return survivors_ ? *survivors_ : cut_state();
}

std::map<std::string, std::string> SimDisk::current() const {
    std::map<std::string, std::string> out;
    for (const auto& [name, ino] : entries_now_) out[name] = inodes_[std::size_t(ino)].now;
    return out;
}

int SimDisk::create(const std::string& path) {
    if (!step()) return -1;
    const std::string name = name_of(path);
    int ino;
    if (auto it = entries_now_.find(name); it != entries_now_.end()) {
        ino = it->second;
        inodes_[std::size_t(ino)].now.clear();
        inodes_[std::size_t(ino)].pending.push_back({0, {}, true});
    } else {
        inodes_.push_back({});
        ino = int(inodes_.size()) - 1;
        entries_now_[name] = ino;
        changes_.push_back({name, ino, {}});
    }
    fds_[next_fd_] = {ino, 0};
    return next_fd_++;
}

ssize_t SimDisk::write(int fd, const char* data, std::size_t n) {
    if (!step()) return -1;
    auto& [ino, offset] = fds_.at(fd);
    // Short writes too, as a real write(2) may do: the writer must loop.
    const std::size_t len = n > 1 ? 1 + rng_() % n : n;
    Inode& node = inodes_[std::size_t(ino)];
    node.pending.push_back({offset, std::string(data, len), false});
    put(node.now, offset, node.pending.back().data);
    offset += len;
    return ssize_t(len);
}

int SimDisk::fsync(int fd) {
    if (!step()) return -1;
    Inode& node = inodes_[std::size_t(fds_.at(fd).first)];
    node.durable = node.now;
    node.pending.clear();
    return 0;
}

int SimDisk::close(int fd) {
    const bool ok = step();
    fds_.erase(fd); // closed either way
    return ok ? 0 : -1;
}

int SimDisk::rename(const std::string& from, const std::string& to) {
    if (!step()) return -1;
    const auto it = entries_now_.find(name_of(from));
    if (it == entries_now_.end()) {
        errno = ENOENT;
        return -1;
    }
    const int ino = it->second;
    entries_now_.erase(it);
    entries_now_[name_of(to)] = ino;
    changes_.push_back({name_of(to), ino, name_of(from)});
    return 0;
}

int SimDisk::fsync_folder(const std::string&) {
    if (!step()) return -1;
    entries_durable_ = entries_now_;
    changes_.clear();
    return 0;
}

int SimDisk::unlink(const std::string& path) {
    if (!step()) return -1;
    if (entries_now_.erase(name_of(path)) == 0) {
        errno = ENOENT;
        return -1;
    }
    changes_.push_back({name_of(path), -1, {}});
    return 0;
}

} // namespace storage_test
