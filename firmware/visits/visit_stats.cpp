#include "visits/visit_stats.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <ctime>

namespace ctrail::visits {

namespace {

Counts sorted(const std::map<std::string, int>& m) {
    Counts out(m.begin(), m.end());
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    return out;
}

// The journey's order, so a drop-off table reads like the exhibit.
int screen_rank(const std::string& s) {
    static const char* const order[] = {"attract", "region",      "product", "trail",
                                        "what_if", "big_picture", "about"};
    constexpr int n = sizeof order / sizeof order[0];
    for (int i = 0; i < n; ++i)
        if (s == order[i]) return i;
    return n;
}

} // namespace

std::string next_day(const std::string& date) {
    std::tm tm{};
    tm.tm_year = std::atoi(date.substr(0, 4).c_str()) - 1900;
    tm.tm_mon = std::atoi(date.substr(5, 2).c_str()) - 1;
    tm.tm_mday = std::atoi(date.substr(8, 2).c_str()) + 1;
    tm.tm_hour = 12;
    tm.tm_isdst = -1;
    std::mktime(&tm); // normalises the day into the next month or year
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

double quantile(std::vector<double> v, double q) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const double pos = q * double(v.size() - 1);
    const std::size_t lo = std::size_t(std::floor(pos));
    const std::size_t hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (v[hi] - v[lo]) * (pos - double(lo));
}

VisitStats compute_stats(const std::vector<VisitRecord>& visits) {
    VisitStats s;
    std::map<std::string, int> drop, reasons, provinces, products, languages, steps;
    std::vector<double> lengths;
    for (const VisitRecord& v : visits) {
        ++s.visits;
        if (v.clock_trusted && v.start_local.size() >= 13) {
            ++s.trusted;
            ++s.per_day[v.start_local.substr(0, 10)];
            const int hour = std::atoi(v.start_local.substr(11, 2).c_str());
            if (hour >= 0 && hour < 24) ++s.per_hour[std::size_t(hour)];
        }
        if (v.end_reason.empty()) {
            ++s.open;
        } else {
            lengths.push_back(double(v.duration_s));
            ++reasons[v.end_reason];
            ++drop[v.end_screen()];
        }
        if (v.reached_big_picture()) ++s.reached_big_picture;
        ++provinces[v.region.empty() ? "(none)" : v.region];
        for (const auto& p : v.products) ++products[p];
        std::vector<std::string> langs = v.languages;
        std::sort(langs.begin(), langs.end());
        std::string key;
        for (const auto& l : langs) key += (key.empty() ? "" : "+") + l;
        ++languages[key.empty() ? "(none)" : key];
        ++steps[std::to_string(v.deepest_step)];
    }
    // Days without a visit are zero rows, so a spreadsheet's chart keeps its time axis.
    if (!s.per_day.empty()) {
        const std::string last = s.per_day.rbegin()->first;
        for (std::string d = s.per_day.begin()->first; d < last; d = next_day(d)) s.per_day[d];
    }
    s.left_out = s.visits - s.trusted;
    s.lengths = int(lengths.size());
    s.median_s = quantile(lengths, 0.5);
    s.p90_s = quantile(lengths, 0.9);
    s.completion = s.visits ? double(s.reached_big_picture) / s.visits : 0;
    s.drop_off.assign(drop.begin(), drop.end());
    std::stable_sort(s.drop_off.begin(), s.drop_off.end(), [](const auto& a, const auto& b) {
        return screen_rank(a.first) < screen_rank(b.first);
    });
    s.end_reasons = sorted(reasons);
    s.provinces = sorted(provinces);
    s.products = sorted(products);
    s.languages = sorted(languages);
    s.deepest_step.assign(steps.begin(), steps.end());
    std::stable_sort(s.deepest_step.begin(), s.deepest_step.end(),
                     [](const auto& a, const auto& b) {
                         return std::atoi(a.first.c_str()) < std::atoi(b.first.c_str());
                     });
    return s;
}

} // namespace ctrail::visits
