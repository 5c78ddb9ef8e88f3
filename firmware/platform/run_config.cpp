#include "run_config.hpp"

#include "log.hpp"

#include "admin/settings_file.hpp"
#include "kiosk/data_dir.hpp"
#include "kiosk/kiosk_config.hpp"
#include "kiosk/kiosk_log.hpp"
#include "kiosk/touch_rotation.hpp"

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <vector>

namespace fs = std::filesystem;

namespace ctrail::platform {

namespace {

std::string exe_dir() {
    std::error_code ec;
    fs::path p = fs::read_symlink("/proc/self/exe", ec);
    return ec ? std::string() : p.parent_path().string();
}

// Whether there is an entry of that name. A link counts even when it is broken or loops: the
// open then names the file and the problem (the resting screen), where fs::exists would throw
// on a loop and end the program.
bool present(const fs::path& p) {
    std::error_code ec;
    return fs::symlink_status(p, ec).type() != fs::file_type::not_found && !ec;
}

// The first candidate that exists (with `probe` inside it when given), else the last one (so
// the error message names the build or source tree location a developer expects).
std::string first_existing(const std::vector<std::string>& candidates,
                           const std::string& probe = "") {
    for (const auto& c : candidates)
        if (!c.empty() && present(probe.empty() ? c : c + "/" + probe)) return c;
    return candidates.empty() ? "" : candidates.back();
}

} // namespace

ui::FontFiles find_fonts(const std::string& assets_dir) {
    std::vector<fs::path> dirs;
    if (const char* env = std::getenv("CTRAIL_FONT_DIR"); env && *env) dirs.emplace_back(env);
    if (!assets_dir.empty()) dirs.push_back(fs::path(assets_dir) / "fonts");
    if (const std::string exe = exe_dir(); !exe.empty())
        dirs.push_back(fs::path(exe).parent_path() / "share/carbontrail/fonts");
    dirs.emplace_back(CTRAIL_BUILD_FONT_DIR);
    dirs.emplace_back(CTRAIL_INSTALL_FONT_DIR);
    std::error_code ec;
    for (const fs::path& d : dirs) {
        if (!fs::exists(d / "exhibit.ttf", ec)) continue;
        ui::FontFiles f;
        f.regular = (d / "exhibit.ttf").string();
        if (fs::exists(d / "exhibit-bold.ttf", ec)) f.bold = (d / "exhibit-bold.ttf").string();
        if (fs::exists(d / "exhibit-fallback.ttf", ec))
            f.fallback = (d / "exhibit-fallback.ttf").string();
        return f;
    }
    // Nothing found: load_fonts reports this path and uses ImGui's built-in font.
    return ui::FontFiles{(dirs.front() / "exhibit.ttf").string(), "", ""};
}

RunConfig resolve_run_config(const Options& o) {
    RunConfig s;
    s.mode = o.headless ? RunMode::Headless : o.size ? RunMode::Window : RunMode::Kiosk;
    std::string model = o.model, assets = o.assets_dir, lang = o.lang, home = o.home_region;
    std::string config_model; // the config's `model`: its folder holds the other years
    int model_year = 2007;
    std::optional<double> idle = o.idle_timeout;
    std::optional<int> rotation = o.rotation;
    std::optional<PanelMm> panel = o.panel_mm;
    // Headless runs read a config only when asked to, so tests do not depend on the machine.
    std::string config_path = o.config;
    if (config_path.empty() && !o.headless && present(kiosk::kDefaultConfigPath))
        config_path = kiosk::kDefaultConfigPath;
    kiosk::LoadedConfig loaded;
    if (!config_path.empty()) {
        loaded = kiosk::load_config(config_path);
        for (const auto& w : loaded.warnings) kiosk::log_warning(w.text());
        kiosk::log_set_level(loaded.config.log_level);
        s.data_dir = loaded.config.data_dir.string();
    }
    if (!o.data_dir.empty()) s.data_dir = o.data_dir;
    // Admin mode's settings.conf in the data folder, read after the kiosk config: it wins.
    if (!s.data_dir.empty()) {
        const fs::path file =
            kiosk::resolve_data_dir(s.data_dir, kiosk::kDefaultDataDir) / admin::kSettingsFile;
        admin::LoadedSettings settings = admin::load_settings(file);
        for (const auto& w : settings.warnings) kiosk::log_warning(w.text());
        admin::apply_settings(settings.settings, loaded.config); // read below with the config
        if (config_path.empty()) {
            const admin::Settings& t = settings.settings;
            if (!idle && t.idle_timeout_s) idle = *t.idle_timeout_s;
            if (lang.empty() && t.language) lang = *t.language;
            if (home.empty() && t.home_region) home = *t.home_region;
            if (t.model_year) model_year = *t.model_year;
            if (!panel && t.panel_width_mm && t.panel_height_mm)
                panel = PanelMm{float(*t.panel_width_mm), float(*t.panel_height_mm)};
        }
        if (present(file)) log_line(6, "settings: " + file.string());
    }
    if (!config_path.empty()) {
        const kiosk::KioskConfig& c = loaded.config;
        // `model` names the folder of the years; model_year (default 2007) picks the trail's.
        if (model.empty() && present(c.model_path)) config_model = c.model_path.string();
        model_year = c.model_year;
        if (assets.empty() && present(c.assets_dir)) assets = c.assets_dir.string();
        if (lang.empty()) lang = c.language;
        if (home.empty()) home = c.home_region;
        if (!idle) idle = c.idle_timeout_s;
        if (!rotation) rotation = kiosk::degrees(c.rotation);
        if (!panel) panel = PanelMm{float(c.panel_width_mm), float(c.panel_height_mm)};
        s.visits_retention_days = c.visits_retention_days;
        s.platform.drm_device = c.drm_device;
        s.pin = admin::pin_check_from_config(c.admin_pin, c.admin_pin_sha256);
        s.opening_hours = c.opening_hours;
        log_line(6, "config: " + config_path);
    }
    if (!o.log_level.empty()) {
        if (auto level = kiosk::log_level_from_name(o.log_level))
            kiosk::log_set_level(*level);
        else
            throw UsageError("--log-level '" + o.log_level +
                             "': expected error, warning, notice, info or debug");
    }
    s.record_visits = !s.data_dir.empty() && (!o.headless || !o.data_dir.empty());
    // A model installed by carbontrail-update (docs/INSTALL-PI.md) wins over the config's.
    if (o.model.empty() && !s.data_dir.empty() && present(s.data_dir + "/model/current.sqlite"))
        model = s.data_dir + "/model/current.sqlite";
    if (!o.clock.empty()) {
        std::tm tm{};
        const char* end = strptime(o.clock.c_str(), "%Y-%m-%d %H:%M", &tm);
        if (!end || *end != '\0')
            throw UsageError("--clock '" + o.clock + "': expected \"YYYY-MM-DD HH:MM\"");
        tm.tm_isdst = -1;
        s.clock_start = std::mktime(&tm);
    } else if (o.headless) {
        s.clock_start = std::time(nullptr); // simulated: the wall clock follows the app clock
    }
    if (assets.empty()) {
        const std::string installed = exe_dir() + "/../share/carbontrail";
        if (present(installed + "/content")) assets = installed;
    }
    const std::string build = CTRAIL_BUILD_ASSETS_DIR, source = CTRAIL_SOURCE_ASSETS_DIR;
    ui::AppPaths& p = s.app.paths;
    // The years live side by side as china-<year>.sqlite: beside --model, else beside the
    // config's model, else in the install or build tree. model_year picks the trail's.
    const std::string year_file = "china-" + std::to_string(model_year) + ".sqlite";
    std::string years_dir =
        !o.model.empty() ? fs::path(o.model).parent_path().string()
        : !config_model.empty()
            ? fs::path(config_model).parent_path().string()
            : fs::path(first_existing({assets.empty() ? "" : assets + "/model/" + year_file,
                                       std::string(CTRAIL_BUILD_MODEL_DIR) + "/" + year_file}))
                  .parent_path()
                  .string();
    if (years_dir.empty()) years_dir = ".";
    // A config naming a model of its own (not one of the years) runs the trail in it.
    if (model.empty() && !config_model.empty() &&
        fs::path(config_model).filename().string().rfind("china-", 0) != 0)
        model = config_model;
    p.model = !model.empty() ? model : years_dir + "/" + year_file;
    for (int y : kiosk::model_years())
        p.years.push_back({y, years_dir + "/china-" + std::to_string(y) + ".sqlite"});
    p.content = first_existing({assets.empty() ? "" : assets + "/content", source + "/content"},
                               "products.tsv");
    p.text = first_existing(
        {assets.empty() ? "" : assets + "/text", build + "/text", source + "/text"}, "zh.tsv");
    // An assets folder with a map/ folder is the one used: a map missing from it is a damaged
    // install (the resting screen), not a reason to draw another tree's map.
    const std::string map_file = "/map/china-provinces.map";
    p.map = !assets.empty() && present(assets + "/map")
                ? assets + map_file
                : first_existing({build + map_file, source + map_file});
    p.fonts = find_fonts(assets);
    // A curator's changes on an installed Pi: DATA_DIR/text and DATA_DIR/content (CURATOR.md).
    if (!s.data_dir.empty()) {
        std::error_code ec;
        if (fs::is_directory(s.data_dir + "/text", ec)) p.text_override = s.data_dir + "/text";
        if (fs::is_directory(s.data_dir + "/content", ec))
            p.content_override = s.data_dir + "/content";
    }
    s.app.language = lang.empty() ? "en" : lang;
    s.app.home_region = home; // checked against the model when it is open (ExhibitApp::load)
    if (idle && *idle > 0) s.app.idle_timeout_s = *idle;
    if (panel) s.app.panel_width_mm = panel->width, s.app.panel_height_mm = panel->height;
    s.app.log = [](int level, const std::string& m) { log_line(level, m); };
    s.platform.headless = o.headless;
    s.platform.width = o.size ? o.size->width : 0;
    s.platform.height = o.size ? o.size->height : 0;
    s.platform.rotation_deg = rotation.value_or(0);
    s.platform.force_software = o.software;
    s.time_scale = o.time_scale;
    return s;
}

} // namespace ctrail::platform
