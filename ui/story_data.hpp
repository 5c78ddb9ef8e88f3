// The data work behind the map screens, as pure functions of the engine's results (no drawing,
// no ImGui): which flows the attract map shows, which province-to-province legs the trail draws
// at each step, which bubbles get a label, and which headline the trail tells. Tested in
// tests/e2e/test_story_data.cpp.
#pragma once

#include <exhibit_model.hpp>

#include <cstddef>
#include <vector>

namespace ctrail::ui {

// The trail's steps: the product's own factories (stage 0), their suppliers (1), the suppliers'
// suppliers (2), and everything further back (3 and beyond).
inline constexpr int kTrailSteps = 4;
inline constexpr int kTrailPaths = 8; // arcs on the map

// Attract: from the interior provinces with the largest territorial emissions to the coastal
// ones with the largest consumption-based emissions; the same pairs every time.
struct Flow {
    int from, to; // model region indices
};
std::vector<Flow> attract_flows(const BigPicture& big, const std::vector<ExhibitRegion>& regions);

// Share of the trace total released in each region through trail step `step` (1-based):
// steps 1..3 are supply-chain stages 0..2, the last step adds everything further back.
std::vector<double> shares_through_step(const ExhibitTrace& trace, int step, std::size_t regions);
double share_through_step(const ExhibitTrace& trace, int step);

// A province-to-province step of the top chains revealed by `step` (home <- maker <- its
// supplier ...), each pair once with the share of the chains along it; the largest
// `max_legs`, largest first. `reveal`: the first step that shows the leg.
struct TrailLeg {
    int from = -1, to = -1; // model region indices
    double share = 0;
    int reveal = kTrailSteps;
};
std::vector<TrailLeg> trail_legs(const ExhibitTrace& trace, int home, int step,
                                 std::size_t max_legs);

// Bubbles worth a label: provinces on the map (`model_to_map` >= 0) with more than 0.2 % so far.
// The provinces the headline names (home, then the two largest emitters elsewhere) come first,
// so the map and the words agree; then the largest. At most `max_labels`.
struct BubbleLabel {
    int region = -1;
    double share = 0;
};
std::vector<BubbleLabel> ranked_labels(const ExhibitTrace& trace, int home,
                                       const std::vector<double>& shares,
                                       const std::vector<int>& model_to_map,
                                       std::size_t max_labels);

// Which headline the trail tells: the two largest emitting provinces outside home, one, or
// none (all at home).
struct HeadlineChoice {
    enum class Kind { HomeOnly, One, Two } kind = Kind::HomeOnly;
    std::vector<int> top; // model region indices, largest first (0, 1 or 2)
};
HeadlineChoice choose_headline(const ExhibitTrace& trace, int home);

} // namespace ctrail::ui
