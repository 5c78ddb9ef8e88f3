#include "visits/clock_trust.hpp"

#include <cstdlib>
#include <fstream>

namespace ctrail::visits {

ClockTrustPaths ClockTrustPaths::from_environment(const std::filesystem::path& data_dir) {
    ClockTrustPaths p;
    const char* flag = std::getenv(kTimesyncFlagEnv);
    const char* boot = std::getenv(kBootIdFileEnv);
    p.timesync_flag = flag && *flag ? flag : kTimesyncFlag;
    p.boot_id = boot && *boot ? boot : kBootIdFile;
    if (!data_dir.empty()) p.admin_marker = data_dir / kAdminClockFile;
    return p;
}

std::string read_first_line(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::string line;
    if (!in || !std::getline(in, line)) return "";
    const auto first = line.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return "";
    const auto last = line.find_last_not_of(" \t\r\n");
    return line.substr(first, last - first + 1);
}

bool clock_trusted(const ClockTrustPaths& p) {
    std::error_code ec;
    if (!p.timesync_flag.empty() && std::filesystem::exists(p.timesync_flag, ec)) return true;
    if (p.admin_marker.empty() || !std::filesystem::exists(p.admin_marker, ec)) return false;
    // Set in an earlier boot: the clock has since restarted from a stale time.
    const std::string boot = read_first_line(p.boot_id);
    return !boot.empty() && read_first_line(p.admin_marker) == boot;
}

} // namespace ctrail::visits
