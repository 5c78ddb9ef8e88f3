// `ctrail stats` in-process on a known visits.sqlite: the text report's figures, each CSV table,
// the date range, usage errors, and the HTML page (well-formed XHTML with its SVG charts,
// checked with python3's XML parser; rendered in headless chromium when it is installed).
#include "support.hpp"

#include "dispatch.hpp"
#include "stats_report.hpp"
#include "visits/visit_store.hpp"

#include <cstdlib>
#include <sstream>

using namespace ctrail::visits;

namespace {

struct Run {
    int code;
    std::string out, err;
};

Run ctrail_run(const std::vector<std::string>& argv) {
    std::ostringstream out, err;
    const int code = ctrail::cli::run(argv, out, err);
    return {code, out.str(), err.str()};
}

bool contains(const std::string& s, const std::string& part) {
    return s.find(part) != std::string::npos;
}

std::string sample_db(const std::string& name) {
    const auto db = vt::fresh_dir(name) / "visits.sqlite";
    const std::vector<std::string> full = {"region", "product", "trail", "big_picture", "about"};
    VisitStore s = VisitStore::open(db, true);
    std::vector<VisitRecord> v = {
        vt::record(1, "2026-03-02 10:15", 240, true, "SH", {"car"}, full, "finished"),
        vt::record(2, "2026-03-02 10:40", 60, true, "SH", {}, {"region", "product"}, "idle"),
        vt::record(3, "2026-03-04 14:05", 125, true, "GD", {"phone", "car"},
                   {"region", "product", "trail"}, "home"),
        vt::record(4, "2026-03-04 14:30", 30, false, "", {}, {}, "idle"),
    };
    v[2].languages = {"zh", "en"};
    v[2].back_uses = 2;
    s.write(v);
    return db.string();
}

} // namespace

TEST_CASE("ctrail stats: the text report") {
    const std::string db = sample_db("cli-text");
    const Run r = ctrail_run({"stats", db});
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(contains(r.out, "visits             4\n"));
    CHECK(contains(r.out, "clock trusted      3 (1 left out of the per-day and per-hour counts"));
    CHECK(contains(r.out, "median length      1 min 33 s\n")); // (60 + 125) / 2 = 92.5
    CHECK(contains(r.out, "completion         25.0% (1 reached the big picture)"));
    CHECK(contains(r.out, "  2026-03-02  2\n  2026-03-03  0\n  2026-03-04  1\n"));
    CHECK(contains(r.out, "  10:00  2\n  14:00  1\n"));
    CHECK(contains(r.out, "Where visits ended (drop-off by screen)"));
    CHECK(contains(r.out, "Top products traced"));
}

TEST_CASE("ctrail stats: CSV tables") {
    const std::string db = sample_db("cli-csv");
    auto csv = [&](const std::string& table, std::vector<std::string> extra = {}) {
        std::vector<std::string> argv = {"stats", db, "--csv", "--table", table};
        argv.insert(argv.end(), extra.begin(), extra.end());
        const Run r = ctrail_run(argv);
        INFO(r.err);
        CHECK(r.code == 0);
        return r.out;
    };
    CHECK(csv("per_day") == "date,visits\n2026-03-02,2\n2026-03-03,0\n2026-03-04,1\n");
    CHECK(contains(csv("per_hour"), "\n10,2\n11,0\n"));
    CHECK(csv("drop_off") == "screen,visits,share\nattract,1,0.25\nproduct,1,0.25\n"
                             "trail,1,0.25\nabout,1,0.25\n");
    CHECK(csv("provinces") == "province,visits,share\nSH,2,0.5\n(none),1,0.25\nGD,1,0.25\n");
    CHECK(csv("products") == "product,visits,share\ncar,2,0.5\nphone,1,0.25\n");
    CHECK(csv("languages") == "languages,visits,share\nen,3,0.75\nen+zh,1,0.25\n");
    CHECK(csv("end_reasons") == "reason,visits,share\nidle,2,0.5\nfinished,1,0.25\n"
                                "home,1,0.25\n");
    CHECK(contains(csv("summary"), "\nleft_out_untrusted_clock,1\n"));
    CHECK(contains(csv("summary"), "\ncompletion_rate,0.25\n"));
    const std::string visits = csv("visits");
    CHECK(contains(visits, "\n2026-03-04 14:05,2026-03-04 14:05,125,1,\"zh,en\",GD,\"phone,car\","
                           "1,\"region,product,trail\",trail,2,0,home\n"));
    // --from / --to: by the day each visit started.
    CHECK(csv("per_day", {"--from", "2026-03-03"}) == "date,visits\n2026-03-04,1\n");
    CHECK(csv("summary", {"--to", "2026-03-02"}).rfind("figure,value\nvisits,2\n", 0) == 0);
    for (const auto& t : ctrail::cli::stats_table_names()) CHECK_FALSE(csv(t).empty());
}

