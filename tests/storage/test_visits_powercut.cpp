// Power cuts through the real VisitStore, StoreSink and VisitWriter: a v1 database is migrated,
// open visits closed, old ones pruned, then batches of visits written (new visits and later
// snapshots of earlier ones) with a checkpoint every minute of a test clock. The power goes at
// a random write; the surviving bytes are reopened through the plain unix VFS.
//
// What "completed" and "durable" mean here. Commit c is *started* when its first write reached
// the VFS before the cut. With WAL and synchronous=NORMAL a commit only appends to the WAL; it is
// *durable* once the WAL is synced after it, which happens at a checkpoint (StoreSink's, every
// minute, or SQLite's own at 1000 pages). So after a cut the database must pass integrity_check
// and hold exactly the state after some commit k, with last durable <= k <= last started: no
// durable commit is lost, nothing half-written appears, and the file is never lost.
#include "powercut_vfs.hpp"
#include "support.hpp"

#include "visits/store_sink.hpp"
#include "visits/visit_store.hpp"
#include "visits/visit_writer.hpp"

#include <sqlite3.h>

#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <random>
#include <sstream>
#include <unistd.h>

using namespace ctrail::visits;
namespace fs = std::filesystem;

namespace {

using State = std::map<std::int64_t, std::string>; // visit key -> the fields that change

std::string fields(const VisitRecord& v) {
    std::ostringstream s;
    s << v.start_local << "|" << v.duration_s << "|" << v.end_reason << "|" << join_list(v.products)
      << "|" << join_list(v.screens);
    return s.str();
}

VisitRecord visit(std::int64_t key, const std::string& start, int length, std::string end) {
    VisitRecord v;
    v.key = key;
    v.start_local = start;
    v.end_local = start;
    v.duration_s = length;
    v.clock_trusted = true;
    v.languages = {"en"};
    v.region = "SH";
    v.products = {"car", "phone"};
    v.screens = {"attract", "home", "product", "trail"};
    v.deepest_step = 1;
    v.end_reason = std::move(end);
    return v;
}

void exec(sqlite3* db, const std::string& sql) {
    char* err = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
    const std::string msg = err ? err : "";
    sqlite3_free(err);
    INFO(msg);
    REQUIRE(rc == SQLITE_OK);
}

// A version 1 database (as an older exhibit left it, in WAL mode): two visits older than the
// retention, two ended, two left open.
std::string v1_fixture(const fs::path& dir, State& state) {
    const fs::path file = dir / "fixture.sqlite";
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                            "unix") == SQLITE_OK);
    exec(db, "PRAGMA journal_mode=WAL; CREATE TABLE visits (id INTEGER PRIMARY KEY, visit_key "
             "INTEGER NOT NULL UNIQUE, start_local TEXT NOT NULL, end_local TEXT NOT NULL, "
             "duration_s INTEGER NOT NULL, clock_trusted INTEGER NOT NULL, languages TEXT NOT "
             "NULL, home_region TEXT NOT NULL, products TEXT NOT NULL, deepest_step INTEGER NOT "
             "NULL, screens TEXT NOT NULL, back_uses INTEGER NOT NULL, home_uses INTEGER NOT "
             "NULL, end_reason TEXT); PRAGMA application_id=" +
                 std::to_string(kApplicationId) + "; PRAGMA user_version=1;");
    const char* rows[][3] = {
        {"1", "2020-01-02 10:00", "'idle'"}, {"2", "2020-01-03 11:00", "'home'"},
        {"3", "2026-11-20 10:00", "'idle'"}, {"4", "2026-11-21 10:30", "'home'"},
        {"5", "2026-11-29 16:59", "NULL"},   {"6", "2026-11-29 17:01", "NULL"}};
    for (const auto& r : rows) {
        exec(db, std::string("INSERT INTO visits (visit_key, start_local, end_local, duration_s, "
                             "clock_trusted, languages, home_region, products, deepest_step, "
                             "screens, back_uses, home_uses, end_reason) VALUES (") +
                     r[0] + ",'" + r[1] + "','" + r[1] + "',30,1,'en','SH','car',1," +
                     "'attract,home,product,trail',0,0," + r[2] + ")");
        VisitRecord v = visit(std::stoll(r[0]), r[1], 30, "");
        v.products = {"car"};
        v.end_reason = std::string(r[2]) == "NULL" ? "" : std::string(r[2]).substr(1, 4);
        state[v.key] = fields(v);
    }
    exec(db, "PRAGMA wal_checkpoint(TRUNCATE)");
    sqlite3_close(db);
    return file;
}

