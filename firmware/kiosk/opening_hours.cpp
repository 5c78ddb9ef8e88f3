#include "kiosk/opening_hours.hpp"

#include "trim.hpp"

#include <ctime>

namespace ctrail::kiosk {

namespace {

constexpr const char* kDays[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    while (true) {
        const auto at = s.find(sep);
        out.push_back(s.substr(0, at));
        if (at == std::string_view::npos) return out;
        s.remove_prefix(at + 1);
    }
}

int day_index(std::string_view d) {
    for (int i = 0; i < 7; ++i)
        if (d == kDays[i]) return i;
    return -1;
}

// "09:30" -> 570; 24:00 only as an end.
std::optional<int> minutes(std::string_view t, bool end) {
    if (t.size() != 5 || t[2] != ':') return std::nullopt;
    for (int i : {0, 1, 3, 4})
        if (t[i] < '0' || t[i] > '9') return std::nullopt;
    const int h = (t[0] - '0') * 10 + (t[1] - '0'), m = (t[3] - '0') * 10 + (t[4] - '0');
    if (m > 59 || h > 24 || (h == 24 && (m != 0 || !end))) return std::nullopt;
    return h * 60 + m;
}

} // namespace

std::optional<OpeningHours> parse_opening_hours(std::string_view text, std::string& error) {
    OpeningHours out;
    if (trim_blanks(text).empty()) return out;
    out.always_open = false;
    for (std::string_view item : split(text, ',')) {
        item = trim_blanks(item);
        const std::string quoted = "'" + std::string(item) + "': ";
        std::vector<std::string_view> words;
        for (std::string_view w : split(item, ' '))
            if (!trim_blanks(w).empty()) words.push_back(trim_blanks(w));
        if (words.size() < 2) {
            error = quoted + "expected days and times, e.g. 'mon-fri 09:00-17:00'";
            return std::nullopt;
        }
        int first = -1, last = -1;
        if (words[0] == "daily") {
            first = 0, last = 6;
        } else if (const auto dash = words[0].find('-'); dash != std::string_view::npos) {
            first = day_index(words[0].substr(0, dash));
            last = day_index(words[0].substr(dash + 1));
        } else {
            first = last = day_index(words[0]);
        }
        if (first < 0 || last < 0) {
            error = quoted + "'" + std::string(words[0]) +
                    "' is not a day (mon, tue, wed, thu, fri, sat, sun, a range such as mon-fri, "
                    "or daily)";
            return std::nullopt;
        }
        std::vector<std::pair<int, int>> spans;
        if (words.size() == 2 && words[1] == "closed") {
            // nothing: the days are closed (and earlier items for them are cleared below)
        } else {
            for (std::size_t i = 1; i < words.size(); ++i) {
                const auto dash = words[i].find('-');
                std::optional<int> from, to;
                if (dash != std::string_view::npos) {
                    from = minutes(words[i].substr(0, dash), false);
                    to = minutes(words[i].substr(dash + 1), true);
                }
                if (!from || !to) {
                    error = quoted + "'" + std::string(words[i]) +
                            "' is not a time span such as 09:00-17:00 (or 'closed')";
                    return std::nullopt;
                }
                if (*to <= *from) {
                    error = quoted + "'" + std::string(words[i]) +
                            "' ends before it starts (spans cannot cross midnight)";
                    return std::nullopt;
                }
                spans.emplace_back(*from, *to);
            }
        }
        // mon-fri wraps nothing: sat-mon is read as sat, sun, mon.
        for (int d = first;; d = (d + 1) % 7) {
            if (spans.empty())
                out.days[std::size_t(d)].clear();
            else
                out.days[std::size_t(d)].insert(out.days[std::size_t(d)].end(), spans.begin(),
                                                spans.end());
            if (d == last) break;
        }
    }
    return out;
}

bool is_open(const OpeningHours& hours, int weekday, int minute) {
    if (hours.always_open) return true;
    if (weekday < 0 || weekday > 6) return false;
    for (const auto& [from, to] : hours.days[std::size_t(weekday)])
        if (minute >= from && minute < to) return true;
    return false;
}

bool is_open_at(const OpeningHours& hours, long long unix_time) {
    if (hours.always_open) return true;
    const std::time_t t = static_cast<std::time_t>(unix_time);
    std::tm local{};
    localtime_r(&t, &local);
    return is_open(hours, (local.tm_wday + 6) % 7, local.tm_hour * 60 + local.tm_min);
}

} // namespace ctrail::kiosk
