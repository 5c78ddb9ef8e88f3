// Admin mode's door to the platform: what the admin screens show and what they may ask for. The
// UI draws and decides nothing about the system; firmware/ fills these hooks (PIN check, system
// actions, settings file, facts about the machine). An empty verify_pin = admin mode off.
#pragma once

#include <ctime>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ctrail::ui {

// Visits as analytics counts them (firmware/visits); -1 = not recorded.
struct AdminVisitFigures {
    int today = -1;
    int this_week = -1;
    std::vector<std::pair<std::string, int>> top_products; // content id, visits
};

// Facts the status page shows, gathered by the platform (about once a second).
struct AdminInfo {
    std::string version, build_date;
    double uptime_s = 0;          // the machine's
    int restarts_since_boot = -1; // exhibit starts this boot minus one; -1 unknown
    double frame_median_ms = 0, frame_worst_ms = 0; // the last minute
    long long free_bytes = -1;                      // in the data folder; -1 unknown
    std::vector<std::string> log_lines;             // the last warnings and errors, oldest first
    std::time_t now = 0;                            // the system clock
    bool clock_trusted = false;                     // synchronised, or set in admin mode
};

enum class AdminAction { restart_exhibit, reboot, power_off, export_usb, install_update };

// What admin mode changes (saved to DATA_DIR/settings.conf by the platform, over what the file
// already holds): the settings page sets the first three, the screen-size page the last two.
struct AdminSettings {
    std::optional<int> idle_timeout_s;
    std::optional<std::string> language;
    std::optional<std::string> home_region; // "" = none
    std::optional<int> model_year;          // the year the trail runs in (applies at a restart)
    std::optional<float> panel_width_mm, panel_height_mm;
};

struct AdminHooks {
    // Slow by design (a salted argon2id hash): called on the app's worker thread.
    std::function<bool(const std::string& pin)> verify_pin;
    std::function<AdminInfo()> info; // UI thread; must be quick
    // Worker thread; each returns "" when done, else the reason it failed (shown calmly).
    std::function<std::string(AdminAction)> act;
    std::function<std::string(const AdminSettings&)> save_settings;
    std::function<std::string(std::time_t local_time)> set_time;
};

} // namespace ctrail::ui
