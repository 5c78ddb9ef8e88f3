// The curator's tools through the real binary: `carbontrail --check-content DIR` on the shipped
// assets and on one fixture per kind of problem (tests/e2e/check_content/, override folders;
// complete folders are copies of assets/ with one line removed), and the override folder in
// the data directory: a good override shows on screen, a broken one falls back with a log line.
#include "e2e_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>

using namespace e2e;
namespace fs = std::filesystem;

namespace {

const std::string kFixtures = std::string(CTRAIL_SOURCE_DIR) + "/tests/e2e/check_content";
const std::string kAssets = std::string(CTRAIL_SOURCE_DIR) + "/assets";

struct Checked {
    int rc = -1;
    std::string log;
};

Checked check(const std::string& dir, const std::string& name) {
    const std::string out = fresh_dir("check-" + name);
    Checked c;
    c.rc = run_carbontrail({"--check-content", dir, "--model", model_path()}, out);
    c.log = read_text(out + "/run.log");
    return c;
}

// A fixture must fail with exactly its problem: the file, the line and the words.
void expect_problem(const std::string& fixture, const std::string& file, int line,
                    const std::string& words) {
    const Checked c = check(kFixtures + "/" + fixture, fixture);
    INFO(fixture << ":\n" << c.log);
    CHECK(c.rc == 1);
    const std::string where = file + ":" + std::to_string(line) + ": ";
    CHECK(c.log.find(fixture + "/" + where) != std::string::npos);
    CHECK(c.log.find(words) != std::string::npos);
    CHECK(c.log.find("1 problem in") != std::string::npos);
}

// A complete copy of the shipped texts and content (with map/: checked as assets, not as an
// override), with the lines matching `drop` removed from `table`.
std::string assets_without(const std::string& name, const std::string& table,
                           const std::string& drop) {
    const std::string dir = fresh_dir("assets-" + name);
    fs::create_directories(dir + "/map");
    fs::copy(kAssets + "/text", dir + "/text", fs::copy_options::recursive);
    fs::copy(kAssets + "/content", dir + "/content", fs::copy_options::recursive);
    const std::string path = dir + "/" + table;
    std::string kept, line;
    std::ifstream in(path);
    while (std::getline(in, line))
        if (line.rfind(drop, 0) != 0) kept += line + "\n";
    in.close();
    std::ofstream(path) << kept;
    return dir;
}

void write(const std::string& path, const std::string& text) {
    fs::create_directories(fs::path(path).parent_path());
    std::ofstream(path) << text;
}

} // namespace

TEST_CASE("check-content passes the shipped assets") {
    require_model();
    const Checked c = check(kAssets, "shipped");
    INFO(c.log);
    CHECK(c.rc == 0);
    CHECK(c.log.find("content OK") != std::string::npos);
    CHECK(c.log.find("English and Chinese") != std::string::npos);
    CHECK(std::regex_search(c.log, std::regex("[2-4] what-if steps")));
    CHECK(std::count(c.log.begin(), c.log.end(), '\n') == 1); // one line
}

TEST_CASE("check-content names the file line and problem of each kind") {
    require_model();
    expect_problem("too_long", "text/en.tsv", 2, "key 'trail.headline_home' (English) is too long");
    expect_problem("long_name", "content/products.tsv", 3,
                   "product 'car' name (English) is too long");
    expect_problem("missing_glyph", "text/zh.tsv", 2,
                   "the character '龘' (U+9F98) is not in the exhibit's fonts");
    expect_problem("missing_glyph", "text/zh.tsv", 2, "a package rebuild is needed");
    expect_problem("parse_error", "text/zh.tsv", 2, "expected key<TAB>text");
    expect_problem("unknown_key", "text/en.tsv", 2, "key 'what.titel' is not a text");
    expect_problem("placeholder", "text/en.tsv", 2,
                   "key 'where.you_live_in' has the placeholders '{provence}' where the exhibit "
                   "fills in '{province}'");
    expect_problem("unknown_sector", "content/products.tsv", 3, "unknown sector code 'CARS'");
    expect_problem("unknown_icon", "content/products.tsv", 3, "unknown icon 'rocket'");
    expect_problem("duplicate_id", "content/products.tsv", 4, "id 'car' already used on line 3");
    expect_problem("no_source", "content/equivalents.tsv", 3,
                   "equivalent 'driving_year': no source in English");
    // The what-if lever's table: a sector the model lacks, a factor that is not a share, a
    // character the fonts lack.
    expect_problem("what_if_sector", "content/what_if.tsv", 3, "unknown sector 'STEEL'");
    expect_problem("what_if_factor", "content/what_if.tsv", 3,
                   "the factor in 'centre_west.METAL=1.5' must be a number from 0 to 1");
    expect_problem("what_if_glyph", "content/what_if.tsv", 3,
                   "what-if step 'steel' label (Chinese): the character '龘' (U+9F98)");
    // A good override passes (its characters are all in the fonts).
    const Checked good = check(kFixtures + "/good", "good");
    INFO(good.log);
    CHECK(good.rc == 0);
}

