// Admin mode through the real binary, headless: the hidden gesture, the PIN (made by
// `carbontrail --hash-pin`), wrong PINs and the back-off, leaving by itself, settings that
// survive a restart, every system action through the recording test double, the USB export,
// the touch test and the opening hours with a simulated clock.
#include "e2e_support.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace e2e;
namespace fs = std::filesystem;

namespace {

const char* const kGesture = "hold-at 0.03 0.03 5.2\ntap-at 0.97 0.03\nsettle\n";

// The PIN typed on the pad, then OK.
std::string type_pin(const std::string& pin) {
    std::string s;
    for (char c : pin) s += std::string("tap admin.pin.") + c + "\n";
    return s + "tap admin.pin.ok\nsettle\n";
}

// A kiosk config in `dir` with the PIN 2468 and these extra lines; returns its path.
std::string admin_config(const std::string& dir, const std::string& extra = "") {
    static const std::string line = hash_pin_line("2468");
    REQUIRE(line.rfind("admin_pin = $argon2id$", 0) == 0);
    const std::string path = dir + "/kiosk.conf";
    std::ofstream(path) << line << extra;
    return path;
}

// A visit of staff: the gesture and the right PIN, then `steps` on the menu.
std::string as_staff(const std::string& steps) {
    return std::string("settle\n") + kGesture + type_pin("2468") + steps;
}
int play_admin(const std::string& dir, const std::string& script,
               std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {
        "--script", write_script(dir, script), "--tour",     dir,          "--model", model_path(),
        "--config", admin_config(dir),         "--data-dir", dir + "/data"};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_carbontrail(args, dir);
}

} // namespace

TEST_CASE("admin: --hash-pin prints a config line and refuses what is not a PIN") {
    int rc = -1;
    const std::string a = hash_pin_line("2468", &rc), b = hash_pin_line("2468");
    CHECK(rc == 0);
    CHECK(a.rfind("admin_pin = $argon2id$v=19$m=32768,t=2,p=1$", 0) == 0);
    CHECK(a != b); // salted
    CHECK(hash_pin_line("12", &rc).empty());
    CHECK(rc == 2);
    CHECK(hash_pin_line("12ab", &rc).empty());
    CHECK(rc == 2);
}

TEST_CASE("admin: the gesture then a wrong and a right PIN and leaving after a minute") {
    require_model();
    const std::string dir = fresh_dir("admin-enter");
    // The opening tap lands where the PIN pad's Back button appears: it must not press it.
    const std::string script = std::string("settle\ntap start\nsettle\nexpect screen region\n") +
                               "hold-at 0.03 0.03 5.2\ntap-at 0.96 0.1\nsettle\n" +
                               "expect admin pin\n"
                               "expect screen attract    # the visit in progress has ended\n"
                               "shot pin\n" +
                               type_pin("1357") +
                               "expect admin pin\n"
                               "expect admin_message admin.pin.wrong\n" +
                               type_pin("2468") +
                               "expect admin menu\n"
                               "shot menu\n"
                               "idle 59\n"
                               "expect admin menu\n"
                               "idle 2\n"
                               "expect admin off\n"
                               "expect screen attract\n"
                               "expect awake 0\n";
    REQUIRE(play_admin(dir, script) == 0);
    const std::string log = read_text(dir + "/run.log");
    CHECK(log.find("admin mode: wrong PIN (1 in a row)") != std::string::npos);
    CHECK(log.find("admin mode: entered") != std::string::npos);
    CHECK(log.find("admin mode: left after 60 s untouched") != std::string::npos);
}

TEST_CASE("admin: the status page counts visits today and the products traced") {
    require_model();
    const std::string dir = fresh_dir("admin-visits");
    // A trusted clock (systemd-timesyncd's flag), so the visit counts for today.
    const std::string flag = dir + "/synchronized";
    std::ofstream(flag) << "";
    setenv("CTRAIL_TIMESYNC_FLAG", flag.c_str(), 1);
    const std::string script = std::string("settle\ntap start\nsettle\ntap map.SH\nsettle\n") +
                               "tap product.car\nsettle\ntap next\nsettle\n" + kGesture +
                               type_pin("2468") + "tap admin.status\nsettle\nwait 1.5\n" +
                               "expect admin status\nexpect admin_value 1/1/car:1\nshot status\n";
    const int rc = play_admin(dir, script);
    unsetenv("CTRAIL_TIMESYNC_FLAG");
    REQUIRE(rc == 0);
}

