// The big picture's year switch (issue 15): the YearSwitch on a real worker (the previous year
// stays until the chosen one is ready; a missing and a damaged year lose their buttons), the
// headless exhibit switching 2007 / 2017 / 2012 with its figures checked against `ctrail
// compare`, a damaged year that never takes the exhibit down, and the trail run in 2017 from
// the kiosk config's model_year.
#include "e2e_support.hpp"

#include <year_switch.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <future>
#include <map>
#include <sstream>

namespace fs = std::filesystem;
using namespace e2e;

namespace {

std::string model_dir() {
    return fs::path(model_path()).parent_path().string();
}

std::string year_file(int year) {
    return model_dir() + "/china-" + std::to_string(year) + ".sqlite";
}

// `ctrail compare A B --csv`: flow[{from, to}] = {a, b} in Mt.
struct CompareCsv {
    std::map<std::pair<std::string, std::string>, std::pair<double, double>> flow;
};

CompareCsv ctrail_compare(const std::string& a, const std::string& b, const std::string& dir) {
    const std::string out = dir + "/compare.csv";
    const std::string cmd =
        std::string(CTRAIL_EXE) + " compare '" + a + "' '" + b + "' --csv > '" + out + "'";
    REQUIRE(std::system(cmd.c_str()) == 0);
    CompareCsv c;
    std::istringstream in(read_text(out));
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("flow,", 0) != 0) continue;
        std::vector<std::string> cells;
        std::stringstream ss(line);
        for (std::string cell; std::getline(ss, cell, ',');) cells.push_back(cell);
        REQUIRE(cells.size() == 8);
        c.flow[{cells[2], cells[3]}] = {std::stod(cells[5]), std::stod(cells[6])};
    }
    REQUIRE(c.flow.size() == 64);
    return c;
}

void write_damaged(const std::string& path) {
    std::ofstream out(path, std::ios::binary);
    out << "SQLite format 3" << std::string(4000, '\x5a'); // a header, then garbage
}

struct Logged {
    std::vector<std::string> lines;
    ctrail::ui::YearSwitch::Log sink() {
        return [this](int, const std::string& m) { lines.push_back(m); };
    }
    bool has(const std::string& part) const {
        for (const auto& l : lines)
            if (l.find(part) != std::string::npos) return true;
        return false;
    }
};

bool close(double a, double b) {
    return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(b));
}

const std::string kToBigPicture =
    script_to_what_if("SH") + "tap next\nsettle\nexpect screen big_picture\n";

} // namespace

TEST_CASE("year switch: the previous year stays until the chosen one is ready") {
    require_model();
    std::shared_ptr<const ctrail::ExhibitModel> trail(ctrail::ExhibitModel::open(year_file(2007)));
    ctrail::ui::Worker worker;
    Logged log;
    ctrail::ui::YearSwitch years;
    years.setup({{2007, year_file(2007)}, {2012, year_file(2012)}, {2017, year_file(2017)}}, trail,
                log.sink());
    CHECK(years.buttons() == std::vector<int>{2007, 2012, 2017});
    CHECK(years.enabled());
    // Hold the worker so the years cannot be ready before the checks.
    std::promise<void> release;
    std::shared_future<void> gate = release.get_future().share();
    worker.post([gate] { gate.wait(); });
    years.open_all(worker);
    years.choose(2017);
    CHECK_FALSE(years.poll(log.sink()));
    CHECK(years.chosen() == 2017);
    CHECK(years.shown() == 2007);
    CHECK(years.pending());
    CHECK(years.busy());
    CHECK(years.view() == nullptr); // not even the trail's year is computed yet
    release.set_value();
    worker.drain();
    CHECK(years.poll(log.sink())); // the shown year changed
    CHECK(years.shown() == 2017);
    CHECK_FALSE(years.pending());
    REQUIRE(years.view());
    CHECK(years.view()->year == 2017);
    CHECK(years.view()->change.year_a == 2007);
    CHECK(years.view()->change.year_b == 2017);
    years.reset();
    CHECK(years.shown() == 2007);
    REQUIRE(years.view());
    CHECK(years.view()->change.year_b == 2007); // the trail's own year, compared with itself
}

