// DATA_DIR/settings.conf: what staff change in admin mode (idle timeout, default language, home
// province, the calibrated panel size, the trail's model year). Same `key = value` syntax as
// kiosk.conf; read after it and wins over it. Written atomically (atomic_file.hpp).
#pragma once

#include "admin/atomic_file.hpp"
#include "kiosk/kiosk_config.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ctrail::admin {

inline constexpr const char* kSettingsFile = "settings.conf";

// Unset = the kiosk config decides.
struct Settings {
    std::optional<int> idle_timeout_s;
    std::optional<std::string> language;
    std::optional<std::string> home_region; // "" = none first
    std::optional<double> panel_width_mm, panel_height_mm;
    std::optional<int> model_year; // the year the trail runs in (kiosk_config.hpp)
};

struct LoadedSettings {
    Settings settings;
    std::vector<kiosk::ConfigWarning> warnings; // file and line, like the kiosk config's
};

// The keys settings.conf may hold; any other key is a warning (and ignored).
const std::vector<std::string>& settings_keys();

// Validated with the kiosk config's own rules (ranges, codes).
LoadedSettings parse_settings(std::string_view text, const std::string& file_name);
// A missing file is no warning (nothing was changed yet).
LoadedSettings load_settings(const std::filesystem::path& path);
std::string settings_to_text(const Settings& settings);
// Atomically (atomic_file.hpp); false with a message for the admin page ("... the disk is full").
bool save_settings(const std::filesystem::path& path, const Settings& settings, std::string& error,
                   FileSteps& steps = system_file_steps());

// The settings over a kiosk config.
void apply_settings(const Settings& settings, kiosk::KioskConfig& config);

} // namespace ctrail::admin
