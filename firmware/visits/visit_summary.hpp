// The few figures admin mode shows: today's and this week's visits (trusted clock only) and the
// products traced most this week. Never throws: a missing or unreadable file gives -1 counts.
#pragma once

#include <ctime>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace ctrail::visits {

struct VisitSummary {
    int today = -1;     // -1 = not recorded (no file, or it cannot be read)
    int this_week = -1; // since Monday, local time
    std::vector<std::pair<std::string, int>> top_products; // this week, at most 3
    std::string error;                                     // why the counts are -1 ("" when fine)
};

VisitSummary summarise_visits(const std::filesystem::path& visits_db, std::time_t now);

} // namespace ctrail::visits
