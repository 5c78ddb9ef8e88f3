// Admin mode's platform side: fills ui::AdminHooks from firmware/admin (PIN check, system
// actions, settings.conf, the USB export, per-boot records), keeps the log ring and frame times,
// and decides from the opening hours when the display is off. Owned by the Session, it outlives
// the app (whose worker thread calls the hooks).
#pragma once

#include "run_config.hpp"

#include "admin/frame_stats.hpp"
#include "admin/log_ring.hpp"
#include "admin/system_actions.hpp"

#include <atomic>
#include <ctime>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace ctrail::platform {

class AdminPlatform {
  public:
    // The kiosk runs the real system actions; a window or a headless run only records them
    // (a developer's machine is never rebooted by a test).
    explicit AdminPlatform(const RunConfig& config);
    ~AdminPlatform();
    AdminPlatform(const AdminPlatform&) = delete;
    AdminPlatform& operator=(const AdminPlatform&) = delete;

    ui::AdminHooks hooks();
    // Local wall time at app time now_s: the system clock, or (headless) --clock plus now_s.
    std::time_t wall(double now_s) const;
    std::time_t wall_now() const { return wall(last_now_); } // at the last frame
    // Outside the opening hours (checked at most once a second).
    bool display_off(double now_s);
    void frame_done(double now_s, double ms) { frames_.add(now_s, ms); }
    bool restart_requested() const { return restart_; }
    // The test double, when this run records instead of acting (else nullptr).
    const admin::RecordingActions* recording() const { return recording_; }

  private:
    std::string run_action(ui::AdminAction action);
    std::string save(const ui::AdminSettings& settings);
    std::string set_time(std::time_t local_time);
    ui::AdminInfo info();

    // Copied from the run's config: this object owns what its hooks read.
    admin::PinCheck pin_;
    kiosk::OpeningHours hours_;
    std::optional<std::time_t> clock_start_;
    std::filesystem::path data_dir_; // empty: nothing is saved
    bool real_system_ = false;
    std::atomic<bool> restart_{false};
    std::unique_ptr<admin::SystemActions> actions_;
    admin::RecordingActions* recording_ = nullptr;
    admin::LogRing ring_;
    admin::FrameStats frames_;
    int starts_this_boot_ = -1;
    std::string boot_id_;
    std::atomic<long long> clock_offset_{0}; // headless: simulated clock's start, moved by set_time
    std::atomic<double> last_now_{0};        // app time of the last frame (read by the worker)
    double display_checked_ = -1e9;
    bool display_off_ = false;
};

} // namespace ctrail::platform
