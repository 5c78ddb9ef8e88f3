// Admin mode's state inside the app: which page, the PIN being typed and its back-off, the
// jobs on the worker (the PIN check, system actions), and each page's draft values.
// Drawn by screen_admin.cpp, driven by admin_mode.cpp.
#pragma once

#include "admin.hpp"
#include "admin_gesture.hpp"
#include "pin_backoff.hpp"
#include "worker.hpp"

#include <imgui.h>

#include <ctime>
#include <string>
#include <vector>

namespace ctrail::ui {

enum class AdminPage { Off, Pin, Menu, Status, TouchTest, Calibrate, Settings, Year, Clock };
// "off", "pin", "menu", ... (stable: the state file and tests use them)
const char* admin_page_name(AdminPage page);

struct AdminUi {
    static constexpr double kIdleExitS = 60;      // leaves by itself after a minute untouched
    static constexpr double kCalibrationMm = 100; // the marks' distance by the current size

    AdminGesture gesture;
    PinBackoff backoff;
    AdminPage page = AdminPage::Off;
    std::string pin; // digits typed so far
    JobSlot<bool> pin_job;
    JobSlot<std::string> action_job;
    std::string running; // the action the job runs ("export", "reboot", ...)
    std::string result;  // the last outcome for the state file: "export:ok", "reboot:failed"
    const char* message = nullptr; // text key of the calm line under the title
    std::string detail;            // the system's reason, when something failed
    const char* confirm = nullptr; // "reboot" | "power_off" waiting for Yes
    double last_touch = 0;
    // The tap that opened admin mode is still down: it must not also press what is under it.
    bool wait_release = false;
    double info_at = -1e9;
    AdminInfo info;
    AdminVisitFigures visits;
    bool visits_known = false;
    std::vector<ImVec2> touches; // touch test: the latest points
    bool mark_touched[2] = {false, false};
    double measured_mm = kCalibrationMm; // calibrate: what the ruler says
    int draft_idle_s = 60;               // the settings page's values until Save
    std::string draft_language, draft_home;
    int draft_year = 0; // the year page's choice until Save
    std::time_t clock_draft = 0;

    bool active() const { return page != AdminPage::Off; }
};

} // namespace ctrail::ui
