// Two passes: collect `key = value` lines (syntax warnings, duplicates), then apply them with
// `panel` first so that explicit panel_*_mm lines override the preset wherever they appear.
#include "kiosk/kiosk_config.hpp"

#include "trim.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <fstream>
#include <map>
#include <sstream>
#include <system_error>

namespace ctrail::kiosk {

namespace {

const std::vector<PanelPreset> kPresets = {
    {"pi-7inch", 800, 480, 154.2, 85.9, "Raspberry Pi Touch Display 7\" 800x480"},
    {"15.6inch", 1920, 1080, 344.2, 193.6, "15.6\" 16:9 1920x1080 touch monitor"},
};

const std::vector<std::string> kKeys = {
    "panel",     "panel_width_mm",   "panel_height_mm", "rotation",   "idle_timeout_s",
    "language",  "admin_pin_sha256", "model",           "assets_dir", "data_dir",
    "log_level", "drm_device",       "home_region",     "model_year", "visits_retention_days",
    "admin_pin", "opening_hours"};

} // namespace

const std::vector<int>& model_years() {
    static const std::vector<int> years = {2007, 2012, 2017};
    return years;
}

bool is_model_year(int year) {
    const auto& y = model_years();
    return std::find(y.begin(), y.end(), year) != y.end();
}

bool is_region_code(std::string_view code) {
    return code.size() >= 2 && code.size() <= 3 &&
           std::all_of(code.begin(), code.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; });
}

namespace {

std::string_view trim(std::string_view s) {
    return trim_blanks(s, " \t\r\f\v");
}

// A '#' at the start or after white space starts a comment.
std::string_view strip_comment(std::string_view s) {
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '#' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t')) return s.substr(0, i);
    }
    return s;
}

size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] != b[j - 1] ? 1 : 0)});
            diag = up;
        }
    }
    return row[b.size()];
}

std::string format_number(double v) {
    std::ostringstream os;
    os << v;
    return os.str();
}

struct Entry {
    std::string value;
    int line;
};

class Applier {
  public:
    Applier(LoadedConfig& out, const std::string& file) : out_(out), file_(file) {}

    void warn(int line, std::string problem) {
        out_.warnings.push_back({file_, line, std::move(problem)});
    }
    void bad(const std::string& key, const Entry& e, const std::string& expected,
             const std::string& used) {
        warn(e.line, key + ": '" + e.value + "' " + expected + "; using " + used);
    }