TEST_CASE("ctrail stats: usage errors and bad files change nothing") {
    const std::string db = sample_db("cli-errors");
    const std::string before = vt::read_text(db);
    Run r = ctrail_run({"stats", db, "--csv"});
    CHECK(r.code == 2);
    CHECK(contains(r.err, "--csv needs --table NAME"));
    r = ctrail_run({"stats", db, "--csv", "--table", "people"});
    CHECK(r.code == 2);
    CHECK(contains(r.err, "--table 'people': not a table (summary, per_day"));
    r = ctrail_run({"stats", db, "--from", "2026-02-30"});
    CHECK(r.code == 2);
    CHECK(contains(r.err, "--from '2026-02-30': expected a day as YYYY-MM-DD"));
    r = ctrail_run({"stats", db, "--from", "2026-03-04", "--to", "2026-03-01"});
    CHECK(r.code == 2);
    r = ctrail_run({"stats", db + ".missing"});
    CHECK(r.code == 1);
    CHECK(contains(r.err, "visits.sqlite.missing: no such file"));
    const auto notdb = std::filesystem::path(db).parent_path() / "model.txt";
    vt::write_text(notdb, "not sqlite");
    r = ctrail_run({"stats", notdb.string()});
    CHECK(r.code == 1);
    CHECK(contains(r.err, "model.txt: not a readable SQLite database"));
    CHECK(vt::read_text(notdb) == "not sqlite");
    CHECK(vt::read_text(db) == before);
    CHECK(contains(ctrail_run({"stats", "--help"}).out, "deepest_step"));
}

TEST_CASE("ctrail stats --html: one well-formed page with inline SVG charts") {
    const std::string db = sample_db("cli-html");
    const auto dir = std::filesystem::path(db).parent_path();
    const auto html = dir / "report.html";
    const Run r = ctrail_run({"stats", db, "--html", html.string()});
    INFO(r.err);
    REQUIRE(r.code == 0);
    const std::string page = vt::read_text(html);
    CHECK(contains(page, "<svg xmlns=\"http://www.w3.org/2000/svg\""));
    CHECK_FALSE(contains(page, "http://www.w3.org/2000/svg\" href")); // nothing fetched
    CHECK_FALSE(contains(page, "<script"));
    CHECK_FALSE(contains(page, "src="));
    CHECK_FALSE(std::filesystem::exists(html.string() + ".tmp"));
    // python3's XML parser: the whole page as XHTML, then its figures.
    const auto check = dir / "check.py";
    vt::write_text(check, R"(import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
ns = {'h': 'http://www.w3.org/1999/xhtml', 's': 'http://www.w3.org/2000/svg'}
svgs = root.findall('.//s:svg', ns)
assert len(svgs) == 8, len(svgs)
bars = [r for r in svgs[0].findall('s:rect', ns)]
# per day: three days (zero for the 3rd), heights proportional to 2, 0, 1
h = [float(r.get('height')) for r in bars]
assert len(h) == 3 and h[1] == 0 and abs(h[0] - 2 * h[2]) < 0.2, h
tips = [r.find('s:title', ns).text for r in bars]
assert tips == ['2026-03-02: 2', '2026-03-03: 0', '2026-03-04: 1'], tips
text = ''.join(root.itertext())
assert 'Completion (reached the big picture)25.0%' in text, text
assert '1 (25.0%)' in text
print('ok')
)");
    const std::string cmd = "python3 '" + check.string() + "' '" + html.string() + "' > '" +
                            (dir / "check.log").string() + "' 2>&1";
    const int rc = std::system(cmd.c_str());
    INFO(vt::read_text(dir / "check.log"));
    CHECK(rc == 0);
}

// Its own ctest (exit 77 = skipped where chromium is not installed): the page as a real browser
// draws it, offline. The PNG stays in the build tree for a person to look at.
TEST_CASE("ctrail stats --html renders in headless chromium" * doctest::skip(true)) {
    if (std::system("command -v chromium > /dev/null 2>&1") != 0) std::exit(77);
    const std::string db = sample_db("cli-chromium");
    const auto dir = std::filesystem::path(db).parent_path();
    const auto html = dir / "report.html", png = dir / "report.png";
    REQUIRE(ctrail_run({"stats", db, "--html", html.string()}).code == 0);
    const std::string cmd =
        "chromium --headless --no-sandbox --disable-gpu --no-first-run --hide-scrollbars "
        "--user-data-dir='" +
        (dir / "profile").string() +
        "' --window-size=840,1900 "
        "--screenshot='" +
        png.string() + "' 'file://" + html.string() + "' > '" + (dir / "chromium.log").string() +
        "' 2>&1";
    const int rc = std::system(cmd.c_str());
    INFO(vt::read_text(dir / "chromium.log"));
    REQUIRE(rc == 0);
    const std::string img = vt::read_text(png);
    REQUIRE(img.size() > 24);
    CHECK(img.compare(1, 3, "PNG") == 0);
    auto be32 = [&](std::size_t at) {
        return (unsigned(std::uint8_t(img[at])) << 24) |
               (unsigned(std::uint8_t(img[at + 1])) << 16) |
               (unsigned(std::uint8_t(img[at + 2])) << 8) | unsigned(std::uint8_t(img[at + 3]));
    };
    CHECK(be32(16) == 840);
    CHECK(be32(20) == 1900);
    CHECK(img.size() > 20000); // charts and text, not an empty page
}