TEST_CASE("year switch: a missing and a damaged year lose their buttons and say why") {
    require_model();
    const std::string dir = fresh_dir("years-broken");
    write_damaged(dir + "/china-2017.sqlite");
    std::shared_ptr<const ctrail::ExhibitModel> trail(ctrail::ExhibitModel::open(year_file(2007)));
    ctrail::ui::Worker worker;
    Logged log;
    ctrail::ui::YearSwitch years;
    years.setup({{2007, year_file(2007)},
                 {2012, dir + "/china-2012.sqlite"},
                 {2017, dir + "/china-2017.sqlite"}},
                trail, log.sink());
    CHECK(years.buttons() == std::vector<int>{2007, 2017}); // 2012 is missing
    CHECK(log.has("year 2012: no model at " + dir + "/china-2012.sqlite"));
    years.open_all(worker);
    years.choose(2017);
    worker.drain();
    years.poll(log.sink());
    CHECK(years.buttons() == std::vector<int>{2007}); // damaged: found on opening
    CHECK_FALSE(years.enabled());
    CHECK(years.shown() == 2007);
    CHECK(years.chosen() == 2007);
    CHECK(log.has("year 2017: "));
    CHECK(log.has(dir + "/china-2017.sqlite"));
    years.choose(2017); // a tap that can no longer happen changes nothing
    CHECK(years.chosen() == 2007);
}

TEST_CASE("year switch: headless tour through 2007, 2017 and 2012 with ctrail compare's figures") {
    require_model();
    const std::string dir = fresh_dir("years-tour");
    const std::string script = std::string(kToBigPicture) + R"(expect year_shown 2007
shot big-2007
tap year.2017
settle
expect year_shown 2017
expect year_chosen 2017
shot big-2017
tap year.2012
settle
expect year_shown 2012
shot big-2012
tap next
settle
expect screen about
tap next
settle
expect screen attract
expect year_shown 2007
)";
    // A large panel: every finding and the flow rows fit (a 7" panel shows the first ones).
    REQUIRE(run_carbontrail({"--script", write_script(dir, script), "--tour", dir, "--size",
                             "1920x1080", "--model", year_file(2007)},
                            dir) == 0);
    const State s07 = read_state(dir + "/big-2007.state.tsv");
    CHECK(s07["years"] == "2007 2012 2017");
    CHECK(s07["year_shown"] == "2007");
    for (int year : {2017, 2012}) {
        INFO("year " << year);
        const State s = read_state(dir + "/big-" + std::to_string(year) + ".state.tsv");
        CHECK(s["screen"] == "big_picture");
        CHECK(s["year_shown"] == std::to_string(year));
        const CompareCsv c = ctrail_compare(year_file(2007), year_file(year), dir);
        // Each drawn flow (Mt) is one of the year's flows between two regions (B column).
        int flows = 0;
        for (const Figure& f : s.figures) {
            if ((f.id.rfind("big.flow.", 0) != 0 && f.id.rfind("big.arc.", 0) != 0) ||
                f.unit != "Mt")
                continue;
            bool found = false;
            for (const auto& [pair, ab] : c.flow)
                if (pair.first != pair.second && close(f.engine, ab.second)) found = true;
            CHECK_MESSAGE(found, f.id << " = " << f.engine << " Mt is no flow of " << year);
            ++flows;
        }
        CHECK(flows >= 1); // arcs' labels and rows, as many as fit (the panel also holds the
                           // year's findings and the responsibility view)
        // The regions named as net importers: in from the others more than out to them.
        std::vector<std::string> importers;
        for (const std::string group :
             {"Beijing-Tianjin", "Northern Coastal", "Eastern Coastal", "Southern Coastal",
              "Central", "Northeast", "Northwest", "Southwest"}) {
            double net = 0;
            for (const auto& [pair, ab] : c.flow) {
                if (pair.first == pair.second) continue;
                if (pair.second == group) net += ab.second;
                if (pair.first == group) net -= ab.second;
            }
            if (net > 0) importers.push_back(group);
        }
        std::vector<std::string> shown;
        std::stringstream list(s["year_importers"]);
        for (std::string g; std::getline(list, g, ',');) shown.push_back(g);
        std::sort(importers.begin(), importers.end());
        std::sort(shown.begin(), shown.end());
        CHECK(!shown.empty());
        CHECK(shown == importers);
        // The largest change in a flow since 2007, in Mt.
        double largest = 0;
        for (const auto& [pair, ab] : c.flow)
            if (pair.first != pair.second && std::abs(ab.second - ab.first) > std::abs(largest))
                largest = ab.second - ab.first;
        const Figure* change = s.figure("big.year.largest_change_mt");
        REQUIRE(change);
        CHECK(close(change->engine, std::abs(largest)));
    }
}

