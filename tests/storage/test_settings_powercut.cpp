// settings.conf under power cuts and disk faults, through the real atomic writer on a simulated
// disk (sim_disk.hpp): five settings changes, the power cut at every step of them, over seeds
// until at least 500 cuts. After each cut the file reads back as the old or the new complete
// version (never partial, never missing); a leftover temporary is ignored and the next save
// replaces it. A writer without its fsyncs is caught by the same check (so the check can fail).
#include "sim_disk.hpp"
#include "support.hpp"

#include "admin/settings_file.hpp"

#include <doctest/doctest.h>

#include <cerrno>

using namespace ctrail::admin;
namespace fs = std::filesystem;

namespace {

const std::string kFile = "/data/settings.conf"; // the simulated folder's

std::vector<Settings> changes() {
    std::vector<Settings> v(6);
    v[0].language = "en";
    v[1] = v[0], v[1].language = "zh", v[1].idle_timeout_s = 90;
    v[2] = v[1], v[2].home_region = "SH";
    v[3] = v[2], v[3].panel_width_mm = 154.2, v[3].panel_height_mm = 86.0;
    v[4] = v[3], v[4].home_region = "", v[4].idle_timeout_s = 45;
    v[5] = v[4], v[5].language = "en", v[5].panel_width_mm = 200.0;
    return v;
}

// A writer that skips its syncs, as a careless one would.
class NoSync : public FileSteps {
  public:
    explicit NoSync(FileSteps& inner) : in_(inner) {}
    int create(const std::string& p) override { return in_.create(p); }
    ssize_t write(int fd, const char* d, std::size_t n) override { return in_.write(fd, d, n); }
    int fsync(int) override { return 0; }
    int close(int fd) override { return in_.close(fd); }
    int rename(const std::string& a, const std::string& b) override { return in_.rename(a, b); }
    int fsync_folder(const std::string&) override { return 0; }
    int unlink(const std::string& p) override { return in_.unlink(p); }

  private:
    FileSteps& in_;
};

struct Outcome {
    int cuts = 0, bad = 0, leftover_tmp = 0;
};

// Every cut point of the five saves for seeds from `master`, until `min_cuts`.
Outcome run_cuts(std::uint64_t master, int min_cuts, bool careless, bool check_next_start) {
    const auto v = changes();
    std::mt19937_64 seeds(master);
    Outcome o;
    while (o.cuts < min_cuts) {
        const std::uint64_t seed = seeds();
        std::uint64_t total;
        {
            storage_test::SimDisk dry({{"settings.conf", settings_to_text(v[0])}}, 0, seed);
            NoSync ns(dry);
            FileSteps& steps = careless ? static_cast<FileSteps&>(ns) : dry;
            std::string error;
            for (std::size_t i = 1; i < v.size(); ++i)
                REQUIRE(save_settings(kFile, v[i], error, steps));
            total = dry.steps();
        }
        for (std::uint64_t cut = 1; cut <= total; ++cut) {
            storage_test::SimDisk disk({{"settings.conf", settings_to_text(v[0])}}, cut, seed);
            NoSync ns(disk);
            FileSteps& steps = careless ? static_cast<FileSteps&>(ns) : disk;
            std::size_t during = 0;
            std::string error;
            // The save in progress when the power went (a cut at the folder's sync still
            // returns true: the new file was in place).
            for (std::size_t i = 1; i < v.size() && !during; ++i) {
                save_settings(kFile, v[i], error, steps);
                if (disk.cut_happened()) during = i;
            }
            if (!disk.cut_happened()) continue; // the cut fell on a skipped sync
            REQUIRE(during > 0);
            ++o.cuts;
            auto files = disk.survivors();
            const auto it = files.find("settings.conf");
            const bool good = it != files.end() && (it->second == settings_to_text(v[during - 1]) ||
                                                    it->second == settings_to_text(v[during]));
            o.leftover_tmp += files.count("settings.conf.tmp") ? 1 : 0;
            if (!good) {
                ++o.bad;
                if (!careless)
                    MESSAGE("settings cut failed: seed "
                            << seed << " step " << cut << " of " << total << " (save " << during
                            << "): " << (it == files.end() ? "no file" : "'" + it->second + "'"));
                continue;
            }
            if (!check_next_start) continue;
            // The next start, on what survived (the simulated disk: no real fsync per cut).
            const LoadedSettings back = parse_settings(it->second, kFile);
            CHECK(back.warnings.empty());
            CHECK((back.settings.language == v[during - 1].language ||
                   back.settings.language == v[during].language));
            storage_test::SimDisk next(files, 0, seed);
            REQUIRE(save_settings(kFile, v[during], error, next));
            CHECK_FALSE(next.current().count("settings.conf.tmp"));
            CHECK(next.current().at("settings.conf") == settings_to_text(v[during]));
        }
    }
    return o;
}

} // namespace

TEST_CASE("settings.conf under power cuts: the old or the new version and never a half") {
    const std::uint64_t master = st::env_number("CTRAIL_POWERCUT_SEED", 20261130);
    const int want = int(st::env_number("CTRAIL_POWERCUT_CUTS", 500));
    const Outcome o = run_cuts(master, want, false, true);
    CHECK(o.cuts >= want);
    CHECK(o.bad == 0);
    CHECK(o.leftover_tmp > 0); // cuts that left a temporary were among them (and were ignored)
    // The same cuts against a writer that skips fsync: the check catches it.
    const Outcome careless = run_cuts(master, 200, true, false);
    CHECK(careless.bad > 0);
    MESSAGE("settings power cuts: " << o.cuts << ", bad " << o.bad << ", with a leftover temporary "
                                    << o.leftover_tmp << "; careless writer (no fsync): "
                                    << careless.bad << " bad of " << careless.cuts);
    st::write_figures("settings", "settings_cuts " + std::to_string(o.cuts) + "\nsettings_bad " +
                                      std::to_string(o.bad) + "\nsettings_tmp_left " +
                                      std::to_string(o.leftover_tmp) + "\ncareless_bad " +
                                      std::to_string(careless.bad) + "\ncareless_cuts " +
                                      std::to_string(careless.cuts) + "\n");
}

TEST_CASE("settings.conf: a fault at any step leaves the old file and says why") {
    const auto v = changes();
    const std::pair<int, std::string> faults[] = {
        {ENOSPC, "the disk is full"}, {EROFS, "read-only"}, {EIO, "input/output error"}};
    for (const auto& [err, words] : faults) {
        for (std::uint64_t at = 1;; ++at) {
            storage_test::SimDisk disk({{"settings.conf", settings_to_text(v[0])}}, 0, at);
            disk.fail_once(at, err);
            std::string error;
            const bool ok = save_settings(kFile, v[1], error, disk);
            const auto now = disk.current();
            CAPTURE(at);
            CAPTURE(words);
            CHECK_FALSE(now.count("settings.conf.tmp"));
            if (ok) {
                // Past the last step, or the folder's sync (the new file is then in place).
                CHECK(now.at("settings.conf") == settings_to_text(v[1]));
                if (disk.steps() < at) break;
                continue;
            }
            CHECK(now.at("settings.conf") == settings_to_text(v[0]));
            CHECK(error.rfind(kFile + ": cannot ", 0) == 0);
            CHECK(error.find(words) != std::string::npos);
        }
    }
}
