// Admin mode's logic: the hidden gesture, entering (ending a visit in progress) and leaving
// (by Leave or a minute untouched), the PIN check and system actions on the worker, and applying
// saved settings at once. Drawing is in screen_admin.cpp.
#include "app_internal.hpp"

namespace ctrail::ui {

const char* admin_page_name(AdminPage page) {
    switch (page) {
    case AdminPage::Off:
        return "off";
    case AdminPage::Pin:
        return "pin";
    case AdminPage::Menu:
        return "menu";
    case AdminPage::Status:
        return "status";
    case AdminPage::TouchTest:
        return "touch_test";
    case AdminPage::Calibrate:
        return "calibrate";
    case AdminPage::Settings:
        return "settings";
    case AdminPage::Year:
        return "year";
    case AdminPage::Clock:
        return "clock";
    }
    return "off";
}

void ExhibitApp::Impl::admin_input() {
    const ImGuiIO& io = ImGui::GetIO();
    const bool down = io.MouseDown[0];
    const ImVec2 p = io.MousePos;
    const float w = std::max(1.f, io.DisplaySize.x), h = std::max(1.f, io.DisplaySize.y);
    if (admin.active()) {
        // Blocked through the release frame too: ImGui presses a button on release.
        if (!down && !io.MouseReleased[0]) admin.wait_release = false;
        if (io.MouseClicked[0]) admin.last_touch = now;
        if (now - admin.last_touch >= AdminUi::kIdleExitS && !admin.pin_job.busy() &&
            !admin.action_job.busy()) {
            log(6, "admin mode: left after " + std::to_string(int(AdminUi::kIdleExitS)) +
                       " s untouched");
            leave_admin();
        }
        return;
    }
    // No PIN configured: admin mode is off and the gesture does nothing.
    if (!config.admin.verify_pin) return;
    if (admin.gesture.update(now, down, p.x / w, p.y / h)) enter_admin();
}

void ExhibitApp::Impl::enter_admin() {
    // A visitor's journey in progress ends here (visit end reason: admin).
    if (visit_in_progress()) end_visit(VisitEnd::Admin);
    admin.page = AdminPage::Pin;
    admin.wait_release = true;
    admin.pin.clear();
    admin.message = nullptr;
    admin.detail.clear();
    admin.confirm = nullptr;
    admin.last_touch = now;
    log(5, "admin mode: PIN pad opened");
}

void ExhibitApp::Impl::leave_admin() {
    admin.page = AdminPage::Off;
    admin.pin.clear();
    admin.pin_job.cancel();
    admin.confirm = nullptr;
    admin.message = nullptr;
    admin.detail.clear();
    admin.touches.clear();
    // Back to the sleeping attract screen (the visit ended on entering), in the default language.
    journey.set_language(journey.config().language);
    screen_at = now;
    transition_until(now + 0.6);
}

void ExhibitApp::Impl::refresh_admin_info(bool force) {
    if (!force && now - admin.info_at < 1) return;
    admin.info_at = now;
    if (config.admin.info) admin.info = config.admin.info();
    admin.visits_known = bool(config.visit_figures);
    if (config.visit_figures) admin.visits = config.visit_figures();
}

void ExhibitApp::Impl::submit_pin() {
    if (admin.pin.empty() || admin.pin_job.busy()) return;
    if (!admin.backoff.can_try(now)) return;
    admin.pin_job.start(worker,
                        [check = config.admin.verify_pin, pin = admin.pin] { return check(pin); });
    admin.message = "admin.pin.checking";
}

void ExhibitApp::Impl::admin_action(const char* name, std::function<std::string()> job) {
    if (admin.action_job.busy()) return;
    admin.running = name;
    admin.message = "admin.working";
    admin.detail.clear();
    admin.action_job.start(worker, std::move(job));
}

void ExhibitApp::Impl::apply_admin_settings(const AdminSettings& s) {
    // At once: the next visit uses them (the panel size needs a restart: fonts are built for it).
    JourneyConfig jc = journey.config();
    if (s.idle_timeout_s) config.idle_timeout_s = jc.idle_timeout_s = *s.idle_timeout_s;
    if (s.language) config.language = jc.language = *s.language;
    journey.set_config(jc);
    if (s.home_region) {
        config.home_region = *s.home_region;
        home = -1;
        if (model && !s.home_region->empty()) {
            const int r = model->find_region(*s.home_region);
            if (r >= 0 && !model->regions()[r].external) home = r;
        }
    }
}

void ExhibitApp::Impl::poll_admin_jobs() {
    if (auto r = admin.pin_job.poll()) {
        admin.pin.clear();
        const bool right = r->value && *r->value;
        if (!r->error.empty()) log(3, "admin PIN check failed: " + r->error);
        if (right) {
            admin.backoff.right();
            admin.page = AdminPage::Menu;
            admin.message = nullptr;
            refresh_admin_info(true);
            log(5, "admin mode: entered");
        } else {
            admin.backoff.wrong(now);
            admin.message = admin.backoff.can_try(now) ? "admin.pin.wrong" : "admin.pin.wait";
            log(4, "admin mode: wrong PIN (" + std::to_string(admin.backoff.wrong_in_a_row()) +
                       " in a row)");
        }
    }
    if (auto r = admin.action_job.poll()) {
        const std::string error = r->value ? *r->value : r->error;
        const bool ok = r->value && r->value->empty();
        admin.result = admin.running + (ok ? ":ok" : ":failed");
        admin.message = ok ? "admin.done" : "admin.failed";
        admin.detail = ok ? "" : error;
        if (ok)
            log(5, "admin: " + admin.running + " done");
        else
            log(3, "admin: " + admin.running + " failed: " + error);
        refresh_admin_info(true);
    }
}

} // namespace ctrail::ui
