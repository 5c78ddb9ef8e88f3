// `carbontrail --check-content DIR`: the curator's check of a folder holding content/ and text/
// (the repository's assets, /usr/share/carbontrail, or an override folder such as
// /var/lib/carbontrail). A folder with a map/ beside them is a complete set of assets; any
// other is an override, checked over the packaged assets the way the exhibit would show it.
#pragma once

#include "options.hpp"

namespace ctrail::platform {

// Prints each problem as "file:line: problem" to stderr and returns 1, or prints a one-line
// summary to stdout and returns 0.
int check_content(const Options& options);

} // namespace ctrail::platform