TEST_CASE("admin: three wrong PINs wait 30 s calmly and the right PIN then works") {
    require_model();
    const std::string dir = fresh_dir("admin-backoff");
    const std::string script = std::string("settle\n") + kGesture + type_pin("1111") +
                               type_pin("2222") + type_pin("3333") +
                               "expect admin pin\n"
                               "expect admin_wait 30\n"
                               "expect admin_message admin.pin.wait\n"
                               "shot wait\n" +
                               type_pin("2468") + // refused while waiting
                               "expect admin pin\n"
                               "idle 31\n"
                               "expect admin_wait 0\n" +
                               type_pin("4444") + // the fourth wrong PIN doubles the wait
                               "expect admin_wait 60\n"
                               "idle 55\n"
                               "tap-at 0.3 0.5\n"
                               "idle 6\n" +
                               type_pin("2468") + "expect admin menu\n";
    REQUIRE(play_admin(dir, script) == 0);
    const State wait = read_state(dir + "/wait.state.tsv");
    CHECK(wait["admin_wait"] == "30");
    CHECK(read_text(dir + "/run.log").find("admin mode: entered") != std::string::npos);
}

TEST_CASE("admin: without a PIN the gesture does nothing") {
    require_model();
    const std::string dir = fresh_dir("admin-off");
    const std::string script = std::string("settle\n") + kGesture + "expect admin off\n";
    REQUIRE(run_carbontrail({"--script", write_script(dir, script), "--model", model_path()},
                            dir) == 0);
}

TEST_CASE("admin: settings are saved to the data folder and apply at once and after a restart") {
    require_model();
    const std::string dir = fresh_dir("admin-settings");
    const std::string script = std::string("settle\n") + kGesture + type_pin("2468") +
                               "tap admin.settings\nsettle\n"
                               "tap admin.idle.minus\ntap admin.idle.minus\ntap admin.idle.minus\n"
                               "tap admin.lang.zh\n"
                               "tap admin.home.next\n" // the first province of the model
                               "expect admin_value 30,zh,BJ\n"
                               "tap admin.save\nsettle\n"
                               "expect admin_result settings:ok\n"
                               "tap admin.back\ntap admin.leave\nsettle\n"
                               "expect admin off\n"
                               "expect language zh\n";
    REQUIRE(play_admin(dir, script) == 0);
    const std::string saved = read_text(dir + "/data/settings.conf");
    CHECK(saved.find("idle_timeout_s = 30\n") != std::string::npos);
    CHECK(saved.find("language = zh\n") != std::string::npos);
    CHECK(saved.find("home_region = BJ\n") != std::string::npos);
    CHECK(saved.find("panel_width_mm") == std::string::npos); // not calibrated: not saved
    // A restart reads them (after the kiosk config, which says en and 60 s).
    const std::string again = "settle\nexpect language zh\ntap start\nsettle\n"
                              "expect screen region\nidle 31\nexpect idle_countdown 1\n";
    REQUIRE(play_admin(dir, again) == 0);
    CHECK(read_text(dir + "/run.log").find("settings: " + dir + "/data/settings.conf") !=
          std::string::npos);
}

