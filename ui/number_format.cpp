#include "number_format.hpp"

#include <cmath>
#include <cstdio>

namespace ctrail::ui {

double round_sig(double v, int digits) {
    if (v == 0 || !std::isfinite(v)) return v;
    const double magnitude = std::floor(std::log10(std::fabs(v)));
    const double scale = std::pow(10.0, digits - 1 - magnitude);
    double r = std::round(v * scale) / scale;
    return r;
}

namespace {
std::string group_thousands(const std::string& digits) {
    // digits: an optional '-', integer digits, optional fraction
    std::size_t start = digits[0] == '-' ? 1 : 0;
    std::size_t dot = digits.find('.');
    std::size_t int_end = dot == std::string::npos ? digits.size() : dot;
    std::string out = digits.substr(0, start);
    for (std::size_t i = start; i < int_end; ++i) {
        out += digits[i];
        std::size_t left = int_end - i - 1;
        if (left > 0 && left % 3 == 0) out += ',';
    }
    out += digits.substr(int_end);
    return out;
}
} // namespace

std::string format_sig(double v, int digits) {
    if (!std::isfinite(v)) return "–";
    double r = round_sig(v, digits);
    if (r == 0) return "0";
    const int magnitude = int(std::floor(std::log10(std::fabs(r))));
    const int decimals = std::max(0, digits - 1 - magnitude);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, r);
    return group_thousands(buf);
}

std::string format_percent(double share) {
    // "0.00028%" reads as noise: below a tenth of a percent a visitor reads "<0.1%".
    if (share > 0 && round_sig(share * 100.0) < 0.1) return "<0.1%";
    return format_sig(share * 100.0) + "%";
}

MassText format_mass(double kg, const char* kg_word, const char* t_word) {
    // Decide the unit on the rounded value, so 999.7 kg reads "1 t", not "1,000 kg".
    if (std::fabs(round_sig(kg)) < 1000) return {format_sig(kg), kg_word};
    return {format_sig(kg / 1000.0), t_word};
}

std::string format_count(double v, const char* wan) {
    if (wan && std::fabs(round_sig(v)) >= 10000) return format_sig(v / 10000.0) + wan;
    return format_sig(v);
}

std::string format_yuan(double yuan, const char* wan, const char* yuan_word) {
    if (yuan_word) return format_count(yuan, wan) + yuan_word;
    return "¥" + format_sig(yuan);
}

} // namespace ctrail::ui
