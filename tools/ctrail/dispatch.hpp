// Runs one ctrail command line; used by main() and by the tests (in-process, same exit codes).
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace ctrail::cli {

// argv without the program name. Exit codes: 0 ok, 1 error (message on err), 2 usage.
int run(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err);

} // namespace ctrail::cli