TEST_CASE("check-content finds a missing translation and a key the code uses") {
    require_model();
    // what.hint is only in English now: the English line is named.
    {
        const std::string dir = assets_without("translation", "text/zh.tsv", "what.title\t");
        const Checked c = check(dir, "translation");
        INFO(c.log);
        CHECK(c.rc == 1);
        CHECK(std::regex_search(
            c.log, std::regex("text/en\\.tsv:[0-9]+: key 'what\\.title' has no Chinese text")));
    }
    // A translation that drops a number: named on the Chinese line.
    {
        const std::string dir = assets_without("placeholders", "text/zh.tsv", "trail.range\t");
        std::ofstream(dir + "/text/zh.tsv", std::ios::app) << "trail.range\t在{low}之间\n";
        const Checked c = check(dir, "placeholders");
        INFO(c.log);
        CHECK(c.rc == 1);
        CHECK(std::regex_search(c.log, std::regex("text/zh\\.tsv:[0-9]+: key 'trail\\.range' has "
                                                  "the placeholders '\\{low\\}' in Chinese but "
                                                  "'\\{high\\} \\{low\\}' in English")));
    }
    // Gone from both: the exhibit's code still asks for it.
    {
        const std::string dir = assets_without("used-key", "text/en.tsv", "trail.loading\t");
        fs::remove(dir + "/text/zh.tsv");
        std::ifstream zh_in(kAssets + "/text/zh.tsv");
        std::string kept, line;
        while (std::getline(zh_in, line))
            if (line.rfind("trail.loading\t", 0) != 0) kept += line + "\n";
        std::ofstream(dir + "/text/zh.tsv") << kept;
        const Checked c = check(dir, "used-key");
        INFO(c.log);
        CHECK(c.rc == 1);
        CHECK(c.log.find("text/en.tsv:0: key 'trail.loading' is used by the exhibit but missing") !=
              std::string::npos);
        CHECK(c.log.find("text/zh.tsv:0: key 'trail.loading' is used by the exhibit but missing") !=
              std::string::npos);
    }
    // Nothing changed on disk by a check.
    CHECK(fs::exists(kAssets + "/text/en.tsv"));
}

namespace {
const char* kHeadlines[] = {"trail.headline", "trail.headline_one", "trail.headline_home",
                            "trail.headline_here", "trail.headline_here_one"};

// The shipped English text of a key, as written in the table (placeholders kept).
std::string packaged(const std::string& key) {
    std::ifstream in(kAssets + "/text/en.tsv");
    for (std::string line; std::getline(in, line);)
        if (line.rfind(key + "\t", 0) == 0) return line.substr(key.size() + 1);
    FAIL("no key " << key);
    return "";
}

// Runs to the trail with DATA_DIR = dir and returns its state and log.
std::pair<State, std::string> trail_with_data_dir(const std::string& dir) {
    const std::string shot = dir + "/trail.png";
    CHECK(run_carbontrail({"--model", model_path(), "--data-dir", dir, "--goto", "trail",
                           "--screenshot", shot, "--log-level", "info"},
                          dir) == 0);
    return {read_state(dir + "/trail.state.tsv"), read_text(dir + "/run.log")};
}
} // namespace

TEST_CASE("a curator override shows on screen") {
    require_model();
    const std::string dir = fresh_dir("override-good");
    std::string en = "# the curator's sentence\n";
    for (const char* k : kHeadlines)
        en += std::string(k) + "\tCurator's words: " + packaged(k) + "\n";
    write(dir + "/text/en.tsv", en);
    const auto [state, log] = trail_with_data_dir(dir);
    INFO(log);
    CHECK(state["headline"].rfind("Curator's words: ", 0) == 0);
    CHECK(log.find("curator override: 5 texts") != std::string::npos);
    CHECK(log.find("curator override ignored") == std::string::npos);
}

TEST_CASE("a broken curator override falls back to the packaged text") {
    require_model();
    // One key with a character the fonts lack: that key is ignored, the packaged one is used.
    {
        const std::string dir = fresh_dir("override-glyph");
        std::string en = "# line 1\n";
        for (const char* k : kHeadlines)
            en += std::string(k) + "\tCurator's 龘 " + packaged(k) + "\n";
        write(dir + "/text/en.tsv", en);
        const auto [state, log] = trail_with_data_dir(dir);
        INFO(log);
        CHECK(state["headline"].find("Curator") == std::string::npos);
        CHECK(!state["headline"].empty());
        CHECK(std::regex_search(
            log, std::regex("curator override ignored: .*/text/en\\.tsv:[2-6]: key "
                            "'trail\\.headline[a-z_]*' \\(English\\): the character '龘'.*the "
                            "packaged text is used")));
    }
    // A file that does not parse is ignored whole, with its line.
    {
        const std::string dir = fresh_dir("override-parse");
        write(dir + "/text/en.tsv",
              "trail.headline_home\tCurator's words {home}\nthis line has no tab\n");
        const auto [state, log] = trail_with_data_dir(dir);
        INFO(log);
        CHECK(state["headline"].find("Curator") == std::string::npos);
        CHECK(log.find("curator override ignored: " + dir +
                       "/text/en.tsv:2: expected key<TAB>text") != std::string::npos);
    }
    // A products table naming a sector the model lacks: the packaged products are used.
    {
        const std::string dir = fresh_dir("override-sector");
        fs::copy(kFixtures + "/unknown_sector/content", dir + "/content");
        const auto [state, log] = trail_with_data_dir(dir);
        INFO(log);
        CHECK(state["screen"] == "trail");
        CHECK(log.find("curator override ignored: " + dir +
                       "/content/products.tsv:3: product 'car': unknown sector code 'CARS'") !=
              std::string::npos);
    }
}