TEST_CASE("admin: the trail's year is chosen on its page and runs after the restart") {
    require_model();
    const std::string dir = fresh_dir("admin-year");
    const std::string script = as_staff("tap admin.year\nsettle\n"
                                        "expect admin year\nexpect admin_value 2007\n"
                                        "tap admin.year.2017\nexpect admin_value 2017\n"
                                        "tap admin.year.2012\nexpect admin_value 2012\nshot year\n"
                                        "tap admin.save\nsettle\n"
                                        "expect admin_result year:ok\n");
    REQUIRE(play_admin(dir, script) == 0);
    const std::string saved = read_text(dir + "/data/settings.conf");
    CHECK(saved.find("model_year = 2012\n") != std::string::npos);
    // Another year needs the trail's model opened anew: the save restarts the exhibit.
    CHECK(read_text(dir + "/run.log").find("admin: restarting the exhibit") != std::string::npos);
    // The next start runs the trail in 2012: the kiosk config names the model (china-2007)
    // as on the Pi, whose folder holds the years; settings.conf's year wins over the config's.
    const std::string restart = dir + "/restart";
    fs::create_directories(restart);
    REQUIRE(run_carbontrail({"--script",
                             write_script(restart, "settle\nexpect year_shown 2012\n"
                                                   "expect year_chosen 2012\n"),
                             "--tour", restart, "--config",
                             admin_config(restart, "\nmodel = " + model_path() + "\n"),
                             "--data-dir", dir + "/data"},
                            restart) == 0);
    // The settings page saves its own settings and leaves the year alone.
    const std::string other = fresh_dir("admin-year-settings");
    REQUIRE(play_admin(other, as_staff("tap admin.settings\nsettle\ntap admin.save\nsettle\n"
                                       "expect admin_result settings:ok\n")) == 0);
    CHECK(read_text(other + "/data/settings.conf").find("model_year") == std::string::npos);
    CHECK(read_text(other + "/run.log").find("admin: restarting the exhibit") == std::string::npos);
}

TEST_CASE("admin: every system action goes through the test double") {
    require_model();
    const std::string dir = fresh_dir("admin-actions");
    fs::create_directories(dir + "/usb");
    std::ofstream(dir + "/boot_id") << "e2e-boot\n";
    ::setenv("CTRAIL_USB_DIR", (dir + "/usb").c_str(), 1);
    ::setenv("CTRAIL_BOOT_ID_FILE", (dir + "/boot_id").c_str(), 1);
    const std::string script = std::string("settle\n") + kGesture + type_pin("2468") +
                               "tap admin.restart\nsettle\nexpect admin_result restart:ok\n"
                               "tap admin.reboot\nsettle\nshot confirm\n"
                               "tap admin.confirm.no\nsettle\nexpect admin_result restart:ok\n"
                               "tap admin.reboot\ntap admin.confirm.yes\nsettle\n"
                               "expect admin_result reboot:ok\n"
                               "tap admin.power_off\ntap admin.confirm.yes\nsettle\n"
                               "expect admin_result power_off:ok\n"
                               "tap admin.update\nsettle\n"
                               "expect admin_result update:failed\n" // nothing on the stick
                               "tap admin.export\nsettle\nexpect admin_result export:ok\n"
                               "tap admin.clock\nsettle\n"
                               "expect admin_value 2026-03-01T09:30\n"
                               "tap admin.clock.hour_plus\ntap admin.clock.day_minus\n"
                               "expect admin_value 2026-02-28T10:30\n"
                               "tap admin.clock.set\nsettle\nexpect admin_result clock:ok\n"
                               "tap admin.back\ntap admin.status\nsettle\nshot status\n";
    const int rc = play_admin(dir, script, {"--clock", "2026-03-01 09:30"});
    ::unsetenv("CTRAIL_USB_DIR");
    ::unsetenv("CTRAIL_BOOT_ID_FILE");
    REQUIRE(rc == 0);
    const std::string log = read_text(dir + "/run.log");
    for (const char* line :
         {"admin: restarting the exhibit (recorded by the test double, not done)",
          "admin: reboot (recorded by the test double, not done)",
          "admin: power off (recorded by the test double, not done)",
          "admin: update failed: no .deb or .sqlite file at the top of the USB stick",
          "admin: clock set to 2026-02-28 10:30:00 (recorded by the test double)"})
        CHECK_MESSAGE(log.find(line) != std::string::npos, line);
    // One reboot only: "No" did nothing.
    CHECK(log.find("admin: reboot (") == log.rfind("admin: reboot ("));
    // The clock marker holds this boot's id: visit analytics trusts the clock from now on.
    CHECK(read_text(dir + "/data/clock-set-by-admin") == "e2e-boot\n");
    CHECK(read_state(dir + "/status.state.tsv")["admin"] == "status");
    // The export: a dated folder with the log (no visits recorded yet: no database).
    int folders = 0;
    for (const auto& e : fs::directory_iterator(dir + "/usb")) {
        ++folders;
        CHECK(e.path().filename().string().rfind("carbontrail-2026", 0) == 0);
        CHECK(read_text((e.path() / "log.txt").string()).find("warning: admin mode") ==
              std::string::npos); // right PIN at once: no warnings yet
        CHECK(fs::exists(e.path() / "log.txt"));
    }
    CHECK(folders == 1);
}

