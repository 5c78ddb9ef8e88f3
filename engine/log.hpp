// Notes the engine wants someone to see (e.g. "stored factorisation is stale, factorising") but
// that are not errors. By default they go to stderr; a program with its own log (the kiosk)
// or a test installs a sink.
#pragma once

#include <functional>
#include <string>

namespace ctrail {

using LogSink = std::function<void(const std::string&)>;

// Replaces the sink; an empty sink restores the default (stderr). Returns the previous one.
LogSink set_log_sink(LogSink sink);
void log_note(const std::string& message);

} // namespace ctrail
