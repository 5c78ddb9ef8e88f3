// A full disk, a read-only disk and a failing card under the visit recorder and the settings
// writer, through the real StoreSink/VisitWriter and atomic writer: the powercut VFS returns
// SQLITE_FULL / SQLITE_READONLY / SQLITE_IOERR from a chosen write on, and where mount is
// permitted a real 256 KB tmpfs is filled up. Expected: the writer logs once, keeps at most its
// capacity in memory, and writes by itself again once the disk works; the settings writer says
// the disk is full and leaves the old file as it was.
#include "powercut_vfs.hpp"
#include "support.hpp"

#include "admin/settings_file.hpp"
#include "visits/store_sink.hpp"
#include "visits/visit_store.hpp"
#include "visits/visit_writer.hpp"

#include <sqlite3.h>

#include <doctest/doctest.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <sys/mount.h>
#include <thread>

using namespace ctrail::visits;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

struct Log {
    std::mutex m;
    std::vector<std::string> lines;
    VisitWriter::Log sink() {
        return [this](int, const std::string& s) {
            std::lock_guard lock(m);
            lines.push_back(s);
        };
    }
    std::vector<std::string> copy() {
        std::lock_guard lock(m);
        return lines;
    }
};

VisitRecord rec(std::int64_t key) {
    VisitRecord v;
    v.key = key;
    v.start_local = "2026-11-30 12:00";
    v.end_local = v.start_local;
    v.duration_s = int(key % 300);
    v.clock_trusted = true;
    v.languages = {"en", "zh"};
    v.region = "SH";
    v.products = {"car"};
    v.screens = {"attract", "home", "product", "trail"};
    v.end_reason = "idle";
    return v;
}

std::unique_ptr<VisitWriter> writer_on(const fs::path& db, Log& log, std::size_t capacity) {
    StoreSinkOptions so;
    so.wall_clock = [] { return std::time_t(1796040000); };
    so.log = log.sink();
    WriterOptions wo;
    wo.capacity = capacity;
    wo.batch = 100000;
    wo.interval = 1h; // only flush() and the retry write
    wo.retry_first = 2ms;
    wo.retry_max = 20ms;
    return std::make_unique<VisitWriter>(
        std::make_unique<StoreSink>(VisitStore::open(db, true), so), log.sink(), wo);
}

bool wait_written(const VisitWriter& w, std::size_t n) {
    for (int i = 0; i < 10000 && w.written() < n; ++i) std::this_thread::sleep_for(1ms);
    return w.written() == n;
}

std::vector<std::int64_t> keys_in(const fs::path& db) {
    sqlite3* h = nullptr;
    std::vector<std::int64_t> keys;
    REQUIRE(sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READWRITE, "unix") == SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(h, "PRAGMA integrity_check", -1, &st, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(st) == SQLITE_ROW);
    CHECK(std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))) == "ok");
    sqlite3_finalize(st);
    REQUIRE(sqlite3_prepare_v2(h, "SELECT visit_key FROM visits ORDER BY visit_key", -1, &st,
                               nullptr) == SQLITE_OK);
    while (sqlite3_step(st) == SQLITE_ROW) keys.push_back(sqlite3_column_int64(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(h);
    return keys;
}

// The shared scenario: 5 saved, the disk fails, 80 visits arrive (50 kept, 30 dropped), the
// disk works again, 10 more visits. `fail` breaks the disk, `heal` mends it.
void failing_disk_scenario(const fs::path& db, const std::function<void()>& fail,
                           const std::function<void()>& heal, const std::string& reason) {
    Log log;
    auto w = writer_on(db, log, 50);
    for (int i = 1; i <= 5; ++i) w->enqueue(rec(i));
    w->flush();
    REQUIRE(w->written() == 5);
    fail();
    std::size_t accepted = 0;
    for (int i = 100; i < 180; ++i) {
        accepted += w->enqueue(rec(i)) ? 1 : 0; // the frame's side: never an error
        w->flush();                             // one attempt per visit: still one log line
    }
    CHECK(w->failing());
    CHECK(accepted == 50);
    CHECK(w->held() == 50); // the bound on memory
    CHECK(w->dropped() == 30);
    auto lines = log.copy();
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].find("cannot save visit records") != std::string::npos);
    CHECK(lines[0].find(reason) != std::string::npos);
    CHECK(lines[1].find("50 records wait in memory") != std::string::npos);
    heal();
    // Nobody calls flush: the retry with back-off writes the 50 kept records by itself.
    CHECK(wait_written(*w, 55));
    CHECK_FALSE(w->failing());
    for (int i = 200; i < 210; ++i) CHECK(w->enqueue(rec(i)));
    w->flush();
    CHECK(w->written() == 65);
    lines = log.copy();
    REQUIRE(lines.size() == 3);
    CHECK(lines[2].find("saving visit records again") != std::string::npos);
    w.reset();
    storage_test::PowerCutVfs::get().make_default(false);
    std::vector<std::int64_t> want;
    for (int i = 1; i <= 5; ++i) want.push_back(i);
    for (int i = 100; i < 150; ++i) want.push_back(i); // the first 50 of the failing streak
    for (int i = 200; i < 210; ++i) want.push_back(i);
    CHECK(keys_in(db) == want);
}

} // namespace

