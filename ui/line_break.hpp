// Where a line of exhibit text may break, as plain data: the text cut into units that must
// stay on one line. A Latin word with its trailing spaces; one Chinese character; a number
// with its unit or sign ("3.0%", "1,200"); a name that must not be split (a province:
// "内蒙古", "Inner Mongolia"). An opening bracket or quote sticks to what follows it, and
// closing punctuation ("，", "。", "）", "%", ",") to what precedes it, so punctuation never
// starts a line and no line ends on an opening bracket. A newline is a unit of its own.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ctrail::ui {

std::vector<std::string> line_units(std::string_view text,
                                    const std::vector<std::string>& keep_together = {});

} // namespace ctrail::ui
