#include "kiosk/kiosk_log.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

using namespace ctrail::kiosk;

namespace {
std::string read_all(std::FILE* f) {
    std::rewind(f);
    std::string s;
    char buf[512];
    size_t n = 0;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) s.append(buf, n);
    return s;
}
} // namespace

TEST_CASE("journal lines carry the syslog priority prefix") {
    CHECK(format_log(LogLevel::error, "no model", LogFormat::journal) == "<3>no model\n");
    CHECK(format_log(LogLevel::warning, "w", LogFormat::journal) == "<4>w\n");
    CHECK(format_log(LogLevel::notice, "n", LogFormat::journal) == "<5>n\n");
    CHECK(format_log(LogLevel::info, "i", LogFormat::journal) == "<6>i\n");
    CHECK(format_log(LogLevel::debug, "d", LogFormat::journal) == "<7>d\n");
    // Each line of a multi-line message becomes its own journal entry with the priority.
    CHECK(format_log(LogLevel::warning, "a\nb\n", LogFormat::journal) == "<4>a\n<4>b\n");
}

TEST_CASE("plain lines name the program and the level") {
    CHECK(format_log(LogLevel::warning, "rotation bad", LogFormat::plain) ==
          "carbontrail: warning: rotation bad\n");
    CHECK(format_log(LogLevel::error, "x\ny", LogFormat::plain) ==
          "carbontrail: error: x\ncarbontrail: error: y\n");
}

TEST_CASE("level names round-trip") {
    for (LogLevel l :
         {LogLevel::error, LogLevel::warning, LogLevel::notice, LogLevel::info, LogLevel::debug}) {
        CHECK(log_level_from_name(log_level_name(l)) == l);
    }
    CHECK(log_level_from_name("warn") == LogLevel::warning);
    CHECK_FALSE(log_level_from_name("verbose"));
}

TEST_CASE("messages below the level are dropped") {
    std::FILE* f = std::tmpfile();
    REQUIRE(f != nullptr);
    log_set_output(f, LogFormat::journal);
    log_set_level(LogLevel::warning);
    log_info("hidden");
    log_warning("shown");
    log_error("also shown");
    log_set_level(LogLevel::debug);
    log_debug("now shown");
    CHECK(read_all(f) == "<4>shown\n<3>also shown\n<7>now shown\n");
    log_set_output(nullptr, LogFormat::plain);
    log_set_level(LogLevel::info);
    std::fclose(f);
}

TEST_CASE("the journal is detected only when JOURNAL_STREAM names our stderr") {
    struct stat st {};
    REQUIRE(fstat(STDERR_FILENO, &st) == 0);
    const std::string ours = std::to_string(static_cast<unsigned long long>(st.st_dev)) + ":" +
                             std::to_string(static_cast<unsigned long long>(st.st_ino));
    ::setenv("JOURNAL_STREAM", ours.c_str(), 1);
    CHECK(detect_log_format() == LogFormat::journal);
    ::setenv("JOURNAL_STREAM", "1:2", 1);
    CHECK(detect_log_format() == LogFormat::plain);
    ::unsetenv("JOURNAL_STREAM");
    CHECK(detect_log_format() == LogFormat::plain);
}
