#include "admin/usb_export.hpp"

#include "admin/atomic_file.hpp"

#include <sqlite3.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <sys/stat.h>

namespace fs = std::filesystem;

namespace ctrail::admin {

fs::path usb_dir() {
    const char* env = std::getenv("CTRAIL_USB_DIR");
    return env && *env ? fs::path(env) : fs::path(kUsbMountDir);
}

bool usb_present(const fs::path& dir) {
    struct stat self {
    }, parent{};
    if (::stat(dir.c_str(), &self) != 0 || !S_ISDIR(self.st_mode)) return false;
    if (std::getenv("CTRAIL_USB_DIR")) return true; // a test folder stands in for a stick
    if (::stat((dir / "..").c_str(), &parent) != 0) return false;
    return self.st_dev != parent.st_dev;
}

bool copy_sqlite(const fs::path& from, const fs::path& to, std::string& error) {
    sqlite3* src_raw = nullptr;
    sqlite3* dst_raw = nullptr;
    auto closer = [](sqlite3* db) { sqlite3_close(db); };
    int rc = sqlite3_open_v2(from.c_str(), &src_raw, SQLITE_OPEN_READONLY, nullptr);
    std::unique_ptr<sqlite3, decltype(closer)> src(src_raw, closer);
    if (rc != SQLITE_OK) {
        error = from.string() + ": " + sqlite3_errstr(rc);
        return false;
    }
    rc = sqlite3_open_v2(to.c_str(), &dst_raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    std::unique_ptr<sqlite3, decltype(closer)> dst(dst_raw, closer);
    if (rc != SQLITE_OK) {
        error = to.string() + ": " + sqlite3_errstr(rc);
        return false;
    }
    sqlite3_backup* b = sqlite3_backup_init(dst.get(), "main", src.get(), "main");
    if (!b) {
        error = to.string() + ": " + sqlite3_errmsg(dst.get());
        return false;
    }
    // Whole database in one step: a consistent snapshot under the source's read lock.
    rc = sqlite3_backup_step(b, -1);
    sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE) {
        error = from.string() + " -> " + to.string() + ": " + sqlite3_errstr(rc);
        return false;
    }
    // A plain file on the stick, readable without the -wal beside it.
    sqlite3_exec(dst.get(), "PRAGMA journal_mode=DELETE", nullptr, nullptr, nullptr);
    return true;
}

ExportResult export_to_usb(const fs::path& dir, const fs::path& visits_db,
                           const std::string& log_text, std::time_t now) {
    ExportResult r;
    if (!usb_present(dir)) {
        r.error = "no USB stick labelled CTRAIL is mounted at " + dir.string();
        return r;
    }
    std::tm local{};
    localtime_r(&now, &local);
    char name[64];
    std::strftime(name, sizeof name, "carbontrail-%Y%m%d-%H%M%S", &local);
    r.folder = dir / name;
    std::error_code ec;
    fs::create_directories(r.folder, ec);
    if (ec) {
        r.error = r.folder.string() + ": " + ec.message();
        return r;
    }
    if (fs::exists(visits_db, ec) && !copy_sqlite(visits_db, r.folder / "visits.sqlite", r.error))
        return r;
    if (!write_file_atomically(r.folder / "log.txt", log_text, r.error)) return r;
    r.ok = true;
    return r;
}

std::string export_log_text(const std::vector<std::string>& ring_lines, bool use_journal) {
    std::string out;
    FILE* p = use_journal
                  ? ::popen("journalctl -u carbontrail -b --no-pager -o short-iso 2>/dev/null", "r")
                  : nullptr;
    if (p) {
        char buf[4096];
        for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
        if (::pclose(p) == 0 && !out.empty()) return out;
    }
    out = "# The exhibit's last warnings and errors (journalctl -u carbontrail has the rest):\n";
    for (const auto& l : ring_lines) out += l + "\n";
    return out;
}

fs::path find_update_file(const fs::path& dir) {
    fs::path best;
    fs::file_time_type best_time{};
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        const auto ext = e.path().extension();
        if (!e.is_regular_file(ec) || (ext != ".deb" && ext != ".sqlite")) continue;
        const auto t = e.last_write_time(ec);
        if (best.empty() || t > best_time) best = e.path(), best_time = t;
    }
    return best;
}

} // namespace ctrail::admin
