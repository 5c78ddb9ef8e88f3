// Reading back what a visitor reads: the number in a figure's on-screen text, in the figure's
// unit. Shared by the monkey's invariant checks and the end-to-end tests, so both hold the
// screen to the engine the same way.
#pragma once

#include <string>

namespace ctrail::platform {

// "≈ 28 t" -> 28000 (kg), "71%" -> 0.71 (share), "2万" -> 20000, "¥120,000" / "约12万元" ->
// 120000. NaN when unreadable (no digits, or a share without '%', a mass without its unit).
double read_shown(const std::string& shown, const std::string& unit);

} // namespace ctrail::platform
