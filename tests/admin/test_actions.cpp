#include "admin/system_actions.hpp"
#include "admin/usb_export.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <sqlite3.h>

#include <cstdlib>

using namespace ctrail::admin;

TEST_CASE("the test double records each system action and can refuse") {
    RecordingActions r;
    std::string error;
    CHECK(r.restart_exhibit(error));
    CHECK(r.reboot(error));
    CHECK(r.power_off(error));
    CHECK(r.set_time("2026-03-01 09:30:00", error));
    CHECK(r.install_update("/media/carbontrail-usb/carbontrail_1.1_arm64.deb", error));
    CHECK(r.calls() == std::vector<std::string>{
                           "restart_exhibit", "reboot", "power_off", "set_time 2026-03-01 09:30:00",
                           "install_update /media/carbontrail-usb/carbontrail_1.1_arm64.deb"});
    r.fail = true;
    CHECK_FALSE(r.reboot(error));
    CHECK(error == "refused by the test double");
}

TEST_CASE("restart asks the run loop to end; the others run their command") {
    std::atomic<bool> restart{false};
    SystemdActions actions(restart);
    std::string error;
    CHECK(actions.restart_exhibit(error));
    CHECK(restart);
}

TEST_CASE("a path becomes a unit instance name as systemd-escape --path writes it") {
    CHECK(systemd_escape_path("/media/carbontrail-usb/ct 2.deb") ==
          "media-carbontrail\\x2dusb-ct\\x202.deb");
    CHECK(systemd_escape_path("//media//usb/.hidden/\xc3\xbc.sqlite/") ==
          "media-usb-.hidden-\\xc3\\xbc.sqlite");
    CHECK(systemd_escape_path(".x") == "\\x2ex");
    CHECK(systemd_escape_path("/") == "-");
}

TEST_CASE("the update runs as root in its own unit, started through systemctl") {
    // A fake systemctl first on PATH records its arguments.
    TempDir dir("update-unit");
    const auto log = dir.path / "args";
    std::ofstream(dir.path / "systemctl") << "#!/bin/sh\necho \"$@\" > " << log.string() << "\n";
    std::filesystem::permissions(dir.path / "systemctl", std::filesystem::perms::owner_all);
    const std::string old_path = std::getenv("PATH") ? std::getenv("PATH") : "";
    setenv("PATH", (dir.path.string() + ":" + old_path).c_str(), 1);
    std::atomic<bool> restart{false};
    SystemdActions actions(restart);
    std::string error;
    const bool ok = actions.install_update("/media/carbontrail-usb/ct 2.deb", error);
    setenv("PATH", old_path.c_str(), 1);
    REQUIRE_MESSAGE(ok, error);
    CHECK(slurp(log) ==
          "start --no-block carbontrail-update@media-carbontrail\\x2dusb-ct\\x202.deb.service\n");
}

TEST_CASE("run_command reports the command, its status and its last words") {
    std::string error;
    CHECK(run_command({"true"}, error));
    CHECK_FALSE(run_command({"sh", "-c", "echo polkit said no >&2; exit 4"}, error));
    CHECK(error == "sh -c echo polkit said no >&2; exit 4: exit status 4: polkit said no");
    CHECK_FALSE(run_command({"/nonexistent/carbontrail-update", "x.deb"}, error));
    CHECK(error.find("cannot start") != std::string::npos);
}

namespace {
void exec(sqlite3* db, const char* sql) {
    char* err = nullptr;
    REQUIRE_MESSAGE(sqlite3_exec(db, sql, nullptr, nullptr, &err) == SQLITE_OK, (err ? err : ""));
}
} // namespace

TEST_CASE("export copies a consistent visits database and the log to the stick") {
    TempDir dir("export");
    const auto usb = dir.path / "usb", data = dir.path / "data";
    std::filesystem::create_directories(usb);
    std::filesystem::create_directories(data);
    ::setenv("CTRAIL_USB_DIR", usb.c_str(), 1);
    CHECK(usb_dir() == usb);
    // A WAL database with a reader-visible row still in the -wal file (the writer is open).
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((data / "visits.sqlite").c_str(), &db) == SQLITE_OK);
    exec(db, "PRAGMA journal_mode=WAL; CREATE TABLE visit(id INTEGER, product TEXT);"
             "INSERT INTO visit VALUES (1, 'car'), (2, 'phone');");
    const std::time_t now = 1764495000; // 2025-11-30, any fixed instant
    const ExportResult r = export_to_usb(usb, data / "visits.sqlite", "log line\n", now);
    sqlite3_close(db);
    ::unsetenv("CTRAIL_USB_DIR");
    REQUIRE_MESSAGE(r.ok, r.error);
    CHECK(r.folder.parent_path() == usb);
    CHECK(r.folder.filename().string().rfind("carbontrail-", 0) == 0);
    CHECK(slurp(r.folder / "log.txt") == "log line\n");
    sqlite3* copy = nullptr;
    REQUIRE(sqlite3_open_v2((r.folder / "visits.sqlite").c_str(), &copy, SQLITE_OPEN_READONLY,
                            nullptr) == SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(copy, "SELECT group_concat(product) FROM visit ORDER BY id", -1, &st,
                               nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(st) == SQLITE_ROW);
    CHECK(std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))) == "car,phone");
    sqlite3_finalize(st);
    sqlite3_close(copy);
    CHECK_FALSE(std::filesystem::exists(r.folder / "visits.sqlite-wal"));
}

TEST_CASE("export without a stick says so and writes nothing") {
    TempDir dir("nostick");
    const auto folder = dir.path / "not-mounted";
    std::filesystem::create_directories(folder);
    // The same device as its parent: not a mount point, so no stick.
    const ExportResult r = export_to_usb(folder, dir.path / "visits.sqlite", "x", 0);
    CHECK_FALSE(r.ok);
    CHECK(r.error == "no USB stick labelled CTRAIL is mounted at " + folder.string());
    CHECK(std::filesystem::is_empty(folder));
}

TEST_CASE("the log for the stick falls back to the exhibit's own warnings") {
    const std::string text = export_log_text({"10:00:00 warning: w"}, false);
    CHECK(text.find("10:00:00 warning: w\n") != std::string::npos);
}

TEST_CASE("the update file is the newest .deb or .sqlite at the top of the stick") {
    TempDir dir("update");
    CHECK(find_update_file(dir.path).empty());
    spit(dir.path / "notes.txt", "x");
    spit(dir.path / "carbontrail_1.0_arm64.deb", "old");
    std::filesystem::last_write_time(dir.path / "carbontrail_1.0_arm64.deb",
                                     std::filesystem::file_time_type::clock::now() -
                                         std::chrono::hours(1));
    spit(dir.path / "china-2012.sqlite", "new");
    CHECK(find_update_file(dir.path) == dir.path / "china-2012.sqlite");
}
