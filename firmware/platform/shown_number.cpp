#include "shown_number.hpp"

#include <cmath>
#include <cstdlib>

namespace ctrail::platform {

double read_shown(const std::string& shown, const std::string& unit) {
    // The first number in the text (digits, grouping commas, one decimal point).
    std::string digits;
    bool seen = false;
    std::size_t end = 0;
    for (std::size_t i = 0; i < shown.size(); ++i) {
        const char c = shown[i];
        if ((c >= '0' && c <= '9') || (seen && (c == '.' || c == ','))) {
            if (c != ',') digits += c;
            seen = true;
            end = i + 1;
        } else if (seen) {
            break;
        }
    }
    if (digits.empty()) return std::nan("");
    double v = std::strtod(digits.c_str(), nullptr);
    const std::string rest = shown.substr(end);
    auto has = [&](const char* s) { return rest.find(s) != std::string::npos; };
    if (has("万")) v *= 1e4;
    if (unit == "share") {
        if (!has("%")) return std::nan("");
        return v / 100.0;
    }
    if (unit == "kg") {
        if (rest.find(" t") == 0 || has("吨")) return v * 1000.0;
        if (has("kg") || has("千克")) return v;
        return std::nan("");
    }
    return v;
}

} // namespace ctrail::platform
