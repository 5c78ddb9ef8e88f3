// Export to a USB stick: the package mounts a stick labelled CTRAIL at /media/carbontrail-usb
// (udev rule + systemd mount unit), the only folder besides the data folder the service may
// write. One export makes a new folder carbontrail-YYYYMMDD-HHMMSS/ with visits.sqlite (a
// consistent copy through SQLite's backup API, even while the writer thread writes) and log.txt.
#pragma once

#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

namespace ctrail::admin {

inline constexpr const char* kUsbMountDir = "/media/carbontrail-usb";

// $CTRAIL_USB_DIR (tests), else kUsbMountDir.
std::filesystem::path usb_dir();

// True when a stick is mounted there (a mount point on another device than its parent).
bool usb_present(const std::filesystem::path& dir);

struct ExportResult {
    bool ok = false;
    std::filesystem::path folder; // what was written
    std::string error;            // why not (no stick, full, read-only, ...)
};

// visits_db may be missing (nothing recorded yet): then only the log is written.
ExportResult export_to_usb(const std::filesystem::path& dir, const std::filesystem::path& visits_db,
                           const std::string& log_text, std::time_t now);

// A consistent copy of an SQLite database (the backup API); false with `error`.
bool copy_sqlite(const std::filesystem::path& from, const std::filesystem::path& to,
                 std::string& error);

// The exhibit's log for the USB stick: `journalctl -u carbontrail -b` when asked and the journal
// can be read (on the kiosk), else the exhibit's own recent warnings and errors.
std::string export_log_text(const std::vector<std::string>& ring_lines, bool use_journal);

// The file carbontrail-update is given: the newest *.deb or *.sqlite at the top of the stick;
// empty when there is none.
std::filesystem::path find_update_file(const std::filesystem::path& dir);

} // namespace ctrail::admin
