#include "units.hpp"

#include "trim.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <map>

namespace ctrail {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The multiplier in front of "yuan": "", "10^4", "10⁴", "10000", "1e4", "million", "100 million".
double multiplier(std::string m) {
    m = std::string(trim_blanks(m));
    if (m.empty()) return 1;
    static const std::map<std::string, double> words = {
        {"thousand", 1e3},    {"ten thousand", 1e4},    {"10 thousand", 1e4}, {"million", 1e6},
        {"100 million", 1e8}, {"hundred million", 1e8}, {"billion", 1e9}};
    if (auto it = words.find(m); it != words.end()) return it->second;
    static const std::map<std::string, int> superscripts = {
        {"\u2070", 0}, {"\u00b9", 1}, {"\u00b2", 2}, {"\u00b3", 3}, {"\u2074", 4},
        {"\u2075", 5}, {"\u2076", 6}, {"\u2077", 7}, {"\u2078", 8}, {"\u2079", 9}};
    if (m.rfind("10^", 0) == 0)
        m = "1e" + m.substr(3);
    else if (m.rfind("10", 0) == 0 && m.size() > 2) {
        if (auto it = superscripts.find(m.substr(2)); it != superscripts.end())
            return std::pow(10.0, it->second);
    }
    char* end = nullptr;
    const double v = std::strtod(m.c_str(), &end);
    if (end == m.c_str() || *end != '\0' || !(v > 0) || !std::isfinite(v)) return kNaN;
    return v;
}

} // namespace

double yuan_per_money_unit(const std::string& currency_unit) {
    const std::string u(trim_blanks(currency_unit));
    if (u == "元" || u == "CNY" || u == "RMB") return 1;
    if (u.rfind("万元", 0) == 0) return 1e4;
    if (u.rfind("亿元", 0) == 0) return 1e8;
    // The first currency word; its multiplier is what precedes it in the same clause:
    // "10^8 CNY (100 million yuan), current producer prices" reads 10^8.
    size_t at = std::string::npos;
    for (const char* word : {"yuan", "Yuan", "CNY", "RMB"}) at = std::min(at, u.find(word));
    if (at == std::string::npos) return kNaN;
    std::string before = u.substr(0, at);
    if (const auto cut = before.find_last_of("(,;"); cut != std::string::npos)
        before = before.substr(cut + 1);
    return multiplier(before);
}

double kg_per_unit(const std::string& unit) {
    const std::string u(trim_blanks(unit));
    const std::string first = u.substr(0, u.find_first_of(" \t"));
    static const std::map<std::string, double> masses = {
        {"g", 1e-3}, {"kg", 1},   {"t", 1e3},  {"tonne", 1e3}, {"tonnes", 1e3}, {"Mg", 1e3},
        {"kt", 1e6}, {"Gg", 1e6}, {"Mt", 1e9}, {"Tg", 1e9},    {"Gt", 1e12},    {"Pg", 1e12}};
    if (auto it = masses.find(first); it != masses.end()) return it->second;
    return kNaN;
}

} // namespace ctrail
