#include "admin/frame_stats.hpp"

#include <algorithm>
#include <vector>

namespace ctrail::admin {

void FrameStats::prune(double now_s) {
    while (!frames_.empty() && frames_.front().first < now_s - window_s_) frames_.pop_front();
}

void FrameStats::add(double now_s, double ms) {
    frames_.emplace_back(now_s, ms);
    prune(now_s);
}

FrameSummary FrameStats::summary(double now_s) {
    prune(now_s);
    FrameSummary s;
    s.frames = int(frames_.size());
    if (frames_.empty()) return s;
    std::vector<double> ms;
    ms.reserve(frames_.size());
    for (const auto& f : frames_) ms.push_back(f.second);
    const auto mid = ms.begin() + std::ptrdiff_t(ms.size() / 2);
    std::nth_element(ms.begin(), mid, ms.end());
    s.median_ms = *mid;
    if (ms.size() % 2 == 0) s.median_ms = (s.median_ms + *std::max_element(ms.begin(), mid)) / 2;
    s.worst_ms = *std::max_element(ms.begin(), ms.end());
    return s;
}

} // namespace ctrail::admin
