// Per-boot facts kept in the data folder: how many times the exhibit started since the machine
// booted (DATA_DIR/starts: "BOOT_ID COUNT"), and the clock marker admin mode writes after setting
// the time (DATA_DIR/clock-set-by-admin: the boot id; visit analytics trusts the clock for the
// rest of this boot). The boot id comes from $CTRAIL_BOOT_ID_FILE, else
// /proc/sys/kernel/random/boot_id.
#pragma once

#include <filesystem>
#include <string>

namespace ctrail::admin {

inline constexpr const char* kStartsFile = "starts";
inline constexpr const char* kClockMarkerFile = "clock-set-by-admin";

// The current boot id, trimmed; "" when it cannot be read.
std::string read_boot_id();

// Counts this start in `file` and returns the starts this boot (1 = the first). A file from an
// earlier boot starts the count again. -1 (and `error`) when the file cannot be written.
int count_start(const std::filesystem::path& file, const std::string& boot_id, std::string& error);

// Writes the clock marker (atomically): the clock is trusted until the next boot.
bool write_clock_marker(const std::filesystem::path& file, const std::string& boot_id,
                        std::string& error);

} // namespace ctrail::admin
