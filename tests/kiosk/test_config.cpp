#include "kiosk/kiosk_config.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace ctrail::kiosk;

namespace {

// The warning on a given line, or "" (fails the calling check by content).
std::string warning_on(const LoadedConfig& c, int line) {
    for (const auto& w : c.warnings) {
        if (w.line == line) return w.text();
    }
    return "";
}

bool contains(const std::string& s, const std::string& part) {
    return s.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("empty text gives the defaults for the official 7-inch display") {
    const LoadedConfig c = parse_config("");
    CHECK(c.warnings.empty());
    CHECK(c.config.panel == "pi-7inch");
    CHECK(c.config.panel_width_px == 800);
    CHECK(c.config.panel_height_px == 480);
    CHECK(c.config.panel_width_mm == doctest::Approx(154.2));
    CHECK(c.config.panel_height_mm == doctest::Approx(85.9));
    CHECK(c.config.rotation == Rotation::deg0);
    CHECK(c.config.idle_timeout_s == 60);
    CHECK(c.config.language == "en");
    CHECK(c.config.admin_pin_sha256.empty());
    CHECK(c.config.data_dir == "/var/lib/carbontrail");
    CHECK(c.config.log_level == LogLevel::info);
    CHECK(c.config.drm_device == "auto");
}

TEST_CASE("every key is read") {
    const std::string pin(64, 'a');
    const LoadedConfig c = parse_config("# a comment\n"
                                        "\n"
                                        "panel = 15.6inch\n"
                                        "rotation=270\n"
                                        "  idle_timeout_s =  90  \n"
                                        "language = zh\n"
                                        "admin_pin_sha256 = " +
                                        std::string(64, 'A') +
                                        "\n"
                                        "model = /opt/m.sqlite\n"
                                        "assets_dir = /opt/assets\n"
                                        "data_dir = /srv/ct\n"
                                        "log_level = debug\n"
                                        "drm_device = /dev/dri/by-path/platform-gpu-card\n");
    // The only warning: the sha256 key is deprecated (still read).
    REQUIRE(c.warnings.size() == 1);
    CHECK(c.warnings[0].line == 7);
    CHECK(c.warnings[0].problem.rfind("admin_pin_sha256 is deprecated", 0) == 0);
    CHECK(c.config.panel == "15.6inch");
    CHECK(c.config.panel_width_px == 1920);
    CHECK(c.config.panel_height_px == 1080);
    CHECK(c.config.panel_width_mm == doctest::Approx(344.2));
    CHECK(c.config.rotation == Rotation::deg270);
    CHECK(c.config.idle_timeout_s == 90);
    CHECK(c.config.language == "zh");
    CHECK(c.config.admin_pin_sha256 == pin); // normalised to lower case
    CHECK(c.config.model_path == "/opt/m.sqlite");
    CHECK(c.config.assets_dir == "/opt/assets");
    CHECK(c.config.data_dir == "/srv/ct");
    CHECK(c.config.log_level == LogLevel::debug);
    CHECK(c.config.drm_device == "/dev/dri/by-path/platform-gpu-card");
}

TEST_CASE("bad values are reported with their line and the default used") {
    const LoadedConfig c = parse_config("rotation = 45\n"           // 1
                                        "idle_timeout_s = soon\n"   // 2
                                        "idle_timeout_s = 5\n"      // 3 (duplicate, too small)
                                        "language = fr\n"           // 4
                                        "panel = 10inch\n"          // 5
                                        "panel_width_mm = wide\n"   // 6
                                        "admin_pin_sha256 = 1234\n" // 7
                                        "model = relative.sqlite\n" // 8
                                        "log_level = loud\n"        // 9
                                        "drm_device = card1\n",     // 10
                                        "test.conf");
    const LoadedConfig d = parse_config("");
    CHECK(c.config.rotation == d.config.rotation);
    CHECK(c.config.idle_timeout_s == 60);
    CHECK(c.config.language == "en");
    CHECK(c.config.panel == "pi-7inch");
    CHECK(c.config.panel_width_mm == doctest::Approx(154.2));
    CHECK(c.config.admin_pin_sha256.empty());
    CHECK(c.config.model_path == d.config.model_path);
    CHECK(c.config.log_level == LogLevel::info);
    CHECK(c.config.drm_device == "auto");

    CHECK(warning_on(c, 1) ==
          "test.conf:1: rotation: '45' is not 0, 90, 180 or 270; using the default 0");
    // Line 2's value is replaced by line 3 (duplicate warning on 3), and 3's value is bad.
    CHECK(contains(warning_on(c, 3), "first on line 2"));
    bool bad_timeout = false;
    for (const auto& w : c.warnings) {
        if (w.line == 3 && contains(w.problem, "'5' is not a whole number of seconds") &&
            contains(w.problem, "using the default 60"))
            bad_timeout = true;
    }
    CHECK(bad_timeout);
    CHECK(warning_on(c, 4) == "test.conf:4: language: 'fr' is not en or zh; using the default en");
    CHECK(contains(warning_on(c, 5), "'10inch' is not a known panel (pi-7inch or 15.6inch)"));
    CHECK(contains(warning_on(c, 6), "using 154.2 (panel pi-7inch)"));
    CHECK(contains(warning_on(c, 7), "admin mode stays off"));
    CHECK(contains(warning_on(c, 8), "not an absolute path"));
    CHECK(contains(warning_on(c, 9), "using the default info"));
    CHECK(contains(warning_on(c, 10), "card1"));
    CHECK(c.warnings.size() == 10); // line 2 was superseded by line 3
}

TEST_CASE("unknown keys and malformed lines are reported, never fatal") {
    const LoadedConfig c = parse_config("rotaton = 90\n"
                                        "brightness = 100\n"
                                        "just some words\n"
                                        "= 3\n"
                                        "rotation = 180\n");
    REQUIRE(c.warnings.size() == 4);
    CHECK(c.warnings[0].text() ==
          "kiosk.conf:1: unknown key 'rotaton'; ignored (did you mean 'rotation'?)");
    CHECK(c.warnings[1].text() == "kiosk.conf:2: unknown key 'brightness'; ignored");
    CHECK(c.warnings[2].line == 3);
    CHECK(contains(c.warnings[2].problem, "not a 'key = value' line"));
    CHECK(c.warnings[3].line == 4);
    CHECK(c.config.rotation == Rotation::deg180); // the good line still applies
}

TEST_CASE("panel size lines override the preset wherever they appear") {
    const LoadedConfig c = parse_config("panel_width_mm = 217\n"
                                        "panel_height_mm = 136\n"
                                        "panel = 15.6inch\n");
    CHECK(c.warnings.empty());
    CHECK(c.config.panel_width_mm == doctest::Approx(217));
    CHECK(c.config.panel_height_mm == doctest::Approx(136));
    CHECK(c.config.panel_width_px == 1920); // the preset's expected mode stays
}

TEST_CASE("inline comments, CRLF line ends and a missing final newline") {
    const LoadedConfig c = parse_config("rotation = 90   # portrait\r\nlanguage = zh");
    CHECK(c.warnings.empty());
    CHECK(c.config.rotation == Rotation::deg90);
    CHECK(c.config.language == "zh");
}

TEST_CASE("pixels per millimetre uses the tighter axis") {
    KioskConfig c;
    CHECK(c.pixels_per_mm() == doctest::Approx(std::min(800 / 154.2, 480 / 85.9)));
    c = parse_config("panel = 15.6inch").config;
    CHECK(c.pixels_per_mm() == doctest::Approx(std::min(1920 / 344.2, 1080 / 193.6)));
    // A 15 mm touch target: about 84 px at 1080p on 15.6" (78 px at 800x480 on the 7").
    CHECK(15 * c.pixels_per_mm() == doctest::Approx(83.7).epsilon(0.01));
}

TEST_CASE("a missing file gives the defaults and one warning naming it") {
    const LoadedConfig c = load_config("/nonexistent/carbontrail/kiosk.conf");
    REQUIRE(c.warnings.size() == 1);
    CHECK(c.warnings[0].text() ==
          "/nonexistent/carbontrail/kiosk.conf: does not exist; using the built-in defaults");
    CHECK(c.config.rotation == Rotation::deg0);
}

TEST_CASE("a file on disk is read with its name in warnings") {
    const auto path = std::filesystem::temp_directory_path() /
                      ("ctrail-kiosk-" + std::to_string(getpid()) + ".conf");
    {
        std::ofstream out(path);
        out << "rotation = 180\nfoo = bar\n";
    }
    const LoadedConfig c = load_config(path);
    std::filesystem::remove(path);
    CHECK(c.config.rotation == Rotation::deg180);
    REQUIRE(c.warnings.size() == 1);
    CHECK(c.warnings[0].text() == path.string() + ":2: unknown key 'foo'; ignored");
}

// The conffile the package installs must parse cleanly, document every key, and hold exactly
// the built-in defaults (so an old or deleted conffile behaves like a fresh one).
TEST_CASE("the shipped kiosk.conf parses without warnings and equals the defaults") {
    const LoadedConfig c = load_config(CTRAIL_KIOSK_CONF);
    for (const auto& w : c.warnings) CAPTURE(w.text());
    CHECK(c.warnings.empty());
    const KioskConfig d;
    CHECK(c.config.panel == d.panel);
    CHECK(c.config.panel_width_mm == d.panel_width_mm);
    CHECK(c.config.panel_height_mm == d.panel_height_mm);
    CHECK(c.config.rotation == d.rotation);
    CHECK(c.config.idle_timeout_s == d.idle_timeout_s);
    CHECK(c.config.language == d.language);
    CHECK(c.config.admin_pin_sha256 == d.admin_pin_sha256);
    CHECK(c.config.model_path == d.model_path);
    CHECK(c.config.assets_dir == d.assets_dir);
    CHECK(c.config.data_dir == d.data_dir);
    CHECK(c.config.log_level == d.log_level);
    CHECK(c.config.drm_device == d.drm_device);

    std::ifstream in(CTRAIL_KIOSK_CONF);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (const auto& key : config_keys()) {
        CAPTURE(key);
        CHECK(contains(text, "\n" + key + " ="));
    }
}

TEST_CASE("home_region: a province code, or a warning and none") {
    CHECK(parse_config("").config.home_region.empty());
    CHECK(parse_config("home_region = SH\n").config.home_region == "SH");
    CHECK(parse_config("home_region =\n").config.home_region.empty());
    const LoadedConfig c = parse_config("language = zh\nhome_region = shanghai\n", "test.conf");
    CHECK(c.config.home_region.empty());
    CHECK(warning_on(c, 2) == "test.conf:2: home_region: 'shanghai' is not a province code such "
                              "as SH; using no home province");
    CHECK(is_region_code("SH"));
    CHECK(is_region_code("ROW"));
    CHECK_FALSE(is_region_code("S"));
    CHECK_FALSE(is_region_code("sh"));
    CHECK_FALSE(is_region_code("SH1"));
}

TEST_CASE("model_year: a bundled year (2007, 2012, 2017), default 2007, else a warning") {
    CHECK(parse_config("").config.model_year == 2007);
    CHECK(parse_config("model_year = 2017\n").config.model_year == 2017);
    CHECK(parse_config("model_year = 2012\n").config.model_year == 2012);
    const LoadedConfig c = parse_config("language = zh\nmodel_year = 2010\n", "test.conf");
    CHECK(c.config.model_year == 2007);
    CHECK(warning_on(c, 2) == "test.conf:2: model_year: '2010' is not one of the bundled years "
                              "2007, 2012 or 2017; using the default 2007");
    CHECK(parse_config("model_year = latest\n").config.model_year == 2007);
    CHECK(model_years() == std::vector<int>{2007, 2012, 2017});
}

TEST_CASE("visits_retention_days: whole days from 1 to 36500, default 400") {
    CHECK(parse_config("").config.visits_retention_days == 400);
    CHECK(parse_config("visits_retention_days = 30\n").config.visits_retention_days == 30);
    const LoadedConfig bad = parse_config("visits_retention_days = 0\n");
    CHECK(bad.config.visits_retention_days == 400);
    REQUIRE(bad.warnings.size() == 1);
    CHECK(bad.warnings[0].text() == "kiosk.conf:1: visits_retention_days: '0' is not a whole "
                                    "number of days from 1 to 36500; using the default 400");
}
