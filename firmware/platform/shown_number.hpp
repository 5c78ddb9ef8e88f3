// Reading back what a visitor reads: the number in a figure's on-screen text, in the figure's
// unit. Shared by the monkey's invariant checks and the end-to-end tests, so both hold the
// screen to the engine the same way.
#pragma once

#include <cmath>
#include <cstdlib>
#include <string>

namespace ctrail::platform {

// "≈ 28 t" -> 28000 (kg), "71%" -> 0.71 (share), "2万" -> 20000, "¥120,000" / "约12万元" ->
// 120000. NaN when unreadable (no digits, or a share without '%', a mass without its unit).
// Inline: the end-to-end test helpers (also built into other suites) need no library for it.
inline double read_shown(const std::string& shown, const std::string& unit) {
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
