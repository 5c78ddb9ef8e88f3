#include "commands.hpp"
#include "stats_html.hpp"
#include "stats_report.hpp"

#include "visits/visit_stats.hpp"
#include "visits/visit_store.hpp"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>

namespace ctrail::cli {

const char* const kStatsUsage =
    "usage: ctrail stats VISITS.sqlite [--from DATE] [--to DATE] [--csv --table NAME]\n"
    "                    [--html OUT.html]\n\n"
    "The exhibit's anonymous visit records (DATA_DIR/visits.sqlite; docs/ANALYTICS.md):\n"
    "visits per day and per hour of day (only visits whose clock was synchronised; the report\n"
    "says how many were left out), median and 90th-percentile visit length, completion rate\n"
    "(reached the big picture), where visits ended (drop-off by screen), how they ended, top\n"
    "home provinces and products, languages and the deepest trail step.\n\n"
    "  --from DATE, --to DATE   only visits that started on these days (YYYY-MM-DD, inclusive)\n"
    "  --csv --table NAME       one table as CSV for a spreadsheet, NAME one of:\n"
    "      summary       figure,value: visits, clock_trusted, left_out_untrusted_clock,\n"
    "                    still_open, ended_visits, median_length_s, p90_length_s,\n"
    "                    reached_big_picture, completion_rate\n"
    "      per_day       date,visits (trusted clock; every day from the first to the last)\n"
    "      per_hour      hour,visits (0..23, trusted clock)\n"
    "      drop_off      screen,visits,share: the screen each ended visit ended on\n"
    "      end_reasons   reason,visits,share: finished, home, idle, restart, admin\n"
    "      provinces     province,visits,share: home province chosen, (none) if none\n"
    "      products      product,visits,share: visits that traced each product\n"
    "      languages     languages,visits,share: en, zh or en+zh\n"
    "      deepest_step  step,visits,share: the deepest trail step reached (0 = none)\n"
    "      visits        one row per visit, every recorded field\n"
    "  --html OUT.html          also write one self-contained page with the same figures as\n"
    "                           charts (inline SVG, no network), for a monthly report\n";

namespace {

// YYYY-MM-DD that is a real day.
bool valid_date(const std::string& d) {
    if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (d[i] < '0' || d[i] > '9') return false;
    std::tm tm{};
    tm.tm_year = std::stoi(d.substr(0, 4)) - 1900;
    tm.tm_mon = std::stoi(d.substr(5, 2)) - 1;
    tm.tm_mday = std::stoi(d.substr(8, 2));
    tm.tm_hour = 12;
    tm.tm_isdst = -1;
    const int mon = tm.tm_mon, day = tm.tm_mday;
    std::mktime(&tm);
    return tm.tm_mon == mon && tm.tm_mday == day;
}

std::string date_option(const Args& a, const char* name) {
    const std::string d = a.option_or(name, "");
    if (!d.empty() && !valid_date(d))
        throw UsageError(std::string("--") + name + " '" + d + "': expected a day as YYYY-MM-DD");
    return d;
}

// Written beside the target and renamed over it: a failure leaves no half page.
void write_file(const std::filesystem::path& path, const std::string& text) {
    const std::filesystem::path tmp = path.string() + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary);
        out << text;
        out.close();
        if (!out) {
            std::error_code ec;
            std::filesystem::remove(tmp, ec);
            throw std::runtime_error("cannot write " + path.string());
        }
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        std::filesystem::remove(tmp, ec);
        throw std::runtime_error("cannot write " + path.string() + ": " + ec.message());
    }
}

} // namespace

int cmd_stats(const std::vector<std::string>& argv, std::ostream& out) {
    const Args a(argv, {"from", "to", "table", "html"}, {"csv"});
    a.expect_positionals(1);
    const std::string file = a.positional(0, "VISITS.sqlite");
    StatsRange range{date_option(a, "from"), date_option(a, "to")};
    if (!range.from.empty() && !range.to.empty() && range.to < range.from)
        throw UsageError("--to " + range.to + " is before --from " + range.from);
    const bool csv = a.flag("csv");
    const std::string table = a.option_or("table", "");
    if (csv && table.empty()) throw UsageError("--csv needs --table NAME");
    if (!csv && !table.empty()) throw UsageError("--table goes with --csv");
    if (csv) { // an unknown name is a usage error before anything is read
        const auto& names = stats_table_names();
        if (std::find(names.begin(), names.end(), table) == names.end()) {
            std::ostringstream ignore;
            write_stats_csv(ignore, table, {}, {});
        }
    }

    const visits::VisitStore store = visits::VisitStore::open_read_only(file);
    const std::vector<visits::VisitRecord> rows = store.load(range.from, range.to);
    const visits::VisitStats stats = visits::compute_stats(rows);
    if (const auto html = a.option("html")) write_file(*html, stats_html(stats, range, file));
    if (csv)
        write_stats_csv(out, table, stats, rows);
    else
        write_stats_text(out, stats, range, file);
    return 0;
}

} // namespace ctrail::cli
