#include "admin/settings_file.hpp"

#include "admin/atomic_file.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace ctrail::admin {

namespace {

const std::vector<std::string> kKeys = {"idle_timeout_s", "language",        "home_region",
                                        "panel_width_mm", "panel_height_mm", "model_year"};

} // namespace

const std::vector<std::string>& settings_keys() {
    return kKeys;
}

LoadedSettings parse_settings(std::string_view text, const std::string& file_name) {
    LoadedSettings out;
    // The kiosk parser validates every value; a key outside the settings' few is refused here.
    std::string kept;
    std::istringstream in{std::string(text)};
    int n = 0;
    for (std::string line; std::getline(in, line);) {
        ++n;
        const auto eq = line.find('=');
        auto key = line.substr(0, eq == std::string::npos ? 0 : eq);
        key.erase(0, key.find_first_not_of(" \t"));
        key.erase(key.find_last_not_of(" \t") + 1);
        const bool comment = line.find_first_not_of(" \t") == std::string::npos ||
                             line[line.find_first_not_of(" \t")] == '#';
        if (!comment && eq != std::string::npos &&
            std::find(kKeys.begin(), kKeys.end(), key) == kKeys.end()) {
            out.warnings.push_back({file_name, n,
                                    "'" + key +
                                        "' cannot be set here (only idle_timeout_s, language, "
                                        "home_region, panel_width_mm, panel_height_mm, "
                                        "model_year); ignored"});
            line = "";
        }
        kept += line + "\n";
    }
    kiosk::LoadedConfig parsed = kiosk::parse_config(kept, file_name);
    for (auto& w : parsed.warnings) out.warnings.push_back(std::move(w));
    std::stable_sort(out.warnings.begin(), out.warnings.end(),
                     [](const auto& a, const auto& b) { return a.line < b.line; });
    // Which keys the file set (and validly: a rejected value leaves the default, so compare).
    const kiosk::KioskConfig& c = parsed.config;
    auto set_in_file = [&](const std::string& key) {
        std::istringstream again(kept);
        for (std::string line; std::getline(again, line);) {
            const auto eq = line.find('=');
            if (eq == std::string::npos) continue;
            std::string k = line.substr(0, eq);
            k.erase(0, k.find_first_not_of(" \t"));
            k.erase(k.find_last_not_of(" \t") + 1);
            if (k == key) return true;
        }
        return false;
    };
    auto rejected = [&](const std::string& key) {
        return std::any_of(out.warnings.begin(), out.warnings.end(),
                           [&](const auto& w) { return w.problem.rfind(key + ": '", 0) == 0; });
    };
    Settings& s = out.settings;
    auto usable = [&](const std::string& key) { return set_in_file(key) && !rejected(key); };
    if (usable("idle_timeout_s")) s.idle_timeout_s = c.idle_timeout_s;
    if (usable("language")) s.language = c.language;
    if (usable("home_region")) s.home_region = c.home_region;
    if (usable("panel_width_mm")) s.panel_width_mm = c.panel_width_mm;
    if (usable("panel_height_mm")) s.panel_height_mm = c.panel_height_mm;
    if (usable("model_year")) s.model_year = c.model_year;
    return out;
}

LoadedSettings load_settings(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return {};
    std::ostringstream text;
    text << in.rdbuf();
    return parse_settings(text.str(), path.string());
}

std::string settings_to_text(const Settings& s) {
    std::ostringstream out;
    out << "# Changed in the exhibit's admin mode; overrides kiosk.conf. Written by the exhibit.\n";
    if (s.idle_timeout_s) out << "idle_timeout_s = " << *s.idle_timeout_s << "\n";
    if (s.language) out << "language = " << *s.language << "\n";
    if (s.home_region) out << "home_region = " << *s.home_region << "\n";
    if (s.panel_width_mm) out << "panel_width_mm = " << *s.panel_width_mm << "\n";
    if (s.panel_height_mm) out << "panel_height_mm = " << *s.panel_height_mm << "\n";
    if (s.model_year) out << "model_year = " << *s.model_year << "\n";
    return out.str();
}

bool save_settings(const std::filesystem::path& path, const Settings& settings, std::string& error,
                   FileSteps& steps) {
    return write_file_atomically(path, settings_to_text(settings), error, steps);
}

void apply_settings(const Settings& s, kiosk::KioskConfig& c) {
    if (s.idle_timeout_s) c.idle_timeout_s = *s.idle_timeout_s;
    if (s.language) c.language = *s.language;
    if (s.home_region) c.home_region = *s.home_region;
    if (s.panel_width_mm) c.panel_width_mm = *s.panel_width_mm;
    if (s.panel_height_mm) c.panel_height_mm = *s.panel_height_mm;
    if (s.model_year) c.model_year = *s.model_year;
}

} // namespace ctrail::admin