TEST_CASE("the visit writer through SQLITE_FULL and SQLITE_READONLY and SQLITE_IOERR") {
    auto& vfs = storage_test::PowerCutVfs::get();
    const std::pair<int, std::string> faults[] = {
        {SQLITE_FULL, "full"}, {SQLITE_READONLY, "readonly"}, {SQLITE_IOERR_WRITE, "I/O error"}};
    std::string figures;
    for (const auto& [code, reason] : faults) {
        CAPTURE(reason);
        const fs::path dir = st::fresh_dir("fault-" + std::to_string(code));
        vfs.arm(0, 0, false);
        vfs.make_default(true);
        failing_disk_scenario(
            dir / "visits.sqlite", [&] { vfs.fail_from(vfs.writes() + 1, code); },
            [&] { vfs.clear_fault(); }, reason);
        vfs.make_default(false);
        CHECK(vfs.faults_returned() > 0);
        figures += "vfs_" + std::to_string(code) + " ok\n";
    }
    st::write_figures("faults", figures + "kept_max 50\n");
}

namespace {

// A 256 KB tmpfs for the test's life; skipped (77) where mount is not permitted.
struct Tmpfs {
    fs::path dir;
    explicit Tmpfs(const fs::path& at) : dir(at) {
        fs::create_directories(dir);
        if (::mount("tmpfs", dir.c_str(), "tmpfs", 0, "size=256k") != 0) {
            std::perror(("mount -t tmpfs -o size=256k " + dir.string()).c_str());
            MESSAGE("cannot mount a tmpfs here (not root, or not permitted): skipped");
            st::write_figures("tmpfs", "tmpfs skipped\n");
            std::exit(77);
        }
    }
    ~Tmpfs() { ::umount2(dir.c_str(), MNT_DETACH); }
    // Fills what is left with `filler`; returns its size.
    std::size_t fill(const fs::path& filler) const {
        std::FILE* f = std::fopen(filler.c_str(), "wb");
        REQUIRE(f);
        std::setvbuf(f, nullptr, _IONBF, 0);
        const std::string block(512, 'x');
        std::size_t n = 0;
        while (std::fwrite(block.data(), 1, block.size(), f) == block.size()) n += block.size();
        std::fclose(f);
        return n;
    }
};

} // namespace

TEST_CASE("a real full disk (256 KB tmpfs): the writer waits and the settings keep the old file") {
    Tmpfs disk(st::fresh_dir("tmpfs") / "mnt");
    const fs::path db = disk.dir / "visits.sqlite", filler = disk.dir / "filler";
    failing_disk_scenario(
        db, [&] { disk.fill(filler); }, [&] { fs::remove(filler); }, "full");

    // The settings writer on the same full disk: a clear message, the old file intact.
    const fs::path settings = disk.dir / ctrail::admin::kSettingsFile;
    ctrail::admin::Settings s;
    s.language = "en";
    std::string error;
    REQUIRE(ctrail::admin::save_settings(settings, s, error));
    const std::string before = [&] {
        std::ifstream in(settings);
        return std::string(std::istreambuf_iterator<char>(in), {});
    }();
    disk.fill(filler);
    s.language = "zh";
    s.home_region = "SH";
    s.idle_timeout_s = 90;
    CHECK_FALSE(ctrail::admin::save_settings(settings, s, error));
    CHECK(error.find(settings.string()) == 0);
    CHECK(error.find("disk is full") != std::string::npos);
    std::ifstream in(settings);
    CHECK(std::string(std::istreambuf_iterator<char>(in), {}) == before);
    CHECK_FALSE(fs::exists(settings.string() + ".tmp"));
    fs::remove(filler);
    CHECK(ctrail::admin::save_settings(settings, s, error));
    CHECK(ctrail::admin::load_settings(settings).settings.language == "zh");
    st::write_figures("tmpfs", "tmpfs ran\n");
}
