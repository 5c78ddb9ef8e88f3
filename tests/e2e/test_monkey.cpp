// The monkey (carbontrail --monkey) through the real binary: short seeded runs in both
// languages with admin mode on (the gesture, wrong PINs), the same log for the same seed, and
// a run whose invariant is broken on purpose (--monkey-break) failing with frame, seed and
// invariant named. The soak (scripts/reliability/10-soak.sh) runs the long versions.
#include "e2e_support.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

using namespace e2e;

namespace {

std::string pin_config(const std::string& dir) {
    static const std::string line = hash_pin_line("2468");
    REQUIRE(line.rfind("admin_pin = $argon2id$", 0) == 0);
    std::ofstream(dir + "/kiosk.conf") << line;
    return dir + "/kiosk.conf";
}

int monkey(const std::string& dir, const std::string& frames, const std::string& seed,
           const std::string& lang, std::vector<std::string> extra = {}) {
    std::vector<std::string> args{
        "--monkey",   frames,     "--seed",        seed,          "--lang", lang, "--model",
        model_path(), "--config", pin_config(dir), "--log-level", "debug"};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_carbontrail(args, dir);
}

// The log's monkey lines, without the resource samples (those vary from run to run).
std::string monkey_lines(const std::string& log) {
    std::istringstream in(log);
    std::string out;
    for (std::string line; std::getline(in, line);)
        if (line.find("monkey:") != std::string::npos && line.find("sample") == std::string::npos)
            out += line + "\n";
    return out;
}

void check_run(const std::string& seed, const std::string& lang) {
    require_model();
    const std::string dir = fresh_dir("monkey-" + seed + "-" + lang);
    REQUIRE(monkey(dir, "2000", seed, lang) == 0);
    const std::string log = read_text(dir + "/run.log");
    CHECK(log.find("every invariant held") != std::string::npos);
    // It went places: several screens, and the hidden gesture reached the PIN pad.
    const auto at = log.find("monkey: frames per screen: ");
    REQUIRE(at != std::string::npos);
    const std::string screens = log.substr(at, log.find('\n', at) - at);
    INFO(screens);
    int listed = 0;
    for (const char* s : {"attract ", "region ", "product ", "trail "})
        listed += screens.find(s) != std::string::npos;
    CHECK(listed >= 3);
}

} // namespace

TEST_CASE("monkey: 2000 frames seed 1 in English") {
    check_run("1", "en");
}

TEST_CASE("monkey: 2000 frames seed 2 in Chinese") {
    check_run("2", "zh");
}

TEST_CASE("monkey: the same seed gives the same visit") {
    require_model();
    const std::string a = fresh_dir("monkey-same-a"), b = fresh_dir("monkey-same-b"),
                      c = fresh_dir("monkey-same-c");
    REQUIRE(monkey(a, "800", "5", "en") == 0);
    REQUIRE(monkey(b, "800", "5", "en") == 0);
    REQUIRE(monkey(c, "800", "6", "en") == 0);
    const std::string la = monkey_lines(read_text(a + "/run.log"));
    CHECK(la.find("monkey: frame ") != std::string::npos);
    CHECK(la == monkey_lines(read_text(b + "/run.log")));
    CHECK(la != monkey_lines(read_text(c + "/run.log")));
}

TEST_CASE("monkey: a broken invariant fails naming the frame and the seed and the invariant") {
    require_model();
    const std::pair<const char*, const char*> cases[] = {
        {"state", "the UI state consistent"},
        {"figure", "every number on screen is the engine's"},
        {"pixels", "every frame drawn"}};
    for (const auto& [what, invariant] : cases) {
        INFO(what);
        const std::string dir = fresh_dir(std::string("monkey-break-") + what);
        CHECK(monkey(dir, "400", "3", "en", {"--monkey-break", what}) == 3);
        const std::string log = read_text(dir + "/run.log");
        CHECK(log.find("monkey: seed 3, frame ") != std::string::npos);
        CHECK(log.find(std::string("invariant '") + invariant + "' broken") != std::string::npos);
        CHECK(log.find("every invariant held") == std::string::npos);
    }
}