// The test's side of the workload: which commit began at which write, and the state after it.
struct Commit {
    std::uint64_t begin = 0, end = 0; // VFS write counts before and after
    State after;
    int version = 2;
};

class RecordingSink : public VisitSink {
  public:
    RecordingSink(std::unique_ptr<VisitSink> inner, std::vector<Commit>& commits, State& state)
        : inner_(std::move(inner)), commits_(commits), state_(state) {}
    void write(const std::vector<VisitRecord>& batch) override {
        Commit c;
        c.begin = storage_test::PowerCutVfs::get().writes();
        inner_->write(batch);
        c.end = storage_test::PowerCutVfs::get().writes();
        for (const VisitRecord& v : batch) state_[v.key] = fields(v);
        c.after = state_;
        commits_.push_back(std::move(c));
    }
    void maintain() override {
        Commit c;
        c.begin = storage_test::PowerCutVfs::get().writes();
        inner_->maintain();
        c.end = storage_test::PowerCutVfs::get().writes();
        // The retention (400 days before 2026-11-30) removes the 2020 visits.
        for (auto it = state_.begin(); it != state_.end();)
            it = it->second.rfind("2020-", 0) == 0 ? state_.erase(it) : std::next(it);
        c.after = state_;
        commits_.push_back(std::move(c));
    }

  private:
    std::unique_ptr<VisitSink> inner_;
    std::vector<Commit>& commits_;
    State& state_;
};

constexpr int kBatches = 24;

// Runs the workload on `db` through the powercut VFS (the default during the call); stops
// early once the power is cut. Commits[0] is the fixture's state.
std::vector<Commit> workload(const fs::path& db, const State& fixture) {
    auto& vfs = storage_test::PowerCutVfs::get();
    std::vector<Commit> commits(1);
    commits[0].after = fixture;
    commits[0].version = 1;
    State state = fixture;
    std::atomic<std::time_t> wall{1796040000}; // 2026-11-30 around noon UTC; read by the writer
    {
        Commit m;
        m.begin = vfs.writes();
        VisitStore store = VisitStore::open(db, true); // migration v1 -> v2: one commit
        m.end = vfs.writes();
        m.after = state;
        commits.push_back(m);
        if (vfs.cut_happened()) return commits;
        Commit c;
        c.begin = vfs.writes();
        store.close_open_visits();
        c.end = vfs.writes();
        for (auto& [key, f] : state)
            if (f.find("||") != std::string::npos) {
                VisitRecord v = visit(key, f.substr(0, 16), 30, "restart");
                v.products = {"car"};
                f = fields(v);
            }
        c.after = state;
        commits.push_back(c);
        if (vfs.cut_happened()) return commits;

        StoreSinkOptions so;
        so.retention_days = 400;
        so.durable_every = std::chrono::seconds(60);
        so.wall_clock = [&wall] { return wall.load(); };
        WriterOptions wo;
        wo.batch = 100000;
        wo.interval = std::chrono::hours(1); // only flush() writes: deterministic batches
        VisitWriter writer(std::make_unique<RecordingSink>(
                               std::make_unique<StoreSink>(std::move(store), so), commits, state),
                           {}, wo);
        for (int b = 0; b < kBatches && !vfs.cut_happened(); ++b) {
            // Three new visits (open) and the end of the previous batch's three.
            for (int i = 0; i < 3; ++i) {
                const std::int64_t key = 1000 + b * 3 + i;
                writer.enqueue(
                    visit(key, "2026-11-30 12:" + std::to_string(10 + b), 5 + b + i, ""));
                if (b > 0)
                    writer.enqueue(visit(key - 3, "2026-11-30 12:" + std::to_string(9 + b),
                                         60 + b + i, i % 2 ? "idle" : "home"));
            }
            writer.flush();
            wall += 20; // a checkpoint every third batch
        }
    }
    return commits;
}

