// The hidden way into admin mode: hold the top-left corner for 5 s, lift, then tap the top-right
// corner within 3 s. Pure: fed the pointer each frame (canvas fractions 0..1) and the clock.
// Visitors do not find it by chance: a 5-second hold on an empty corner is no visitor's gesture.
#pragma once

namespace ctrail::ui {

class AdminGesture {
  public:
    static constexpr double kHoldS = 5, kTapWithinS = 3;
    static constexpr float kCornerX = 0.12f, kCornerY = 0.16f; // corner zones, canvas fractions

    // One frame: is a finger down, and where. True once, on the frame the gesture completes.
    bool update(double now, bool down, float x, float y);
    bool armed(double now) const { return armed_until_ > now; }
    bool holding() const { return holding_; }

  private:
    bool was_down_ = false;
    bool holding_ = false; // the current press began in the top-left corner and stayed there
    double hold_start_ = 0;
    double armed_until_ = -1; // the top-right tap counts until then
};

} // namespace ctrail::ui
