// Visits recorded by the real exhibit (headless, scripted visitors, --data-dir) and read back by
// `ctrail stats`: the values of a full tour, a visit abandoned at the product screen (idle
// reset), a visit cut off by the exhibit stopping (ended as "restart" at the next start),
// untrusted-clock visits kept out of the daily counts, retention at start, and a data folder
// the exhibit cannot write (one log line; the visitor's tour goes on).
#include "support.hpp"

#include "../e2e/e2e_support.hpp"
#include "dispatch.hpp"
#include "visits/visit_store.hpp"

#include <cstdlib>
#include <ctime>
#include <sstream>
#include <unistd.h>

namespace {

std::string stats(const std::vector<std::string>& args) {
    std::vector<std::string> argv = {"stats"};
    argv.insert(argv.end(), args.begin(), args.end());
    std::ostringstream out, err;
    const int rc = ctrail::cli::run(argv, out, err);
    INFO(err.str());
    CHECK(rc == 0);
    return out.str();
}

// The visits table as rows of fields (CSV without quoted commas in the checked columns).
std::vector<std::string> visit_rows(const std::string& db) {
    std::istringstream in(stats({db, "--csv", "--table", "visits"}));
    std::vector<std::string> rows;
    std::string line;
    std::getline(in, line); // header
    while (std::getline(in, line)) rows.push_back(line);
    return rows;
}

// Fields of one CSV row (RFC 4180 quotes).
std::vector<std::string> fields(const std::string& row) {
    std::vector<std::string> out(1);
    bool quoted = false;
    for (char c : row) {
        if (c == '"')
            quoted = !quoted;
        else if (c == ',' && !quoted)
            out.emplace_back();
        else
            out.back() += c;
    }
    return out;
}

struct ClockEnv {
    explicit ClockEnv(bool trusted, const std::filesystem::path& dir) {
        const auto flag = dir / "synchronized";
        if (trusted) vt::write_text(flag, "");
        setenv("CTRAIL_TIMESYNC_FLAG", flag.c_str(), 1);
        vt::write_text(dir / "boot_id", "e2e-boot\n");
        setenv("CTRAIL_BOOT_ID_FILE", (dir / "boot_id").c_str(), 1);
    }
    ~ClockEnv() {
        unsetenv("CTRAIL_TIMESYNC_FLAG");
        unsetenv("CTRAIL_BOOT_ID_FILE");
    }
};

const char* const kFullTour = R"(settle
tap start
settle
tap region.SH via region.page
settle
expect screen product
tap back
settle
expect screen region
tap region.SH via region.page
settle
tap product.car
settle
expect screen trail
tap next
settle
tap next
settle
tap lang.zh
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
expect screen about
tap next
settle
expect screen attract
)";

const char* const kAbandonAtProduct = R"(settle
tap start
settle
tap region.GD via region.page
settle
expect screen product
idle 75
settle
expect screen attract
)";

const char* const kCutOffOnTrail = R"(settle
tap start
settle
tap region.SC via region.page
settle
tap product.smartphone
settle
expect screen trail
)";

} // namespace

TEST_CASE("visits written by scripted tours are read back by ctrail stats") {
    e2e::require_model();
    const std::string dir = e2e::fresh_dir("visits-tour");
    const std::string data = dir + "/data", db = data + "/visits.sqlite";
    ClockEnv clock(true, dir);
    for (const char* script : {kFullTour, kAbandonAtProduct, kCutOffOnTrail}) {
        REQUIRE(e2e::run_carbontrail({"--script", e2e::write_script(dir, script), "--model",
                                      e2e::model_path(), "--data-dir", data},
                                     dir) == 0);
    }
    const std::vector<std::string> rows = visit_rows(db);
    REQUIRE(rows.size() == 3);
    // start,end,length_s,clock_trusted,languages,province,products,deepest_step,screens,
    // end_screen,back_uses,home_uses,end_reason
    const auto full = fields(rows[0]), idle = fields(rows[1]), cut = fields(rows[2]);
    CHECK(full[3] == "1");
    CHECK(full[4] == "en,zh");
    CHECK(full[5] == "SH");
    CHECK(full[6] == "car");
    CHECK(full[7] == "4");
    CHECK(full[8] == "region,product,region,product,trail,what_if,big_picture,about");
    CHECK(full[9] == "about");
    CHECK(full[10] == "1");
    CHECK(full[11] == "0");
    CHECK(full[12] == "finished");
    CHECK(std::stoi(full[2]) > 5);
    CHECK(full[0].size() == 16); // YYYY-MM-DD HH:MM, no seconds

    CHECK(idle[5] == "GD");
    CHECK(idle[6] == "");
    CHECK(idle[7] == "0");
    CHECK(idle[8] == "region,product");
    CHECK(idle[9] == "product");
    CHECK(idle[12] == "idle");
    CHECK(std::stoi(idle[2]) >= 70); // the simulated minute and more before the reset

    // The third run stopped with its visit open; the next start (the third run's own start
    // already happened) finds it open until another run: until then it shows as "open".
    CHECK(cut[5] == "SC");
    CHECK(cut[6] == "smartphone");
    CHECK(cut[7] == "1");
    CHECK(cut[12] == "open");
    REQUIRE(e2e::run_carbontrail({"--headless", "--model", e2e::model_path(), "--data-dir", data},
                                 dir) == 0);
    CHECK(e2e::read_text(dir + "/run.log").find("ended as 'restart'") != std::string::npos);
    CHECK(fields(visit_rows(db)[2])[12] == "restart");

    std::istringstream drop(stats({db, "--csv", "--table", "drop_off"}));
    CHECK(drop.str() == "screen,visits,share\nproduct,1,0.3333333333333333\n"
                        "trail,1,0.3333333333333333\nabout,1,0.3333333333333333\n");
    const std::string summary = stats({db, "--csv", "--table", "summary"});
    CHECK(summary.find("\nclock_trusted,3\n") != std::string::npos);
    CHECK(summary.find("\nreached_big_picture,1\n") != std::string::npos);
    const std::string text = stats({db});
    CHECK(text.find("visits             3\n") != std::string::npos);
}

