#include "pin_backoff.hpp"

#include <algorithm>

namespace ctrail::ui {

void PinBackoff::wrong(double now) {
    ++wrong_;
    if (wrong_ < kFreeTries) return;
    wait_ = wait_ == 0 ? kFirstWait : std::min(wait_ * 2, kLongestWait);
    locked_until_ = now + wait_;
}

} // namespace ctrail::ui