TEST_CASE("admin: the update offers the newest package on the stick to carbontrail-update") {
    require_model();
    const std::string dir = fresh_dir("admin-update");
    fs::create_directories(dir + "/usb");
    std::ofstream(dir + "/usb/carbontrail_9.9_arm64.deb") << "a package";
    ::setenv("CTRAIL_USB_DIR", (dir + "/usb").c_str(), 1);
    const std::string script = std::string("settle\n") + kGesture + type_pin("2468") +
                               "tap admin.update\nsettle\nexpect admin_result update:ok\n";
    const int rc = play_admin(dir, script);
    ::unsetenv("CTRAIL_USB_DIR");
    REQUIRE(rc == 0);
    CHECK(read_text(dir + "/run.log")
              .find("admin: carbontrail-update " + dir +
                    "/usb/carbontrail_9.9_arm64.deb (recorded by the test double, not done)") !=
          std::string::npos);
}

TEST_CASE("admin: the touch test shows where the touch landed and calibration saves the size") {
    require_model();
    const std::string dir = fresh_dir("admin-touch");
    const std::string script = std::string("settle\n") + kGesture + type_pin("2468") +
                               "tap admin.touch_test\nsettle\n"
                               "tap-at 0.25 0.75\nexpect admin_touch 200,360\n"
                               "tap-at 0.5 0.5\nexpect admin_touch 400,240\nshot touch\n"
                               "tap admin.back\n"
                               "tap admin.calibrate\nsettle\n"
                               "tap admin.cal.plus10\ntap admin.cal.plus1\ntap admin.cal.plus1\n"
                               "expect admin_value 112\n"
                               "tap admin.save\nsettle\nexpect admin_result calibrate:ok\n";
    REQUIRE(play_admin(dir, script, {"--panel-mm", "150x90"}) == 0);
    const std::string saved = read_text(dir + "/data/settings.conf");
    CHECK(saved.find("panel_width_mm = 168\n") != std::string::npos); // 150 x 112/100
    CHECK(saved.find("panel_height_mm = 100.8\n") != std::string::npos);
    CHECK(read_text(dir + "/run.log").find("admin: restarting the exhibit") != std::string::npos);
}

TEST_CASE("admin: outside the opening hours the display is black and lights at opening") {
    require_model();
    const std::string dir = fresh_dir("admin-hours");
    const std::string script = "settle\nexpect display off\nshot closed\n"
                               "idle 100\nexpect display on\nsettle\nshot open\n"
                               "expect screen attract\n";
    REQUIRE(run_carbontrail({"--script", write_script(dir, script), "--tour", dir, "--model",
                             model_path(), "--config",
                             admin_config(dir, "\nopening_hours = "
                                               "mon-fri 09:00-17:00\n"),
                             "--clock", "2026-11-30 08:59"},
                            dir) == 0);
    const Image closed = load_png(dir + "/closed.png"), open = load_png(dir + "/open.png");
    REQUIRE(closed.width == 800);
    bool all_black = true;
    for (std::size_t i = 0; i < closed.rgba.size(); i += 4)
        all_black &= closed.rgba[i] == 0 && closed.rgba[i + 1] == 0 && closed.rgba[i + 2] == 0;
    CHECK(all_black);
    CHECK(differing_fraction(closed, open, 8) > 0.5); // the attract screen is back
    // Saturday: closed all day.
    const std::string dir2 = fresh_dir("admin-hours-sat");
    REQUIRE(
        run_carbontrail({"--script", write_script(dir2, "settle\nidle 600\nexpect display off\n"),
                         "--model", model_path(), "--config",
                         admin_config(dir2, "\nopening_hours = mon-fri 09:00-17:00\n"), "--clock",
                         "2026-12-05 12:00"},
                        dir2) == 0);
}
