#include "admin_gesture.hpp"

namespace ctrail::ui {

bool AdminGesture::update(double now, bool down, float x, float y) {
    const bool top_left = x >= 0 && x < kCornerX && y >= 0 && y < kCornerY;
    const bool top_right = x > 1 - kCornerX && x <= 1 && y >= 0 && y < kCornerY;
    const bool pressed = down && !was_down_, released = !down && was_down_;
    was_down_ = down;
    bool done = false;
    if (pressed) {
        if (top_right && armed(now)) done = true;
        armed_until_ = -1; // any other touch cancels the second half
        holding_ = top_left && !done;
        hold_start_ = now;
    } else if (down && holding_ && !top_left) {
        holding_ = false; // the finger slid out of the corner
    } else if (released && holding_) {
        holding_ = false;
        if (now - hold_start_ >= kHoldS) armed_until_ = now + kTapWithinS;
    }
    return done;
}

} // namespace ctrail::ui
