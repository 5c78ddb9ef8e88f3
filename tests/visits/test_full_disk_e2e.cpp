// The real exhibit with its data folder on a full disk (a 256 KB tmpfs, filled up after the
// visits database was made): the visitor tour plays to its end (every frame drawn, every screen
// reached), the recorder says once that it cannot save and once what it lost at the exit, and
// nothing else complains. With the space back, the next run records again. Skipped (77) where
// the test may not mount a tmpfs (CI runs as root). Writing again within one run, after the
// space returns, is tested on the same real tmpfs in tests/storage (test_disk_faults.cpp).
#include "support.hpp"

#include "../e2e/e2e_support.hpp"
#include "visits/visit_store.hpp"

#include <cstdio>
#include <sstream>
#include <sys/mount.h>
#include <sys/statvfs.h>

namespace {

const char* const kTour = R"(settle
tap start
settle
tap region.SH via region.page
settle
tap product.car
settle
expect screen trail
tap next
settle
tap next
settle
tap next
settle
tap next
settle
expect screen what_if
tap next
settle
expect screen big_picture
tap next
settle
tap next
settle
expect screen attract
)";

std::vector<std::string> complaints(const std::string& log) {
    std::vector<std::string> out;
    std::istringstream in(log);
    for (std::string l; std::getline(in, l);)
        if (l.find(": warning:") != std::string::npos || l.find(": error:") != std::string::npos)
            out.push_back(l);
    return out;
}

} // namespace

TEST_CASE("the exhibit on a full disk keeps drawing and logs once; with space it records again") {
    e2e::require_model();
    const std::string dir = e2e::fresh_dir("visits-full-disk");
    const std::string data = dir + "/data";
    std::filesystem::create_directories(data);
    if (::mount("tmpfs", data.c_str(), "tmpfs", 0, "size=256k") != 0) {
        std::perror(("mount -t tmpfs -o size=256k " + data).c_str());
        MESSAGE("cannot mount a tmpfs here (not root, or not permitted): skipped");
        std::exit(77);
    }
    struct Unmount {
        std::string at;
        ~Unmount() { ::umount2(at.c_str(), MNT_DETACH); }
    } unmount{data};
    const std::string db = data + "/visits.sqlite";
    { ctrail::visits::VisitStore::open(db, true); } // the database exists, as after a first day
    // Fill the disk but for 36 KB: enough for SQLite's 32 KB shared-memory index at open, not
    // for the first visit's pages in the write-ahead log.
    struct statvfs fs {};
    REQUIRE(::statvfs(data.c_str(), &fs) == 0);
    const std::size_t free_bytes = std::size_t(fs.f_bavail) * fs.f_frsize;
    REQUIRE(free_bytes > 40 * 1024);
    vt::write_text(data + "/filler", std::string(free_bytes - 36 * 1024, 'x'));
    const std::string script = e2e::write_script(dir, std::string(kTour) + kTour);
    const std::vector<std::string> args = {"--script",        script,       "--model",
                                           e2e::model_path(), "--data-dir", data};

    CHECK(e2e::run_carbontrail(args, dir) == 0);
    std::string log = e2e::read_text(dir + "/run.log");
    INFO(log);
    CHECK(log.find("finished") != std::string::npos); // both tours, every `expect` met
    const auto lines = complaints(log);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].find("cannot save visit records") != std::string::npos);
    CHECK(lines[0].find("full") != std::string::npos);
    CHECK(lines[1].find("could not be saved before the exit") != std::string::npos);
    CHECK(vt::query(db, "PRAGMA integrity_check") == "ok");
    CHECK(vt::query(db, "SELECT count(*) FROM visits") == "0");

    std::filesystem::remove(data + "/filler"); // the space comes back
    CHECK(e2e::run_carbontrail(args, dir) == 0);
    log = e2e::read_text(dir + "/run.log");
    CHECK(complaints(log).empty());
    CHECK(vt::query(db, "SELECT count(*) FROM visits") == "2");
}
