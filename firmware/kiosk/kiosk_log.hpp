// Logging with levels to stderr. Under systemd (stderr connected to the journal, detected via
// $JOURNAL_STREAM) every line starts with the syslog priority prefix `<N>` that journald turns
// into the entry's priority (journalctl -p warning, colours); otherwise lines are plain
// "carbontrail: warning: ..." for a terminal. Thread-safe (the trace worker logs too).
//
// What firmware/main.cpp must do: nothing to initialise. Call log_set_level() after loading the
// config (kiosk_config.hpp) and use log_error/log_warning/log_info/... everywhere; SDL's own
// messages can be forwarded with SDL_LogSetOutputFunction -> log(level, message).
#pragma once

#include <cstdio>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace ctrail::kiosk {

// Values are the syslog priorities journald understands.
enum class LogLevel { error = 3, warning = 4, notice = 5, info = 6, debug = 7 };

// "error" | "warning" | "notice" | "info" | "debug" -> LogLevel (also "warn", "err").
std::optional<LogLevel> log_level_from_name(std::string_view name);
const char* log_level_name(LogLevel level);

enum class LogFormat { plain, journal };

// journal when $JOURNAL_STREAM names the device:inode of our stderr, else plain.
LogFormat detect_log_format();

// One formatted message; every line of a multi-line message gets the prefix. Ends in '\n'.
std::string format_log(LogLevel level, std::string_view message, LogFormat format);

// Messages less severe than `level` are dropped (default: info).
void log_set_level(LogLevel level);
LogLevel log_level();
// Redirect output (tests); nullptr restores stderr. The format is detected again on nullptr.
void log_set_output(std::FILE* out, LogFormat format);

// Also hand every message that passes the level to `observer` (admin mode's ring of recent
// warnings); called under the log's lock, so it must not log. nullptr removes it.
void log_set_observer(std::function<void(LogLevel, std::string_view)> observer);

void log(LogLevel level, std::string_view message);
inline void log_error(std::string_view m) {
    log(LogLevel::error, m);
}
inline void log_warning(std::string_view m) {
    log(LogLevel::warning, m);
}
inline void log_notice(std::string_view m) {
    log(LogLevel::notice, m);
}
inline void log_info(std::string_view m) {
    log(LogLevel::info, m);
}
inline void log_debug(std::string_view m) {
    log(LogLevel::debug, m);
}

} // namespace ctrail::kiosk
