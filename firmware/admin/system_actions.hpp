// What admin mode asks of the operating system, through one small interface: the exhibit runs
// SystemdActions (systemctl / timedatectl over D-Bus, allowed for the service user by the
// polkit rule the package ships), tests run RecordingActions, which only records the calls.
#pragma once

#include <atomic>
#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

namespace ctrail::admin {

class SystemActions {
  public:
    virtual ~SystemActions() = default;
    // Each returns false with `error` set when the system refused (logged by the caller).
    // Restart: the exhibit leaves its loop and exits 0; systemd's Restart=always starts it again.
    virtual bool restart_exhibit(std::string& error) = 0;
    virtual bool reboot(std::string& error) = 0;
    virtual bool power_off(std::string& error) = 0;
    // local_time: "YYYY-MM-DD HH:MM:SS" in the machine's time zone.
    virtual bool set_time(const std::string& local_time, std::string& error) = 0;
    // carbontrail-update FILE (curator's script: installs, keeps the previous, rolls back).
    virtual bool install_update(const std::filesystem::path& file, std::string& error) = 0;
};

// Runs argv (argv[0] looked up in PATH) and waits; false with `error` (the command, its exit
// status and the last lines it printed) unless it exits 0.
bool run_command(const std::vector<std::string>& argv, std::string& error);
// A path as a unit instance name, as `systemd-escape --path` writes it
// ("/media/carbontrail-usb/ct 2.deb" -> "media-carbontrail\x2dusb-ct\x202.deb").
std::string systemd_escape_path(const std::string& path);

class SystemdActions : public SystemActions {
  public:
    // restart_exhibit() sets this; the run loop checks it every frame.
    explicit SystemdActions(std::atomic<bool>& restart_requested)
        : restart_requested_(restart_requested) {}
    bool restart_exhibit(std::string& error) override;
    bool reboot(std::string& error) override;
    bool power_off(std::string& error) override;
    bool set_time(const std::string& local_time, std::string& error) override;
    bool install_update(const std::filesystem::path& file, std::string& error) override;

  private:
    std::atomic<bool>& restart_requested_;
};

// The test double: records "reboot", "set_time 2026-01-02 03:04:05", ...; fails on request.
class RecordingActions : public SystemActions {
  public:
    bool fail = false;
    std::vector<std::string> calls() const {
        std::lock_guard lock(mutex_);
        return calls_;
    }
    bool restart_exhibit(std::string& error) override { return record("restart_exhibit", error); }
    bool reboot(std::string& error) override { return record("reboot", error); }
    bool power_off(std::string& error) override { return record("power_off", error); }
    bool set_time(const std::string& t, std::string& error) override {
        return record("set_time " + t, error);
    }
    bool install_update(const std::filesystem::path& f, std::string& error) override {
        return record("install_update " + f.string(), error);
    }

  private:
    bool record(std::string call, std::string& error) {
        std::lock_guard lock(mutex_);
        calls_.push_back(std::move(call));
        if (fail) error = "refused by the test double";
        return !fail;
    }
    mutable std::mutex mutex_;
    std::vector<std::string> calls_;
};

} // namespace ctrail::admin
