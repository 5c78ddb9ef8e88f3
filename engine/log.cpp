#include "log.hpp"

#include <cstdio>
#include <mutex>

namespace ctrail {
namespace {

std::mutex& sink_mutex() {
    static std::mutex m;
    return m;
}
LogSink& current_sink() {
    static LogSink s;
    return s;
}

} // namespace

LogSink set_log_sink(LogSink sink) {
    std::lock_guard lock(sink_mutex());
    LogSink old = std::move(current_sink());
    current_sink() = std::move(sink);
    return old;
}

void log_note(const std::string& message) {
    std::lock_guard lock(sink_mutex());
    if (current_sink())
        current_sink()(message);
    else
        std::fprintf(stderr, "carbontrail: %s\n", message.c_str());
}

} // namespace ctrail
