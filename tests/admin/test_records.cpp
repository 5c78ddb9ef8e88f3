#include "admin/boot_record.hpp"
#include "admin/frame_stats.hpp"
#include "admin/log_ring.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <cstdlib>

using namespace ctrail::admin;

TEST_CASE("exhibit starts are counted per boot") {
    TempDir dir("starts");
    const auto file = dir.path / kStartsFile;
    std::string error;
    CHECK(count_start(file, "boot-a", error) == 1);
    CHECK(count_start(file, "boot-a", error) == 2);
    CHECK(count_start(file, "boot-a", error) == 3);
    CHECK(slurp(file) == "boot-a 3\n");
    CHECK(count_start(file, "boot-b", error) == 1); // a new boot starts again
    spit(file, "garbage");
    CHECK(count_start(file, "boot-b", error) == 1);
}

TEST_CASE("the boot id comes from $CTRAIL_BOOT_ID_FILE, trimmed; the clock marker holds it") {
    TempDir dir("boot");
    spit(dir.path / "boot_id", "  1234-abcd\n");
    ::setenv("CTRAIL_BOOT_ID_FILE", (dir.path / "boot_id").c_str(), 1);
    const std::string id = read_boot_id();
    ::unsetenv("CTRAIL_BOOT_ID_FILE");
    CHECK(id == "1234-abcd");
    std::string error;
    REQUIRE(write_clock_marker(dir.path / kClockMarkerFile, id, error));
    CHECK(slurp(dir.path / kClockMarkerFile) == "1234-abcd\n");
    CHECK_FALSE(write_clock_marker(dir.path / kClockMarkerFile, "", error));
    CHECK(!error.empty());
    // The real one, on Linux: a UUID.
    CHECK(read_boot_id().size() == 36);
}

TEST_CASE("frame times: median and worst of the last minute") {
    FrameStats f(60);
    CHECK(f.summary(0).frames == 0);
    f.add(1, 100);                                     // falls out of the window later
    for (int i = 0; i < 9; ++i) f.add(10 + i, 10 + i); // 10..18 ms
    FrameSummary s = f.summary(20);
    CHECK(s.frames == 10);
    CHECK(s.worst_ms == doctest::Approx(100));
    CHECK(s.median_ms == doctest::Approx(14.5)); // even count: mean of 14 and 15
    s = f.summary(65);                           // the 100 ms frame at t=1 is over a minute old
    CHECK(s.frames == 9);
    CHECK(s.worst_ms == doctest::Approx(18));
    CHECK(s.median_ms == doctest::Approx(14));
}

TEST_CASE("the log ring keeps the last warnings and errors only") {
    LogRing ring(3);
    ring.add(6, "10:00:00", "info is not kept");
    ring.add(4, "10:00:01", "w1");
    ring.add(3, "10:00:02", "e1");
    ring.add(4, "10:00:03", "w2");
    ring.add(3, "10:00:04", "e2");
    const auto lines = ring.lines();
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == "10:00:02 error: e1");
    CHECK(lines[1] == "10:00:03 warning: w2");
    CHECK(lines[2] == "10:00:04 error: e2");
}
