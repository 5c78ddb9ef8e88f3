// `ctrail stats` output: the plain-text report and the CSV tables (one per --table NAME).
// The table names are documented in docs/ANALYTICS.md and in `ctrail stats --help`.
#pragma once

#include "visits/visit_stats.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace ctrail::cli {

struct StatsRange {
    std::string from, to;         // YYYY-MM-DD, "" = unbounded
    std::string describe() const; // "all recorded days", "2026-03-01 to 2026-03-31", ...
};

// The CSV table names, in the order --help lists them.
const std::vector<std::string>& stats_table_names();

void write_stats_text(std::ostream& out, const visits::VisitStats& s, const StatsRange& range,
                      const std::string& file);
// One table as CSV with a header row. Throws UsageError for an unknown name.
void write_stats_csv(std::ostream& out, const std::string& table, const visits::VisitStats& s,
                     const std::vector<visits::VisitRecord>& visits);

// "4 min 05 s", "38 s".
std::string minutes_seconds(double seconds);
// "42.0%" of part in whole; "-" for none.
std::string percent_of(int part, int whole);

} // namespace ctrail::cli