TEST_CASE("untrusted-clock visits are kept out of the daily counts") {
    e2e::require_model();
    const std::string dir = e2e::fresh_dir("visits-untrusted");
    const std::string data = dir + "/data", db = data + "/visits.sqlite";
    {
        ClockEnv clock(false, dir);
        REQUIRE(e2e::run_carbontrail({"--script", e2e::write_script(dir, kAbandonAtProduct),
                                      "--model", e2e::model_path(), "--data-dir", data},
                                     dir) == 0);
    }
    {
        ClockEnv clock(true, dir);
        REQUIRE(e2e::run_carbontrail({"--script", e2e::write_script(dir, kAbandonAtProduct),
                                      "--model", e2e::model_path(), "--data-dir", data},
                                     dir) == 0);
    }
    const auto rows = visit_rows(db);
    REQUIRE(rows.size() == 2);
    CHECK(fields(rows[0])[3] == "0");
    CHECK(fields(rows[1])[3] == "1");
    const std::string per_day = stats({db, "--csv", "--table", "per_day"});
    std::string day = fields(rows[1])[0].substr(0, 10);
    CHECK(per_day == "date,visits\n" + day + ",1\n");
    CHECK(stats({db}).find("clock trusted      1 (1 left out") != std::string::npos);
}

TEST_CASE("retention: old visits are deleted when the exhibit starts") {
    e2e::require_model();
    const std::string dir = e2e::fresh_dir("visits-retention");
    const std::string data = dir + "/data", db = data + "/visits.sqlite";
    std::filesystem::create_directories(data);
    const std::time_t now = std::time(nullptr);
    const std::string old_day = ctrail::visits::local_minute(now - 40 * 86400);
    const std::string recent = ctrail::visits::local_minute(now - 10 * 86400);
    {
        auto store = ctrail::visits::VisitStore::open(db, true);
        store.write({vt::record(1, old_day, 60, true, "SH", {"car"}, {"region"}, "idle"),
                     vt::record(2, recent, 60, true, "BJ", {"car"}, {"region"}, "idle")});
    }
    vt::write_text(dir + "/kiosk.conf", "visits_retention_days = 30\n");
    REQUIRE(e2e::run_carbontrail({"--headless", "--model", e2e::model_path(), "--config",
                                  dir + "/kiosk.conf", "--data-dir", data},
                                 dir) == 0);
    const auto rows = visit_rows(db);
    REQUIRE(rows.size() == 1);
    CHECK(fields(rows[0])[5] == "BJ");
    CHECK(e2e::read_text(dir + "/run.log").find("deleted 1 visits older than 30 days") !=
          std::string::npos);
}

TEST_CASE("a data folder the exhibit cannot write: one log line and the tour goes on") {
    e2e::require_model();
    const std::string dir = e2e::fresh_dir("visits-readonly");
    const std::string data = dir + "/data";
    // Root ignores file modes, so the database's place is taken by a folder: SQLite cannot
    // create it, as on a read-only or broken card. Others also get a read-only folder.
    std::filesystem::create_directories(data + "/visits.sqlite");
    if (geteuid() != 0)
        std::filesystem::permissions(data, std::filesystem::perms::owner_read |
                                               std::filesystem::perms::owner_exec);
    const int rc = e2e::run_carbontrail({"--script", e2e::write_script(dir, kFullTour), "--model",
                                         e2e::model_path(), "--data-dir", data},
                                        dir);
    std::filesystem::permissions(data, std::filesystem::perms::owner_all);
    CHECK(rc == 0);
    const std::string log = e2e::read_text(dir + "/run.log");
    std::size_t lines = 0;
    std::istringstream in(log);
    for (std::string l; std::getline(in, l);)
        if (l.find(": warning:") != std::string::npos || l.find(": error:") != std::string::npos)
            ++lines;
    INFO(log);
    CHECK(lines == 1);
    CHECK(log.find("visits are not recorded") != std::string::npos);
}
