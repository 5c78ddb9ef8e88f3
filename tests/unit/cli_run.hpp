// Runs `ctrail` in-process for the CLI tests: exit code and both output streams.
#pragma once

#include "dispatch.hpp"

#include <sstream>
#include <string>
#include <vector>

namespace ctrail::test {

struct Run {
    int code;
    std::string out, err;
};

inline Run ctrail_run(const std::vector<std::string>& argv) {
    std::ostringstream out, err;
    const int code = cli::run(argv, out, err);
    return {code, out.str(), err.str()};
}

} // namespace ctrail::test
