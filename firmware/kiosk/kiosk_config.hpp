// The kiosk's configuration: a small key = value file (default /etc/carbontrail/kiosk.conf,
// documented in firmware/config/kiosk.conf). Parsing is never fatal: every unknown key, bad
// value or malformed line becomes a warning naming the file, the line and the default used, and
// the exhibit starts with the rest.
//
// What firmware/main.cpp must do with it:
//   1. auto loaded = ctrail::kiosk::load_config(path);   // path from --config, else
//   kDefaultConfigPath
//   2. log every loaded.warnings[i].text() at LogLevel::warning (kiosk_log.hpp), then
//      log_set_level(loaded.config.log_level);
//   3. use config.rotation with touch_rotation.hpp (render to a texture, rotate touches),
//      config.panel_*_mm with the display's real pixel size for touch-target sizing
//      (pixels_per_mm), config.idle_timeout_s, config.language, config.model_path,
//      config.assets_dir, config.data_dir (through data_dir.hpp), config.drm_device (through
//      drm_device.hpp: choose_drm_device -> SDL_HINT_KMSDRM_DEVICE_INDEX).
//   Command-line options given explicitly override the file (the program's own choice).
#pragma once

#include "kiosk/kiosk_log.hpp"
#include "kiosk/opening_hours.hpp"
#include "kiosk/touch_rotation.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace ctrail::kiosk {

inline constexpr const char* kDefaultConfigPath = "/etc/carbontrail/kiosk.conf";

// A display the exhibit knows: its native mode and the physical size of its active area.
struct PanelPreset {
    const char* name; // value of the `panel` key
    int width_px;     // native mode, landscape
    int height_px;
    double width_mm; // active (visible) area
    double height_mm;
    const char* description;
};

// pi-7inch: Raspberry Pi Touch Display (7", 800x480, 154.2 x 85.9 mm visible area).
// 15.6inch: a common 15.6" 16:9 1920x1080 touch monitor (344.2 x 193.6 mm).
const std::vector<PanelPreset>& panel_presets();
const PanelPreset* find_panel_preset(std::string_view name);

struct KioskConfig {
    // Panel: the preset sets all four numbers; panel_width_mm / panel_height_mm override its
    // physical size (for a display that is not a preset). Sizes are of the panel in its native
    // (unrotated) orientation.
    std::string panel = "pi-7inch";
    int panel_width_px = 800; // expected native mode; the real mode reported by SDL wins
    int panel_height_px = 480;
    double panel_width_mm = 154.2;
    double panel_height_mm = 85.9;

    Rotation rotation = Rotation::deg0; // clockwise turn of the picture on the panel
    int idle_timeout_s = 60;            // 10..3600: seconds without a touch before reset
    std::string language = "en";        // en | zh: language after every reset
    std::string home_region;            // the museum's province code ("SH"); empty = none
    // The year the trail runs in: china-<year>.sqlite beside `model_path` (model_years()).
    int model_year = 2007;
    // The admin PIN as `carbontrail --hash-pin` prints it ($argon2id$...); empty = admin mode
    // off unless the deprecated admin_pin_sha256 (64 lowercase hex digits) is set.
    std::string admin_pin;
    std::string admin_pin_sha256;
    OpeningHours opening_hours; // when the display is lit (default: always)
    std::filesystem::path model_path = "/usr/share/carbontrail/model/china-2007.sqlite";
    std::filesystem::path assets_dir = "/usr/share/carbontrail";
    std::filesystem::path data_dir = "/var/lib/carbontrail"; // the ONLY place the exhibit writes
    LogLevel log_level = LogLevel::info;
    std::string drm_device = "auto"; // auto | a /dev/dri/... path | a card index "0", "1"
    int visits_retention_days = 400; // visits.sqlite keeps this many days of visits

    // Pixels per millimetre on the panel for a real mode of width_px x height_px (native
    // orientation), from the configured physical size; the smaller of the two axes' values.
    double pixels_per_mm(int width_px, int height_px) const;
    // The same, for the configured panel_width_px x panel_height_px.
    double pixels_per_mm() const { return pixels_per_mm(panel_width_px, panel_height_px); }
};

// The bundled model years (china-<year>.sqlite): the big picture's year switch, model_year.
const std::vector<int>& model_years();
bool is_model_year(int year);

// A model region code as regions.csv writes them: 2 or 3 capital letters ("SH", "ROW"). Whether
// the model has it is checked by the exhibit once the model is open.
bool is_region_code(std::string_view code);

struct ConfigWarning {
    std::string file; // as given to parse_config / load_config
    int line = 0;     // 1-based; 0 when not tied to a line (e.g. the file is missing)
    std::string problem;
    // "kiosk.conf:7: rotation: '45' is not 0, 90, 180 or 270; using the default 0"
    std::string text() const;
};

struct LoadedConfig {
    KioskConfig config;
    std::vector<ConfigWarning> warnings;
};

// Parses the text of a config file. Lines: `key = value`, `# comment`, blank; a '#' after
// white space starts a comment. Keys are case-sensitive; values are trimmed; a later duplicate
// key wins (with a warning); `panel` applies first, so panel_*_mm override the preset anywhere.
LoadedConfig parse_config(std::string_view text, const std::string& file_name = "kiosk.conf");

// Reads and parses a file. A missing or unreadable file gives the defaults and one warning.
LoadedConfig load_config(const std::filesystem::path& path);

// The keys parse_config knows, in the order firmware/config/kiosk.conf documents them.
const std::vector<std::string>& config_keys();

} // namespace ctrail::kiosk
