// The last warnings and errors the exhibit logged, for admin mode's screen and the USB export.
// Fed by the kiosk log's observer (every message that passes the log level); thread-safe.
#pragma once

#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace ctrail::admin {

class LogRing {
  public:
    explicit LogRing(std::size_t capacity = 20) : capacity_(capacity) {}
    // level: 3 error, 4 warning; less severe levels are not kept. `when`: "HH:MM:SS".
    void add(int level, std::string_view when, std::string_view message);
    // Oldest first, "HH:MM:SS warning: message".
    std::vector<std::string> lines() const;

  private:
    std::size_t capacity_;
    mutable std::mutex mutex_;
    std::deque<std::string> lines_;
};

} // namespace ctrail::admin
