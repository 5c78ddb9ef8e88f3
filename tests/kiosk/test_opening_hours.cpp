#include "kiosk/kiosk_config.hpp"
#include "kiosk/opening_hours.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>

using namespace ctrail::kiosk;

namespace {
OpeningHours parse(const char* text) {
    std::string error;
    auto h = parse_opening_hours(text, error);
    REQUIRE_MESSAGE(h, error);
    return *h;
}
std::string error_of(const char* text) {
    std::string error;
    CHECK_FALSE(parse_opening_hours(text, error));
    return error;
}
constexpr int mon = 0, fri = 4, sat = 5, sun = 6;
int at(int h, int m) {
    return h * 60 + m;
}
} // namespace

TEST_CASE("no opening hours: always on") {
    const OpeningHours h = parse("  ");
    CHECK(h.always_open);
    CHECK(is_open(h, sun, at(3, 0)));
}

TEST_CASE("weekdays, a Saturday and a closed Sunday") {
    const OpeningHours h = parse("mon-fri 09:00-17:00, sat 10:00-18:00, sun closed");
    CHECK_FALSE(h.always_open);
    CHECK_FALSE(is_open(h, mon, at(8, 59)));
    CHECK(is_open(h, mon, at(9, 0)));
    CHECK(is_open(h, fri, at(16, 59)));
    CHECK_FALSE(is_open(h, fri, at(17, 0))); // the end is when it closes
    CHECK_FALSE(is_open(h, sat, at(9, 30)));
    CHECK(is_open(h, sat, at(17, 59)));
    CHECK_FALSE(is_open(h, sun, at(12, 0)));
}

TEST_CASE("several spans a day, daily, ranges that wrap, a later item adds or closes") {
    const OpeningHours h = parse("daily 10:00-12:00 13:00-24:00, tue closed, sat-mon 08:00-09:00");
    CHECK(is_open(h, mon, at(11, 0)));
    CHECK_FALSE(is_open(h, mon, at(12, 30)));
    CHECK(is_open(h, mon, at(23, 59)));
    CHECK_FALSE(is_open(h, 1, at(11, 0))); // tuesday closed
    CHECK(is_open(h, sun, at(8, 30)));     // sat-mon wraps through sunday
    CHECK(is_open(h, mon, at(8, 30)));
    CHECK_FALSE(is_open(h, fri, at(8, 30)));
}

TEST_CASE("a bad schedule says what is wrong") {
    CHECK(error_of("mon-fri") == "'mon-fri': expected days and times, e.g. 'mon-fri 09:00-17:00'");
    CHECK(error_of("monday 09:00-17:00").find("'monday' is not a day") != std::string::npos);
    CHECK(error_of("sat 25:00-26:00").find("'25:00-26:00' is not a time span") !=
          std::string::npos);
    CHECK(error_of("sat 18:00-10:00").find("ends before it starts") != std::string::npos);
    CHECK(error_of("sat 9:00-10:00").find("is not a time span") != std::string::npos);
    CHECK(error_of("sat 24:00-24:00").find("is not a time span") != std::string::npos);
}

TEST_CASE("opening hours in kiosk.conf; a bad value keeps the display on with a warning") {
    LoadedConfig c = parse_config("opening_hours = mon-fri 09:00-17:00\n");
    CHECK(c.warnings.empty());
    CHECK_FALSE(is_open(c.config.opening_hours, sat, at(12, 0)));
    c = parse_config("\nopening_hours = mon-fri 09:00\n", "/etc/carbontrail/kiosk.conf");
    REQUIRE(c.warnings.size() == 1);
    CHECK(c.warnings[0].text() ==
          "/etc/carbontrail/kiosk.conf:2: opening_hours: 'mon-fri 09:00': '09:00' is not a time "
          "span such as 09:00-17:00 (or 'closed'); the display stays on all day");
    CHECK(c.config.opening_hours.always_open);
}

TEST_CASE("is_open_at uses the local time zone") {
    const char* old = std::getenv("TZ");
    const std::string saved = old ? old : "";
    ::setenv("TZ", "Asia/Shanghai", 1);
    ::tzset();
    const OpeningHours h = parse("mon-fri 09:00-17:00");
    // 2026-11-30 (a Monday) 01:00 UTC = 09:00 in Shanghai; 00:59 UTC = 08:59.
    CHECK(is_open_at(h, 1796000400));
    CHECK_FALSE(is_open_at(h, 1796000400 - 60));
    if (old)
        ::setenv("TZ", saved.c_str(), 1);
    else
        ::unsetenv("TZ");
    ::tzset();
}

TEST_CASE(
    "admin_pin takes the --hash-pin line; the sha256 key is read with a deprecation warning") {
    const std::string line =
        "$argon2id$v=19$m=32768,t=2,p=1$vunx9KKWbkyEgex7g+2mFA$Ds+1RNz1QjqzsF5Zn/SrtASm0S16/"
        "P4nZQuj/MrNGN4";
    LoadedConfig c = parse_config("admin_pin = " + line + "\n");
    CHECK(c.warnings.empty());
    CHECK(c.config.admin_pin == line);
    c = parse_config("admin_pin = 2468\n");
    REQUIRE(c.warnings.size() == 1);
    CHECK(c.warnings[0].text() == "kiosk.conf:1: admin_pin: '2468' is not a line printed by "
                                  "'carbontrail --hash-pin' ($argon2id$...); using none: admin "
                                  "mode stays off");
    CHECK(c.config.admin_pin.empty());
    c = parse_config("admin_pin_sha256 = " + std::string(64, 'a') + "\n");
    REQUIRE(c.warnings.size() == 1);
    CHECK(c.warnings[0].text() ==
          "kiosk.conf:1: admin_pin_sha256 is deprecated (an unsalted, fast hash); make an "
          "admin_pin line with 'carbontrail --hash-pin' and remove this one");
    CHECK(c.config.admin_pin_sha256 == std::string(64, 'a'));
}
