// Trims blanks from both ends of a field read from a text file (config lines, CSV cells, unit
// strings). One definition for every reader, so "blank" means the same everywhere it is said.
#pragma once

#include <string_view>

namespace ctrail {

// Spaces and tabs by default; a reader of hand-edited files may pass " \t\r\f\v".
inline std::string_view trim_blanks(std::string_view s, std::string_view blanks = " \t") {
    const auto first = s.find_first_not_of(blanks);
    if (first == std::string_view::npos) return {};
    return s.substr(first, s.find_last_not_of(blanks) - first + 1);
}

} // namespace ctrail
