// Frame times over the last minute (the run loop measures each frame's work; admin mode shows
// the median and the worst). UI thread only.
#pragma once

#include <deque>
#include <utility>

namespace ctrail::admin {

struct FrameSummary {
    double median_ms = 0, worst_ms = 0;
    int frames = 0;
};

class FrameStats {
  public:
    explicit FrameStats(double window_s = 60) : window_s_(window_s) {}
    // A frame that ended at `now_s` (monotonic seconds) and took `ms` milliseconds.
    void add(double now_s, double ms);
    FrameSummary summary(double now_s);

  private:
    void prune(double now_s);
    double window_s_;
    std::deque<std::pair<double, double>> frames_; // (end time, ms)
};

} // namespace ctrail::admin
