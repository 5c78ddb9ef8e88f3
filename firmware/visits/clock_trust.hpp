// Whether the system clock can be believed (a Pi has no battery clock and the exhibit is
// offline): systemd-timesyncd has synchronised it this boot, or admin mode set it this boot
// (DATA_DIR/clock-set-by-admin holds the boot id it was set in).
#pragma once

#include <filesystem>
#include <string>

namespace ctrail::visits {

inline constexpr const char* kTimesyncFlag = "/run/systemd/timesync/synchronized";
inline constexpr const char* kBootIdFile = "/proc/sys/kernel/random/boot_id";
inline constexpr const char* kAdminClockFile = "clock-set-by-admin"; // in the data folder
// Tests point these elsewhere.
inline constexpr const char* kTimesyncFlagEnv = "CTRAIL_TIMESYNC_FLAG";
inline constexpr const char* kBootIdFileEnv = "CTRAIL_BOOT_ID_FILE";

struct ClockTrustPaths {
    std::filesystem::path timesync_flag; // exists = synchronised
    std::filesystem::path boot_id;       // this boot's id
    std::filesystem::path admin_marker;  // "" = no data folder
    // The defaults, with the environment's overrides, for a data folder ("" = none).
    static ClockTrustPaths from_environment(const std::filesystem::path& data_dir);
};

bool clock_trusted(const ClockTrustPaths& paths);

// The first line of a file, trimmed; "" when unreadable.
std::string read_first_line(const std::filesystem::path& file);

} // namespace ctrail::visits