struct Survivor {
    std::string integrity;
    int version = -1;
    State state;
    std::string error;
};

Survivor reopen(const fs::path& db) {
    Survivor s;
    sqlite3* h = nullptr;
    if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READWRITE, "unix") != SQLITE_OK) {
        s.error = std::string("cannot open: ") + sqlite3_errmsg(h);
        sqlite3_close(h);
        return s;
    }
    // The check's own writes (WAL recovery, the checkpoint at close) need no real fsync.
    sqlite3_exec(h, "PRAGMA synchronous=OFF", nullptr, nullptr, nullptr);
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(h, "PRAGMA integrity_check", -1, &st, nullptr) == SQLITE_OK)
        while (sqlite3_step(st) == SQLITE_ROW)
            s.integrity += reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    else
        s.integrity = sqlite3_errmsg(h);
    sqlite3_finalize(st);
    sqlite3_close(h);
    try {
        VisitStore store = VisitStore::open_read_only(db);
        s.version = store.schema_version();
        for (const VisitRecord& v : store.load()) s.state[v.key] = fields(v);
    } catch (const std::exception& e) {
        s.error = e.what();
    }
    return s;
}

std::string fixture_bytes;

} // namespace

TEST_CASE("power cuts during visit recording lose only commits after the last durable one") {
    auto& vfs = storage_test::PowerCutVfs::get();
    // In memory when it can be (/dev/shm): 500 cuts make thousands of small files.
    const fs::path root =
        fs::is_directory("/dev/shm")
            ? fs::path("/dev/shm") / ("ctrail-powercut-" + std::to_string(getpid()))
            : st::fresh_dir("powercut");
    fs::create_directories(root);
    struct Cleanup {
        fs::path p;
        ~Cleanup() {
            std::error_code ec;
            if (p.string().rfind("/dev/shm/", 0) == 0) fs::remove_all(p, ec);
        }
    } cleanup{root};
    State fixture;
    const fs::path fixture_file = v1_fixture(root, fixture);
    {
        std::ifstream in(fixture_file, std::ios::binary);
        std::ostringstream b;
        b << in.rdbuf();
        fixture_bytes = b.str();
    }
    auto place = [&](const fs::path& dir) {
        fs::remove_all(dir);
        fs::create_directories(dir);
        std::ofstream(dir / "visits.sqlite", std::ios::binary) << fixture_bytes;
        return dir / "visits.sqlite";
    };

    // A run without a cut: how many writes the workload makes, and that it ends as expected.
    vfs.arm(0, 0, false);
    vfs.make_default(true);
    const auto full = workload(place(root / "dry"), fixture);
    vfs.make_default(false);
    const std::uint64_t total = vfs.writes();
    REQUIRE(full.size() == 1 + 3 + kBatches);
    REQUIRE(total > 50);
    REQUIRE(vfs.wal_syncs().size() >= kBatches / 3); // the checkpoints synced the WAL
    {
        const Survivor s = reopen(root / "dry" / "visits.sqlite");
        CHECK(s.integrity == "ok");
        CHECK(s.state == full.back().after);
    }

    const std::uint64_t master = st::env_number("CTRAIL_POWERCUT_SEED", 20261130);
    const std::uint64_t only = st::env_number("CTRAIL_POWERCUT_ONE", 0);
    const int cuts = only ? 1 : int(st::env_number("CTRAIL_POWERCUT_CUTS", 500));
    std::mt19937_64 seeds(master);
    int failures = 0, torn_cuts = 0;
    std::vector<int> lost;
    for (int n = 0; n < cuts; ++n) {
        const std::uint64_t seed = only ? only : seeds();
        std::mt19937_64 rng(seed);
        const std::uint64_t cut = 1 + rng() % total;
        const bool torn = rng() % 2 == 0;
        torn_cuts += torn;
        const fs::path dir = root / "cut";
        vfs.arm(cut, rng(), torn);
        vfs.make_default(true);
        const auto commits = workload(place(dir), fixture);
        vfs.make_default(false);
        REQUIRE(vfs.cut_happened());

        // The surviving bytes, as after a reboot (no -shm: SQLite rebuilds the index).
        const fs::path after = dir / "after";
        fs::create_directories(after);
        vfs.write_survivors(after);
        const Survivor s = reopen(after / "visits.sqlite");

        // Durable: the WAL was synced after the commit's last WAL write, before the cut (the
        // sync of a restarted WAL's header comes before the commit's frames and does not count).
        std::size_t durable = 0, started = 0, completed = 0;
        const auto syncs = vfs.wal_syncs();
        const auto wal_writes = vfs.wal_writes();
        for (std::size_t c = 1; c < commits.size(); ++c) {
            if (commits[c].begin < cut) started = c;
            if (commits[c].end < cut) completed = c;
            std::uint64_t last = 0;
            for (std::uint64_t w : wal_writes)
                if (w > commits[c].begin && w <= commits[c].end) last = w;
            const bool synced = std::any_of(syncs.begin(), syncs.end(), [&](std::uint64_t w) {
                return last && w >= last && w < cut;
            });
            if (synced) durable = c;
        }
        bool matched = false;
        for (std::size_t k = durable; k <= std::max(started, durable) && !matched; ++k)
            matched = s.state == commits[k].after && s.version == commits[k].version;
        if (s.integrity != "ok" || !s.error.empty() || !matched) {
            ++failures;
            MESSAGE("cut " << n << " failed: rerun with CTRAIL_POWERCUT_ONE=" << seed << " (write "
                           << cut << " of " << total << std::string(torn ? ", torn" : "")
                           << "): integrity '" << s.integrity << "' " << s.error
                           << "; durable commit " << durable << ", started " << started
                           << ", survivor version " << s.version << " with " << s.state.size()
                           << " visits");
            if (only) {
                for (std::size_t k = 0; k < commits.size(); ++k) {
                    int diff = 0;
                    for (const auto& [key, f] : commits[k].after)
                        diff += !s.state.count(key) || s.state.at(key) != f;
                    MESSAGE("commit " << k << " writes " << commits[k].begin << ".."
                                      << commits[k].end << " v" << commits[k].version << " "
                                      << commits[k].after.size() << " visits, " << diff
                                      << " differ from the survivor");
                }
                for (const auto& [key, f] : s.state) MESSAGE("survivor " << key << " " << f);
            }
            continue;
        }
        // Visits whose latest completed version is missing or older on the card.
        int missing = 0;
        for (const auto& [key, f] : commits[completed].after) {
            const auto it = s.state.find(key);
            missing += it == s.state.end() || it->second != f;
        }
        lost.push_back(missing);
    }
    CHECK(failures == 0);
    std::sort(lost.begin(), lost.end());
    const int max_lost = lost.empty() ? -1 : lost.back();
    const int median_lost = lost.empty() ? -1 : lost[lost.size() / 2];
    MESSAGE("power cuts: " << cuts << " (" << torn_cuts << " torn) over " << total
                           << " writes, integrity failures " << failures
                           << ", visits lost per cut max " << max_lost << " median "
                           << median_lost);
    if (!only)
        st::write_figures("powercut",
                          "cuts " + std::to_string(cuts) + "\ntorn " + std::to_string(torn_cuts) +
                              "\nwrites " + std::to_string(total) + "\nfailures " +
                              std::to_string(failures) + "\nlost_max " + std::to_string(max_lost) +
                              "\nlost_median " + std::to_string(median_lost) + "\nseed " +
                              std::to_string(master) + "\n");
}
