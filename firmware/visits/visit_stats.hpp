// The figures `ctrail stats` reports, computed from loaded visit records. Pure.
#pragma once

#include "visits/visit_record.hpp"

#include <array>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace ctrail::visits {

using Counts = std::vector<std::pair<std::string, int>>; // name, visits; largest first

struct VisitStats {
    int visits = 0;                     // every visit in the range
    int trusted = 0;                    // with a synchronised clock
    int left_out = 0;                   // visits - trusted: not in the per-day and per-hour counts
    int open = 0;                       // not ended yet (the exhibit is running)
    std::map<std::string, int> per_day; // YYYY-MM-DD -> trusted visits, every day first..last
    std::array<int, 24> per_hour{};     // local hour of the start -> trusted visits
    int lengths = 0;                    // ended visits in the length figures
    double median_s = 0, p90_s = 0;     // visit length
    int reached_big_picture = 0;
    double completion = 0; // reached_big_picture / visits
    Counts drop_off;       // where visits ended (screen), journey order
    Counts end_reasons;    // finished, home, idle, restart, admin
    Counts provinces;      // home province chosen; visits that chose none: "(none)"
    Counts products;       // visits that traced each product
    Counts languages;      // "en", "zh", "en+zh": the languages a visit used
    Counts deepest_step;   // "0".."N": visits by the deepest trail step reached
};

VisitStats compute_stats(const std::vector<VisitRecord>& visits);

// "YYYY-MM-DD" of the day after `date` ("YYYY-MM-DD").
std::string next_day(const std::string& date);

// The q-quantile (0..1) by linear interpolation between closest ranks; 0 for no values.
double quantile(std::vector<double> values, double q);

} // namespace ctrail::visits
