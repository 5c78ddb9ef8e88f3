// Journal detection follows systemd.exec(5): $JOURNAL_STREAM is "DEVICE:INODE" of the stream
// systemd connected; it only counts if our stderr is still that stream (not redirected).
#include "kiosk/kiosk_log.hpp"

#include <cstdlib>
#include <mutex>
#include <sys/stat.h>
#include <unistd.h>

namespace ctrail::kiosk {

namespace {

struct LogState {
    std::mutex mutex;
    LogLevel level = LogLevel::info;
    std::FILE* out = nullptr; // nullptr = stderr
    bool format_known = false;
    LogFormat format = LogFormat::plain;
    std::function<void(LogLevel, std::string_view)> observer;
};

LogState& state() {
    static LogState s;
    return s;
}

} // namespace

std::optional<LogLevel> log_level_from_name(std::string_view n) {
    if (n == "error" || n == "err") return LogLevel::error;
    if (n == "warning" || n == "warn") return LogLevel::warning;
    if (n == "notice") return LogLevel::notice;
    if (n == "info") return LogLevel::info;
    if (n == "debug") return LogLevel::debug;
    return std::nullopt;
}

const char* log_level_name(LogLevel level) {
    switch (level) {
    case LogLevel::error:
        return "error";
    case LogLevel::warning:
        return "warning";
    case LogLevel::notice:
        return "notice";
    case LogLevel::info:
        return "info";
    case LogLevel::debug:
        return "debug";
    }
    return "info";
}

LogFormat detect_log_format() {
    const char* env = std::getenv("JOURNAL_STREAM");
    if (env == nullptr || *env == '\0') return LogFormat::plain;
    unsigned long long dev = 0, ino = 0;
    if (std::sscanf(env, "%llu:%llu", &dev, &ino) != 2) return LogFormat::plain;
    struct stat st {};
    if (fstat(STDERR_FILENO, &st) != 0) return LogFormat::plain;
    return (static_cast<unsigned long long>(st.st_dev) == dev &&
            static_cast<unsigned long long>(st.st_ino) == ino)
               ? LogFormat::journal
               : LogFormat::plain;
}

std::string format_log(LogLevel level, std::string_view message, LogFormat format) {
    std::string prefix;
    if (format == LogFormat::journal) {
        // journald strips "<N>" and stores N as the priority; the unit name is added by it.
        // (Built with append: GCC 12's -Wrestrict misfires on "<" + to_string(..) at -O2.)
        prefix.append("<").append(std::to_string(static_cast<int>(level))).append(">");
    } else {
        prefix.append("carbontrail: ").append(log_level_name(level)).append(": ");
    }
    std::string out;
    size_t start = 0;
    while (true) {
        const size_t end = message.find('\n', start);
        out += prefix;
        out += message.substr(start, end == std::string_view::npos ? end : end - start);
        out += '\n';
        if (end == std::string_view::npos || end + 1 == message.size()) break;
        start = end + 1;
    }
    return out;
}

void log_set_level(LogLevel level) {
    std::lock_guard lock(state().mutex);
    state().level = level;
}

LogLevel log_level() {
    std::lock_guard lock(state().mutex);
    return state().level;
}

void log_set_output(std::FILE* out, LogFormat format) {
    std::lock_guard lock(state().mutex);
    state().out = out;
    state().format = format;
    state().format_known = out != nullptr;
}

void log_set_observer(std::function<void(LogLevel, std::string_view)> observer) {
    std::lock_guard lock(state().mutex);
    state().observer = std::move(observer);
}

void log(LogLevel level, std::string_view message) {
    LogState& s = state();
    std::lock_guard lock(s.mutex);
    if (static_cast<int>(level) > static_cast<int>(s.level)) return;
    if (!s.format_known) {
        s.format = detect_log_format();
        s.format_known = true;
    }
    const std::string text = format_log(level, message, s.format);
    std::FILE* out = s.out != nullptr ? s.out : stderr;
    std::fwrite(text.data(), 1, text.size(), out);
    std::fflush(out);
    if (s.observer) s.observer(level, message);
}

} // namespace ctrail::kiosk
