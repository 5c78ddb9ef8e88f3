#include "admin/log_ring.hpp"

namespace ctrail::admin {

void LogRing::add(int level, std::string_view when, std::string_view message) {
    if (level > 4) return;
    std::string line = std::string(when) + (level <= 3 ? " error: " : " warning: ");
    line += message.substr(0, 300); // one screen line's worth, not a dump
    std::lock_guard lock(mutex_);
    lines_.push_back(std::move(line));
    while (lines_.size() > capacity_) lines_.pop_front();
}

std::vector<std::string> LogRing::lines() const {
    std::lock_guard lock(mutex_);
    return {lines_.begin(), lines_.end()};
}

} // namespace ctrail::admin