TEST_CASE("year switch: a damaged year hides its button and the exhibit carries on") {
    require_model();
    const std::string dir = fresh_dir("years-damaged");
    fs::copy_file(year_file(2007), dir + "/china-2007.sqlite");
    write_damaged(dir + "/china-2017.sqlite"); // and no 2012 at all
    const std::string script = std::string(kToBigPicture) + R"(expect year_shown 2007
shot big
tap next
settle
expect screen about
)";
    REQUIRE(run_carbontrail({"--script", write_script(dir, script), "--tour", dir, "--model",
                             dir + "/china-2007.sqlite"},
                            dir) == 0);
    const State s = read_state(dir + "/big.state.tsv");
    CHECK(s["screen"] == "big_picture");
    CHECK(s["years"] == "2007"); // one year left: no switch is drawn
    CHECK(s.figure("big.national_outside_share"));
    const std::string log = read_text(dir + "/run.log");
    CHECK(log.find("year 2012: no model at") != std::string::npos);
    CHECK(log.find("year 2017: ") != std::string::npos);
}

TEST_CASE("year switch: the trail runs in 2017 from the kiosk config's model_year") {
    require_model();
    const std::string dir = fresh_dir("years-config");
    {
        std::ofstream conf(dir + "/kiosk.conf");
        conf << "model = " << year_file(2007)
             << "\nmodel_year = 2017\nassets_dir = " << CTRAIL_BUILD_ASSETS_DIR
             << "\ndata_dir = " << dir << "/data\n";
    }
    fs::create_directories(dir + "/data");
    const std::string script = R"(settle
tap start
settle
tap region.SH via region.page
settle
tap product.car
settle
expect screen trail
shot trail
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
expect year_shown 2017
tap next
settle
expect screen about
shot about
)";
    REQUIRE(run_carbontrail({"--script", write_script(dir, script), "--tour", dir, "--config",
                             dir + "/kiosk.conf"},
                            dir) == 0);
    const auto m = ctrail::ExhibitModel::open(year_file(2017));
    const ctrail::ui::Product* car = content().find_product("car");
    REQUIRE(car);
    ctrail::ExhibitTraceOptions options;
    options.max_paths = 80;
    options.threshold = 0.0001;
    const ctrail::ExhibitTrace t = m->trace("SH", car->sector, car->price_yuan, options);
    const State trail = read_state(dir + "/trail.state.tsv");
    const Figure* total = trail.figure("trail.total_kg");
    REQUIRE(total);
    CHECK(close(total->engine, t.total_kg));
    const State about = read_state(dir + "/about.state.tsv");
    REQUIRE(about.figure("about.year"));
    CHECK(about.figure("about.year")->engine == 2017);

    // A year that is not bundled is refused with its line, and the trail stays in 2007.
    const std::string dir2 = fresh_dir("years-config-bad");
    {
        std::ofstream conf(dir2 + "/kiosk.conf");
        conf << "model = " << year_file(2007)
             << "\nmodel_year = 2010\nassets_dir = " << CTRAIL_BUILD_ASSETS_DIR << "\n";
    }
    REQUIRE(
        run_carbontrail({"--script",
                         write_script(dir2, "settle\ntap start\nsettle\nexpect screen region\n"),
                         "--tour", dir2, "--config", dir2 + "/kiosk.conf"},
                        dir2) == 0);
    const std::string log = read_text(dir2 + "/run.log");
    CHECK(log.find("kiosk.conf:2") != std::string::npos);
    CHECK(log.find("model_year") != std::string::npos);
    CHECK(log.find("china-2007.sqlite") != std::string::npos);
}