    void apply(const std::string& key, const Entry& e) {
        KioskConfig& c = out_.config;
        const std::string& v = e.value;
        if (key == "panel") {
            if (const PanelPreset* p = find_panel_preset(v)) {
                c.panel = p->name;
                c.panel_width_px = p->width_px;
                c.panel_height_px = p->height_px;
                c.panel_width_mm = p->width_mm;
                c.panel_height_mm = p->height_mm;
            } else {
                std::string names;
                for (const auto& p : panel_presets())
                    names += (names.empty() ? "" : " or ") + std::string(p.name);
                bad(key, e, "is not a known panel (" + names + ")", "the default " + c.panel);
            }
        } else if (key == "panel_width_mm") {
            set_mm(key, e, c.panel_width_mm);
        } else if (key == "panel_height_mm") {
            set_mm(key, e, c.panel_height_mm);
        } else if (key == "rotation") {
            int d = 0;
            std::optional<Rotation> r;
            if (parse_int(v, d)) r = rotation_from_degrees(d);
            if (r) {
                c.rotation = *r;
            } else {
                bad(key, e, "is not 0, 90, 180 or 270",
                    "the default " + std::to_string(degrees(c.rotation)));
            }
        } else if (key == "idle_timeout_s") {
            int s = 0;
            if (parse_int(v, s) && s >= 10 && s <= 3600) {
                c.idle_timeout_s = s;
            } else {
                bad(key, e, "is not a whole number of seconds from 10 to 3600",
                    "the default " + std::to_string(c.idle_timeout_s));
            }
        } else if (key == "language") {
            if (v == "en" || v == "zh") {
                c.language = v;
            } else {
                bad(key, e, "is not en or zh", "the default " + c.language);
            }
        } else if (key == "home_region") {
            if (v.empty() || is_region_code(v)) {
                c.home_region = v;
            } else {
                bad(key, e, "is not a province code such as SH", "no home province");
            }
        } else if (key == "model_year") {
            int y = 0;
            if (parse_int(v, y) && is_model_year(y)) {
                c.model_year = y;
            } else {
                bad(key, e, "is not one of the bundled years 2007, 2012 or 2017",
                    "the default " + std::to_string(c.model_year));
            }
        } else if (key == "admin_pin_sha256") {
            std::string hex = v;
            std::transform(hex.begin(), hex.end(), hex.begin(),
                           [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
            const bool ok =
                hex.empty() || (hex.size() == 64 &&
                                hex.find_first_not_of("0123456789abcdef") == std::string::npos);
            if (ok) {
                c.admin_pin_sha256 = hex;
                if (!hex.empty())
                    warn(e.line,
                         "admin_pin_sha256 is deprecated (an unsalted, fast hash); make an "
                         "admin_pin line with 'carbontrail --hash-pin' and remove this one");
            } else {
                bad(key, e, "is not 64 hexadecimal digits (sha256sum of the PIN)",
                    c.admin_pin_sha256.empty() ? "none: admin mode stays off"
                                               : "the previous value");
            }
        } else if (key == "admin_pin") {
            // The salted argon2id line crypto_pwhash_str writes; verified by firmware/admin.
            if (v.empty() || (v.rfind("$argon2id$v=19$m=", 0) == 0 && v.size() < 128)) {
                c.admin_pin = v;
            } else {
                bad(key, e, "is not a line printed by 'carbontrail --hash-pin' ($argon2id$...)",
                    "none: admin mode stays off");
            }
        } else if (key == "opening_hours") {
            std::string error;
            if (auto hours = parse_opening_hours(v, error)) {
                c.opening_hours = *hours;
            } else {
                warn(e.line, key + ": " + error + "; the display stays on all day");
            }
        } else if (key == "model") {
            set_path(key, e, c.model_path);
        } else if (key == "assets_dir") {
            set_path(key, e, c.assets_dir);
        } else if (key == "data_dir") {
            set_path(key, e, c.data_dir);
        } else if (key == "log_level") {
            if (auto l = log_level_from_name(v)) {
                c.log_level = *l;
            } else {
                bad(key, e, "is not error, warning, notice, info or debug",
                    std::string("the default ") + log_level_name(c.log_level));
            }
        } else if (key == "visits_retention_days") {
            int d = 0;
            if (parse_int(v, d) && d >= 1 && d <= 36500) {
                c.visits_retention_days = d;
            } else {
                bad(key, e, "is not a whole number of days from 1 to 36500",
                    "the default " + std::to_string(c.visits_retention_days));
            }
        } else if (key == "drm_device") {
            int index = 0;
            if (v == "auto" || v.rfind("/dev/", 0) == 0 || (parse_int(v, index) && index >= 0)) {
                c.drm_device = v;
            } else {
                bad(key, e, "is not auto, a /dev/dri/... path or a card number",
                    "the default " + c.drm_device);
            }
        }
    }

  private:
    static bool parse_int(const std::string& v, int& out) {
        const char* end = v.data() + v.size();
        auto [p, ec] = std::from_chars(v.data(), end, out);
        return ec == std::errc() && p == end;
    }
    void set_mm(const std::string& key, const Entry& e, double& field) {
        double mm = 0;
        const char* end = e.value.data() + e.value.size();
        auto [p, ec] = std::from_chars(e.value.data(), end, mm);
        if (ec == std::errc() && p == end && mm >= 20 && mm <= 3000) {
            field = mm;
        } else {
            bad(key, e, "is not a size in millimetres from 20 to 3000",
                format_number(field) + " (panel " + out_.config.panel + ")");
        }
    }
    void set_path(const std::string& key, const Entry& e, std::filesystem::path& field) {
        if (!e.value.empty() && e.value[0] == '/') {
            field = e.value;
        } else {
            bad(key, e, "is not an absolute path", "the default " + field.string());
        }
    }

    LoadedConfig& out_;
    const std::string& file_;
};

} // namespace

const std::vector<PanelPreset>& panel_presets() {
    return kPresets;
}

const PanelPreset* find_panel_preset(std::string_view name) {
    for (const auto& p : kPresets) {
        if (name == p.name) return &p;
    }
    return nullptr;
}

const std::vector<std::string>& config_keys() {
    return kKeys;
}

double KioskConfig::pixels_per_mm(int width_px, int height_px) const {
    if (panel_width_mm <= 0 || panel_height_mm <= 0) return 0;
    return std::min(width_px / panel_width_mm, height_px / panel_height_mm);
}

std::string ConfigWarning::text() const {
    std::string s = file;
    if (line > 0) s += ":" + std::to_string(line);
    return s + (s.empty() ? "" : ": ") + problem;
}

LoadedConfig parse_config(std::string_view text, const std::string& file_name) {
    LoadedConfig out;
    Applier applier(out, file_name);
    std::map<std::string, Entry> entries;
    std::vector<std::string> order; // first appearance of each key

    int line_no = 0;
    size_t pos = 0;
    while (pos <= text.size()) {
        const size_t nl = text.find('\n', pos);
        const std::string_view raw =
            text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
        pos = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
        ++line_no;

        const std::string_view line = trim(strip_comment(raw));
        if (line.empty()) continue;
        const size_t eq = line.find('=');
        if (eq == std::string_view::npos) {
            applier.warn(line_no,
                         "'" + std::string(line) + "' is not a 'key = value' line; ignored");
            continue;
        }
        const std::string key(trim(line.substr(0, eq)));
        const std::string value(trim(line.substr(eq + 1)));
        if (key.empty()) {
            applier.warn(line_no, "a line with no key before '='; ignored");
            continue;
        }
        if (std::find(kKeys.begin(), kKeys.end(), key) == kKeys.end()) {
            std::string problem = "unknown key '" + key + "'; ignored";
            std::string best;
            size_t best_d = 3; // suggest only close matches (typos)
            for (const auto& k : kKeys) {
                const size_t d = edit_distance(key, k);
                if (d < best_d) best_d = d, best = k;
            }
            if (!best.empty()) problem += " (did you mean '" + best + "'?)";
            applier.warn(line_no, problem);
            continue;
        }
        if (auto it = entries.find(key); it != entries.end()) {
            applier.warn(line_no, key + ": set again (first on line " +
                                      std::to_string(it->second.line) + "); using this line");
            it->second = {value, line_no};
        } else {
            entries.emplace(key, Entry{value, line_no});
            order.push_back(key);
        }
    }

    if (auto it = entries.find("panel"); it != entries.end()) applier.apply("panel", it->second);
    for (const auto& key : order) {
        if (key != "panel") applier.apply(key, entries.at(key));
    }
    std::stable_sort(
        out.warnings.begin(), out.warnings.end(),
        [](const ConfigWarning& a, const ConfigWarning& b) { return a.line < b.line; });
    return out;
}

LoadedConfig load_config(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        LoadedConfig out;
        std::error_code ec;
        const bool exists = std::filesystem::exists(path, ec);
        out.warnings.push_back({path.string(), 0,
                                exists ? "cannot be read; using the built-in defaults"
                                       : "does not exist; using the built-in defaults"});
        return out;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return parse_config(text.str(), path.string());
}

} // namespace ctrail::kiosk
