// Hostile input for the exhibit (issue 13): damaged model databases and assets made at test
// time from the bundled ones, and the three runs every case is judged by: the headless exhibit
// in English and in Chinese (the resting screen, its state file, the log), and the kiosk loop
// with a fake systemd NOTIFY_SOCKET (READY with the reason, WATCHDOG=1 kept coming).
#pragma once

#include "virtual_display.hpp"

#include <string>
#include <sys/types.h>
#include <vector>

namespace hostile {

// ---- damaged model databases (each a fresh file in `dir`; returns its path) ----
std::string copy_model(const std::string& dir, const std::string& name);
void exec_sql(const std::string& path, const std::string& sql);
// Writes one double into a stored matrix ("Z", "Y", "F", "FY") at element `index`.
void write_matrix_value(const std::string& path, const std::string& matrix, long index,
                        double value);
// Overwrites 16 bytes inside a data page of the stored matrix Z with 0xFF, found by searching
// the file for Z's own bytes: whatever the alignment, one whole double becomes a NaN.
void flip_bytes_in_z_page(const std::string& path);
// Shortens the file to `fraction` of its size.
void truncate_file(const std::string& path, double fraction);
// A sparse file of `bytes` zero bytes (no disk space used).
void sparse_file(const std::string& path, long long bytes);

// ---- an assets folder (content/, text/, map/, fonts/) whose files link to the build's ----
// Returns DIR/assets; replace a file there to damage just that one.
std::string linked_assets(const std::string& dir);
std::string build_assets_dir();

// ---- a private X server: e2e::VirtualDisplay (virtual_display.hpp) ----
using e2e::VirtualDisplay;

// ---- runs ----
// Whether the exhibit runs as root: chmod proves nothing then, so the unreadable case runs the
// exhibit as `nobody` (setpriv), the unprivileged user the service really runs as.
bool running_as_root();
struct Run {
    int exit_code = -1;
    std::string log;
};
// carbontrail with these arguments (SDL dummy video), output to DIR/NAME.log.
Run run_exhibit(const std::vector<std::string>& args, const std::string& dir,
                const std::string& name, bool as_nobody = false);
// ctrail with these arguments; log = stdout and stderr together.
Run run_ctrail(const std::vector<std::string>& args, const std::string& dir,
               const std::string& name, bool as_nobody = false);

// The whole judgement of one hostile case: `args` (model/assets options) must put the exhibit
// on the resting screen in both languages with `reason` in the state, in the log's "exhibit
// unavailable" line, and in the kiosk loop's READY status, with frames drawn and WATCHDOG=1 sent
// throughout. Runs CHECKs; returns the reason line the log gave (for the report).
std::string expect_resting(const std::string& dir, const std::vector<std::string>& args,
                           const std::string& reason, bool as_nobody = false);
// `ctrail info FILE` exits 1 with one stderr line naming the file and `problem`.
void expect_info_error(const std::string& dir, const std::string& file, const std::string& problem,
                       bool as_nobody = false);

} // namespace hostile
