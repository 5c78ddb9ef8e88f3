#include "admin_platform.hpp"
#include "visits/clock_trust.hpp"

#include "log.hpp"

#include "admin/admin_pin.hpp"
#include "admin/boot_record.hpp"
#include "admin/settings_file.hpp"
#include "admin/usb_export.hpp"
#include "kiosk/data_dir.hpp"
#include "kiosk/kiosk_log.hpp"
#include "kiosk/opening_hours.hpp"
#include "visits/clock_trust.hpp"

#include <cstdlib>
#include <fstream>

namespace fs = std::filesystem;

namespace ctrail::platform {

namespace {

std::string now_hms() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%H:%M:%S", &tm);
    return buf;
}

double machine_uptime() {
    std::ifstream in("/proc/uptime");
    double s = 0;
    in >> s;
    return s;
}

} // namespace

AdminPlatform::AdminPlatform(const RunConfig& config)
    : pin_(config.pin), hours_(config.opening_hours), clock_start_(config.clock_start) {
    real_system_ = config.mode == RunMode::Kiosk;
    if (real_system_) {
        actions_ = std::make_unique<admin::SystemdActions>(restart_);
    } else {
        auto r = std::make_unique<admin::RecordingActions>();
        recording_ = r.get();
        actions_ = std::move(r);
    }
    if (!config.data_dir.empty())
        data_dir_ = kiosk::resolve_data_dir(config.data_dir, kiosk::kDefaultDataDir);
    kiosk::log_set_observer([this](kiosk::LogLevel level, std::string_view message) {
        ring_.add(int(level), now_hms(), message);
    });
    boot_id_ = admin::read_boot_id();
    if (!data_dir_.empty()) {
        std::string error;
        std::error_code ec;
        fs::create_directories(data_dir_, ec);
        starts_this_boot_ = admin::count_start(data_dir_ / admin::kStartsFile, boot_id_, error);
        if (starts_this_boot_ < 0) log_line(4, "cannot count exhibit starts: " + error);
    }
    clock_offset_ = config.clock_start ? (long long)*config.clock_start : 0;
}

AdminPlatform::~AdminPlatform() {
    kiosk::log_set_observer(nullptr);
}

std::time_t AdminPlatform::wall(double now_s) const {
    if (!clock_start_) return std::time(nullptr);
    return std::time_t(clock_offset_.load() + (long long)now_s);
}

bool AdminPlatform::display_off(double now_s) {
    last_now_ = now_s;
    if (now_s - display_checked_ < 1 && now_s >= display_checked_) return display_off_;
    display_checked_ = now_s;
    display_off_ = !kiosk::is_open_at(hours_, (long long)wall(now_s));
    return display_off_;
}

ui::AdminHooks AdminPlatform::hooks() {
    ui::AdminHooks h;
    if (pin_.kind == admin::PinCheck::Kind::none) return h; // admin mode off
    h.verify_pin = [check = pin_](const std::string& pin) { return admin::verify_pin(check, pin); };
    h.info = [this] { return info(); };
    h.act = [this](ui::AdminAction a) { return run_action(a); };
    h.save_settings = [this](const ui::AdminSettings& s) { return save(s); };
    h.set_time = [this](std::time_t t) { return set_time(t); };
    return h;
}

ui::AdminInfo AdminPlatform::info() {
    ui::AdminInfo in;
    in.version = CTRAIL_VERSION;
    in.build_date = CTRAIL_BUILD_DATE;
    in.uptime_s = machine_uptime();
    in.restarts_since_boot = starts_this_boot_ > 0 ? starts_this_boot_ - 1 : -1;
    const admin::FrameSummary f = frames_.summary(last_now_);
    in.frame_median_ms = f.median_ms;
    in.frame_worst_ms = f.worst_ms;
    std::error_code ec;
    if (!data_dir_.empty()) {
        const fs::space_info sp = fs::space(data_dir_, ec);
        if (!ec) in.free_bytes = (long long)sp.available;
    }
    in.log_lines = ring_.lines();
    in.now = wall(last_now_);
    // The same rule the visit records use: synchronised, or set in admin mode this boot.
    in.clock_trusted = visits::clock_trusted(visits::ClockTrustPaths::from_environment(data_dir_));
    return in;
}

std::string AdminPlatform::run_action(ui::AdminAction a) {
    std::string error;
    const char* test_double = recording_ ? " (recorded by the test double, not done)" : "";
    switch (a) {
    case ui::AdminAction::restart_exhibit:
        log_line(5, std::string("admin: restarting the exhibit") + test_double);
        return actions_->restart_exhibit(error) ? "" : error;
    case ui::AdminAction::reboot:
        log_line(5, std::string("admin: reboot") + test_double);
        return actions_->reboot(error) ? "" : error;
    case ui::AdminAction::power_off:
        log_line(5, std::string("admin: power off") + test_double);
        return actions_->power_off(error) ? "" : error;
    case ui::AdminAction::export_usb: {
        const admin::ExportResult r = admin::export_to_usb(
            admin::usb_dir(), data_dir_.empty() ? fs::path() : data_dir_ / "visits.sqlite",
            admin::export_log_text(ring_.lines(), real_system_), wall(last_now_));
        if (r.ok) log_line(5, "admin: exported to " + r.folder.string());
        return r.ok ? "" : r.error;
    }
    case ui::AdminAction::install_update: {
        const fs::path dir = admin::usb_dir();
        if (!admin::usb_present(dir))
            return "no USB stick labelled CTRAIL is mounted at " + dir.string();
        const fs::path file = admin::find_update_file(dir);
        if (file.empty()) return "no .deb or .sqlite file at the top of the USB stick";
        log_line(5, "admin: carbontrail-update " + file.string() + test_double);
        return actions_->install_update(file, error) ? "" : error;
    }
    }
    return "unknown action";
}

std::string AdminPlatform::save(const ui::AdminSettings& s) {
    if (data_dir_.empty()) return "no data folder: the settings cannot be saved";
    const fs::path file = data_dir_ / admin::kSettingsFile;
    // Over what the file holds: the settings page and the screen-size page save separately.
    admin::Settings out = admin::load_settings(file).settings;
    if (s.idle_timeout_s) out.idle_timeout_s = *s.idle_timeout_s;
    if (s.language) out.language = *s.language;
    if (s.home_region) out.home_region = *s.home_region;
    if (s.model_year) out.model_year = *s.model_year;
    if (s.panel_width_mm) out.panel_width_mm = *s.panel_width_mm;
    if (s.panel_height_mm) out.panel_height_mm = *s.panel_height_mm;
    std::string error;
    if (!admin::save_settings(file, out, error)) return error;
    log_line(5, "admin: settings saved to " + file.string());
    return "";
}

std::string AdminPlatform::set_time(std::time_t t) {
    std::tm tm{};
    localtime_r(&t, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &tm);
    std::string error;
    if (!actions_->set_time(text, error)) return error;
    if (clock_start_) clock_offset_ = (long long)t - (long long)last_now_;
    log_line(5, std::string("admin: clock set to ") + text +
                    (recording_ ? " (recorded by the test double)" : ""));
    if (data_dir_.empty()) return "";
    if (!admin::write_clock_marker(data_dir_ / admin::kClockMarkerFile, boot_id_, error))
        log_line(4, "admin: " + error);
    return "";
}

} // namespace ctrail::platform
