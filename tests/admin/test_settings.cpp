#include "admin/atomic_file.hpp"
#include "admin/settings_file.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

using namespace ctrail::admin;

TEST_CASE("settings.conf reads the six keys with the kiosk config's rules") {
    const LoadedSettings s = parse_settings("# staff\n"
                                            "model_year = 2017\n"
                                            "idle_timeout_s = 90\n"
                                            "language = zh\n"
                                            "home_region = SH\n"
                                            "panel_width_mm = 160.5\n"
                                            "panel_height_mm = 90\n",
                                            "settings.conf");
    CHECK(s.warnings.empty());
    CHECK(s.settings.idle_timeout_s == 90);
    CHECK(s.settings.language == "zh");
    CHECK(s.settings.home_region == "SH");
    CHECK(*s.settings.panel_width_mm == doctest::Approx(160.5));
    CHECK(*s.settings.panel_height_mm == doctest::Approx(90));
    CHECK(s.settings.model_year == 2017);
    ctrail::kiosk::KioskConfig c;
    apply_settings(s.settings, c);
    CHECK(c.model_year == 2017);
    CHECK(settings_to_text(s.settings).find("model_year = 2017\n") != std::string::npos);
}

TEST_CASE("a bad or foreign line in settings.conf is a warning naming file and line") {
    const LoadedSettings s = parse_settings("idle_timeout_s = 5\n"
                                            "model = /tmp/other.sqlite\n"
                                            "language = fr\n"
                                            "home_region = BJ\n",
                                            "/var/lib/carbontrail/settings.conf");
    REQUIRE(s.warnings.size() == 3);
    CHECK(s.warnings[0].text().rfind("/var/lib/carbontrail/settings.conf:1: idle_timeout_s: '5'",
                                     0) == 0);
    CHECK(s.warnings[1].text().rfind("/var/lib/carbontrail/settings.conf:2: 'model' cannot be "
                                     "set here",
                                     0) == 0);
    CHECK(s.warnings[2].line == 3);
    // Rejected values stay unset: the kiosk config decides them.
    CHECK_FALSE(s.settings.idle_timeout_s);
    CHECK_FALSE(s.settings.language);
    CHECK(s.settings.home_region == "BJ");
}

TEST_CASE("settings are saved atomically and read back; a missing file is no warning") {
    TempDir dir("settings");
    const auto file = dir.path / kSettingsFile;
    CHECK(load_settings(file).warnings.empty());
    CHECK_FALSE(load_settings(file).settings.language);
    Settings s;
    s.idle_timeout_s = 120;
    s.language = "zh";
    s.home_region = "";
    std::string error;
    REQUIRE(save_settings(file, s, error));
    CHECK_FALSE(std::filesystem::exists(file.string() + ".tmp"));
    const LoadedSettings back = load_settings(file);
    CHECK(back.warnings.empty());
    CHECK(back.settings.idle_timeout_s == 120);
    CHECK(back.settings.language == "zh");
    CHECK(back.settings.home_region == "");
    CHECK_FALSE(back.settings.panel_width_mm);
}

TEST_CASE("the settings override the kiosk config") {
    ctrail::kiosk::KioskConfig c;
    Settings s;
    s.language = "zh";
    s.panel_width_mm = 200;
    apply_settings(s, c);
    CHECK(c.language == "zh");
    CHECK(c.panel_width_mm == doctest::Approx(200));
    CHECK(c.idle_timeout_s == 60); // unset: untouched
    CHECK(c.panel_height_mm == doctest::Approx(85.9));
}

TEST_CASE("a failed atomic write names the file and leaves what was there") {
    TempDir dir("atomic");
    std::string error;
    // The rename cannot replace a folder (not even as root): the temporary goes, nothing else.
    const auto blocked = dir.path / "settings.conf";
    std::filesystem::create_directories(blocked / "keep");
    CHECK_FALSE(write_file_atomically(blocked, "language = zh\n", error));
    CHECK(error.rfind(blocked.string() + ": cannot replace", 0) == 0);
    CHECK(std::filesystem::is_directory(blocked / "keep"));
    CHECK_FALSE(std::filesystem::exists(blocked.string() + ".tmp"));
    // A parent that is a file: the temporary cannot even be made.
    spit(dir.path / "file", "x");
    CHECK_FALSE(write_file_atomically(dir.path / "file" / "settings.conf", "x", error));
    CHECK(error.find("cannot create a temporary file") != std::string::npos);
    CHECK(slurp(dir.path / "file") == "x");
}
