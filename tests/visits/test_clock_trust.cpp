// The clock is trusted when systemd-timesyncd has synchronised it, or when admin mode set it
// in this boot (the marker holds this boot's id).
#include "support.hpp"

#include "visits/clock_trust.hpp"

#include <cstdlib>

using namespace ctrail::visits;

TEST_CASE("clock trust: timesyncd's flag or an admin marker from this boot") {
    const auto dir = vt::fresh_dir("clock");
    ClockTrustPaths p{dir / "synchronized", dir / "boot_id", dir / "clock-set-by-admin"};
    vt::write_text(p.boot_id, "5b3c1f9e-0d1a-4e36-9a57-2f6e1c3d8b70\n");
    CHECK_FALSE(clock_trusted(p));
    SUBCASE("synchronised") {
        vt::write_text(p.timesync_flag, "");
        CHECK(clock_trusted(p));
    }
    SUBCASE("set in admin mode this boot") {
        vt::write_text(p.admin_marker, "5b3c1f9e-0d1a-4e36-9a57-2f6e1c3d8b70\n");
        CHECK(clock_trusted(p));
    }
    SUBCASE("set in admin mode in an earlier boot") {
        vt::write_text(p.admin_marker, "0a0a0a0a-0000-4000-8000-000000000000\n");
        CHECK_FALSE(clock_trusted(p));
    }
    SUBCASE("no data folder") {
        vt::write_text(p.admin_marker, "5b3c1f9e-0d1a-4e36-9a57-2f6e1c3d8b70\n");
        p.admin_marker.clear();
        CHECK_FALSE(clock_trusted(p));
    }
    SUBCASE("an empty boot id never matches") {
        vt::write_text(p.boot_id, "");
        vt::write_text(p.admin_marker, "");
        CHECK_FALSE(clock_trusted(p));
    }
}

TEST_CASE("clock trust paths: the system's or the environment's for tests") {
    unsetenv(kTimesyncFlagEnv);
    unsetenv(kBootIdFileEnv);
    ClockTrustPaths d = ClockTrustPaths::from_environment("/var/lib/carbontrail");
    CHECK(d.timesync_flag == "/run/systemd/timesync/synchronized");
    CHECK(d.boot_id == "/proc/sys/kernel/random/boot_id");
    CHECK(d.admin_marker == "/var/lib/carbontrail/clock-set-by-admin");
    setenv(kTimesyncFlagEnv, "/tmp/x-sync", 1);
    setenv(kBootIdFileEnv, "/tmp/x-boot", 1);
    ClockTrustPaths e = ClockTrustPaths::from_environment("");
    CHECK(e.timesync_flag == "/tmp/x-sync");
    CHECK(e.boot_id == "/tmp/x-boot");
    CHECK(e.admin_marker.empty());
    unsetenv(kTimesyncFlagEnv);
    unsetenv(kBootIdFileEnv);
}
