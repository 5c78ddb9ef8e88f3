#include "powercut_vfs.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <new>
#include <random>
#include <sstream>
#include <stdexcept>

namespace storage_test {

namespace {

sqlite3_vfs* unix_vfs() {
    static sqlite3_vfs* v = sqlite3_vfs_find("unix");
    return v;
}

// Our file: the shim's header, then the unix VFS's own file structure.
struct ShimFile {
    sqlite3_file base;
    std::string* name; // tracked files only (null otherwise)
    sqlite3_file* real() { return reinterpret_cast<sqlite3_file*>(this + 1); }
};
static_assert(sizeof(ShimFile) % 8 == 0); // the unix file after it stays aligned

ShimFile* shim(sqlite3_file* f) {
    return reinterpret_cast<ShimFile*>(f);
}

int x_close(sqlite3_file* f) {
    const int rc = shim(f)->real()->pMethods->xClose(shim(f)->real());
    delete shim(f)->name;
    return rc;
}
int x_read(sqlite3_file* f, void* p, int n, sqlite3_int64 off) {
    return shim(f)->real()->pMethods->xRead(shim(f)->real(), p, n, off);
}
int x_write(sqlite3_file* f, const void* p, int n, sqlite3_int64 off) {
    ShimFile* s = shim(f);
    if (s->name)
        if (const int fault = PowerCutVfs::get().on_write(*s->name, off, p, n)) return fault;
    return s->real()->pMethods->xWrite(s->real(), p, n, off);
}
int x_truncate(sqlite3_file* f, sqlite3_int64 size) {
    ShimFile* s = shim(f);
    if (s->name)
        if (const int fault = PowerCutVfs::get().on_truncate(*s->name, size)) return fault;
    return s->real()->pMethods->xTruncate(s->real(), size);
}
int x_sync(sqlite3_file* f, int) {
    ShimFile* s = shim(f);
    // The model is the disk: no real fsync (500 cuts must stay fast).
    return s->name ? PowerCutVfs::get().on_sync(*s->name) : SQLITE_OK;
}
int x_file_size(sqlite3_file* f, sqlite3_int64* size) {
    return shim(f)->real()->pMethods->xFileSize(shim(f)->real(), size);
}
int x_lock(sqlite3_file* f, int l) {
    return shim(f)->real()->pMethods->xLock(shim(f)->real(), l);
}
int x_unlock(sqlite3_file* f, int l) {
    return shim(f)->real()->pMethods->xUnlock(shim(f)->real(), l);
}
int x_check_reserved(sqlite3_file* f, int* out) {
    return shim(f)->real()->pMethods->xCheckReservedLock(shim(f)->real(), out);
}
int x_file_control(sqlite3_file* f, int op, void* arg) {
    return shim(f)->real()->pMethods->xFileControl(shim(f)->real(), op, arg);
}
int x_sector_size(sqlite3_file* f) {
    return shim(f)->real()->pMethods->xSectorSize(shim(f)->real());
}
int x_device(sqlite3_file* f) {
    return shim(f)->real()->pMethods->xDeviceCharacteristics(shim(f)->real());
}
int x_shm_map(sqlite3_file* f, int page, int size, int extend, void volatile** out) {
    return shim(f)->real()->pMethods->xShmMap(shim(f)->real(), page, size, extend, out);
}
int x_shm_lock(sqlite3_file* f, int offset, int n, int flags) {
    return shim(f)->real()->pMethods->xShmLock(shim(f)->real(), offset, n, flags);
}
void x_shm_barrier(sqlite3_file* f) {
    shim(f)->real()->pMethods->xShmBarrier(shim(f)->real());
}
int x_shm_unmap(sqlite3_file* f, int del) {
    return shim(f)->real()->pMethods->xShmUnmap(shim(f)->real(), del);
}
int x_fetch(sqlite3_file* f, sqlite3_int64 off, int n, void** out) {
    *out = nullptr; // no memory-mapped reads: every byte goes through xRead
    (void)f, (void)off, (void)n;
    return SQLITE_OK;
}
int x_unfetch(sqlite3_file* f, sqlite3_int64 off, void* p) {
    return shim(f)->real()->pMethods->xUnfetch(shim(f)->real(), off, p);
}

const sqlite3_io_methods kMethods = {3,           x_close,          x_read,         x_write,
                                     x_truncate,  x_sync,           x_file_size,    x_lock,
                                     x_unlock,    x_check_reserved, x_file_control, x_sector_size,
                                     x_device,    x_shm_map,        x_shm_lock,     x_shm_barrier,
                                     x_shm_unmap, x_fetch,          x_unfetch};

int x_open(sqlite3_vfs*, const char* name, sqlite3_file* f, int flags, int* out_flags) {
    ShimFile* s = shim(f);
    s->base.pMethods = nullptr;
    s->name = nullptr;
    const int rc = unix_vfs()->xOpen(unix_vfs(), name, s->real(), flags, out_flags);
    if (rc != SQLITE_OK) return rc;
    if (name && (flags & (SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_WAL | SQLITE_OPEN_MAIN_JOURNAL))) {
        s->name = new std::string(name);
        PowerCutVfs::get().on_open(*s->name);
    }
    s->base.pMethods = &kMethods;
    return SQLITE_OK;
}
int x_delete(sqlite3_vfs*, const char* name, int sync_dir) {
    PowerCutVfs::get().on_delete(name);
    return unix_vfs()->xDelete(unix_vfs(), name, sync_dir);
}
int x_access(sqlite3_vfs*, const char* name, int flags, int* out) {
    return unix_vfs()->xAccess(unix_vfs(), name, flags, out);
}
int x_full_pathname(sqlite3_vfs*, const char* name, int n, char* out) {
    return unix_vfs()->xFullPathname(unix_vfs(), name, n, out);
}
void* x_dl_open(sqlite3_vfs*, const char* name) {
    return unix_vfs()->xDlOpen(unix_vfs(), name);
}
void x_dl_error(sqlite3_vfs*, int n, char* out) {
    unix_vfs()->xDlError(unix_vfs(), n, out);
}
void (*x_dl_sym(sqlite3_vfs*, void* h, const char* sym))(void) {
    return unix_vfs()->xDlSym(unix_vfs(), h, sym);
}
void x_dl_close(sqlite3_vfs*, void* h) {
    unix_vfs()->xDlClose(unix_vfs(), h);
}
int x_randomness(sqlite3_vfs*, int n, char* out) {
    return unix_vfs()->xRandomness(unix_vfs(), n, out);
}
int x_sleep(sqlite3_vfs*, int us) {
    return unix_vfs()->xSleep(unix_vfs(), us);
}
int x_current_time(sqlite3_vfs*, double* out) {
    return unix_vfs()->xCurrentTime(unix_vfs(), out);
}
int x_last_error(sqlite3_vfs*, int n, char* out) {
    return unix_vfs()->xGetLastError(unix_vfs(), n, out);
}
int x_current_time64(sqlite3_vfs*, sqlite3_int64* out) {
    return unix_vfs()->xCurrentTimeInt64(unix_vfs(), out);
}

sqlite3_vfs* shim_vfs() {
    static sqlite3_vfs v = [] {
        sqlite3_vfs s{};
        s.iVersion = 2;
        s.szOsFile = int(sizeof(ShimFile)) + unix_vfs()->szOsFile;
        s.mxPathname = unix_vfs()->mxPathname;
        s.zName = "powercut";
        s.xOpen = x_open;
        s.xDelete = x_delete;
        s.xAccess = x_access;
        s.xFullPathname = x_full_pathname;
        s.xDlOpen = x_dl_open;
        s.xDlError = x_dl_error;
        s.xDlSym = x_dl_sym;
        s.xDlClose = x_dl_close;
        s.xRandomness = x_randomness;
        s.xSleep = x_sleep;
        s.xCurrentTime = x_current_time;
        s.xGetLastError = x_last_error;
        s.xCurrentTimeInt64 = x_current_time64;
        return s;
    }();
    return &v;
}

bool is_wal(const std::string& file) {
    return file.size() > 4 && file.compare(file.size() - 4, 4, "-wal") == 0;
}

void apply_op(std::string& bytes, const PowerCutVfs::Op& op) {
    if (op.truncate) {
        bytes.resize(std::size_t(op.offset));
        return;
    }
    const std::size_t end = std::size_t(op.offset) + op.data.size();
    if (bytes.size() < end) bytes.resize(end);
    std::memcpy(bytes.data() + op.offset, op.data.data(), op.data.size());
}

} // namespace

PowerCutVfs& PowerCutVfs::get() {
    static PowerCutVfs* vfs = [] {
        if (sqlite3_vfs_register(shim_vfs(), 0) != SQLITE_OK)
            throw std::runtime_error("cannot register the powercut VFS");
        return new PowerCutVfs;
    }();
    return *vfs;
}

void PowerCutVfs::make_default(bool on) {
    sqlite3_vfs_register(on ? shim_vfs() : unix_vfs(), 1);
}

void PowerCutVfs::arm(std::uint64_t cut, std::uint64_t seed, bool torn) {
    std::lock_guard lock(mutex_);
    files_.clear();
    survivors_.clear();
    wal_syncs_.clear();
    wal_writes_.clear();
    writes_ = 0, cut_ = cut, seed_ = seed, torn_ = torn, cut_done_ = false;
    fail_from_ = 0, fail_code_ = 0, faults_ = 0;
}

bool PowerCutVfs::cut_happened() const {
    std::lock_guard lock(mutex_);
    return cut_done_;
}

std::uint64_t PowerCutVfs::writes() const {
    std::lock_guard lock(mutex_);
    return writes_;
}

std::vector<std::uint64_t> PowerCutVfs::wal_syncs() const {
    std::lock_guard lock(mutex_);
    return wal_syncs_;
}

std::vector<std::uint64_t> PowerCutVfs::wal_writes() const {
    std::lock_guard lock(mutex_);
    return wal_writes_;
}

std::map<std::string, std::string> PowerCutVfs::survivors() const {
    std::lock_guard lock(mutex_);
    return survivors_;
}

void PowerCutVfs::write_survivors(const std::filesystem::path& dir) const {
    for (const auto& [path, bytes] : survivors())
        std::ofstream(dir / std::filesystem::path(path).filename(), std::ios::binary) << bytes;
}

void PowerCutVfs::fail_from(std::uint64_t from, int code) {
    std::lock_guard lock(mutex_);
    fail_from_ = from, fail_code_ = code;
}

void PowerCutVfs::clear_fault() {
    std::lock_guard lock(mutex_);
    fail_from_ = 0, fail_code_ = 0;
}

std::uint64_t PowerCutVfs::faults_returned() const {
    std::lock_guard lock(mutex_);
    return faults_;
}

int PowerCutVfs::count_write() {
    ++writes_;
    if (fail_code_ && writes_ >= fail_from_) {
        ++faults_;
        return fail_code_;
    }
    return 0;
}

void PowerCutVfs::snapshot() {
    std::mt19937_64 rng(seed_);
    for (const auto& [path, shadow] : files_) {
        std::string bytes = shadow.durable;
        if (torn_ && !shadow.pending.empty()) {
            // A prefix of the unsynced writes, the next one torn at a sector boundary.
            const std::size_t whole = std::size_t(rng() % (shadow.pending.size() + 1));
            for (std::size_t i = 0; i < whole; ++i) apply_op(bytes, shadow.pending[i]);
            if (whole < shadow.pending.size() && !shadow.pending[whole].truncate) {
                Op part = shadow.pending[whole];
                const std::int64_t end = part.offset + std::int64_t(part.data.size());
                const std::int64_t first_boundary = (part.offset / 512 + 1) * 512;
                std::vector<std::int64_t> cuts;
                for (std::int64_t b = first_boundary; b < end; b += 512) cuts.push_back(b);
                if (!cuts.empty()) {
                    const std::int64_t at = cuts[rng() % cuts.size()];
                    part.data.resize(std::size_t(at - part.offset));
                    apply_op(bytes, part);
                }
            }
        }
        survivors_[path] = std::move(bytes);
    }
    cut_done_ = true;
}

int PowerCutVfs::on_write(const std::string& file, std::int64_t offset, const void* data, int n) {
    std::lock_guard lock(mutex_);
    if (const int fault = count_write()) return fault;
    if (cut_done_) return 0;
    auto& shadow = files_[file];
    if (is_wal(file)) wal_writes_.push_back(writes_);
    Op op;
    op.offset = offset;
    op.data.assign(static_cast<const char*>(data), std::size_t(n));
    shadow.pending.push_back(std::move(op));
    if (writes_ == cut_) snapshot();
    return 0;
}

int PowerCutVfs::on_truncate(const std::string& file, std::int64_t size) {
    std::lock_guard lock(mutex_);
    if (const int fault = count_write()) return fault;
    if (cut_done_) return 0;
    Op op;
    op.truncate = true;
    op.offset = size;
    files_[file].pending.push_back(std::move(op));
    if (writes_ == cut_) snapshot();
    return 0;
}

int PowerCutVfs::on_sync(const std::string& file) {
    std::lock_guard lock(mutex_);
    if (fail_code_ && writes_ >= fail_from_) {
        ++faults_;
        return fail_code_ == SQLITE_FULL || fail_code_ == SQLITE_READONLY ? SQLITE_OK
                                                                          : SQLITE_IOERR_FSYNC;
    }
    if (cut_done_) return SQLITE_OK;
    auto& shadow = files_[file];
    for (const Op& op : shadow.pending) apply_op(shadow.durable, op);
    shadow.pending.clear();
    if (is_wal(file)) wal_syncs_.push_back(writes_);
    return SQLITE_OK;
}

void PowerCutVfs::on_open(const std::string& file) {
    std::lock_guard lock(mutex_);
    if (cut_done_ || files_.count(file)) return;
    // What the file holds when first opened was written (and synced) before the test began.
    std::ifstream in(file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    files_[file].durable = bytes.str();
}

void PowerCutVfs::on_delete(const std::string& file) {
    std::lock_guard lock(mutex_);
    if (!cut_done_) files_.erase(file);
}

} // namespace storage_test
