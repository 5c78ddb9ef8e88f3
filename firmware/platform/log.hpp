// The platform's log: through the kiosk logger (journal or plain stderr, with its level).
#pragma once

#include <string>

namespace ctrail::platform {

// level: 3 error, 4 warning, 5 notice, 6 info, 7 debug.
void log_line(int level, const std::string& message);

} // namespace ctrail::platform
