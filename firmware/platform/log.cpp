#include "log.hpp"

#include "kiosk/kiosk_log.hpp"

namespace ctrail::platform {

void log_line(int level, const std::string& message) {
    kiosk::log(static_cast<kiosk::LogLevel>(level), message);
}

} // namespace ctrail::platform
