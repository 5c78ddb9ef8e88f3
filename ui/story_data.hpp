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

// A province-to-province step of the chains listed up to `step` (chains_for_step of steps
// 1..step: home <- maker <- its supplier ...), each pair once with the share of the chains along
// it; the largest `max_legs`, largest first. `reveal`: the first step that shows the leg.
struct TrailLeg {
    int from = -1, to = -1; // model region indices
    double share = 0;
    int reveal = kTrailSteps;
};
std::vector<TrailLeg> trail_legs(const ExhibitTrace& trace, int home, int step,
                                 std::size_t max_legs);

// Bubbles worth a label: provinces on the map (`model_to_map` >= 0) with more than 0.2 % so far.
// The provinces the headline names (the two largest emitters elsewhere, then home) come first,
// then those the listed chains name (`also_named`), so the map and the words agree; then the
// largest. At most `max_labels`, but never fewer than the named ones and those of >= 2 %.
struct BubbleLabel {
    int region = -1;
    double share = 0;
};
std::vector<BubbleLabel> ranked_labels(const ExhibitTrace& trace, int home,
                                       const std::vector<double>& shares,
                                       const std::vector<int>& model_to_map, std::size_t max_labels,
                                       const std::vector<int>& also_named = {});
// The provinces the chains listed at `step` pass through, in order of first mention.
std::vector<int> chain_regions(const ExhibitTrace& trace, int step);

// Which headline the trail tells: the two largest emitting provinces outside home, one, or
// none (all at home).
// An inland buyer whose province released most of it hears it that way round: "most of it was
// released here in Sichuan; of the rest, the largest shares came from ...".
struct HeadlineChoice {
    enum class Kind { HomeOnly, One, Two } kind = Kind::HomeOnly;
    std::vector<int> top;          // model region indices, largest first (0, 1 or 2)
    std::vector<double> top_share; // their shares of the total
    bool mostly_here = false;      // an inland buyer's own province released more than half
};
HeadlineChoice choose_headline(const ExhibitTrace& trace, int home);

// The chains the trail lists at `step` (1-based): steps 1..3 the largest chains of depth 0..2
// released outside the buyer's province, the last step "the furthest trips". Where fewer than
// kStepChains leave at steps 1..3 (a car's own assembly rarely does), the largest chains of that
// depth released at home complete the list, so a visitor still sees where that step happened.
inline constexpr std::size_t kStepChains = 3;
struct StepChains {
    std::vector<const TracePathView*> paths; // largest first; empty when the trace has none
    bool all_leave = true;                   // false: chains released at home complete the list
};
StepChains chains_for_step(const ExhibitTrace& trace, int step);

// The four-way split (own province, other coast, centre and west, northeast) in tenths of a
// percent that add up to exactly 1000 as shown (largest remainder), so the four numbers on
// screen add up to 100%. Regions without a zone count with the other coast.
struct SplitPart {
    const char* key; // "home", "coast", "centre_west", "northeast"
    double share;    // the engine's share
    int tenths;      // shown: tenths / 10 %
};
std::vector<SplitPart> four_way_split(const TraceZoneSplit& zones);
// Shares rounded to tenths of a percent adding up to 1000 (largest remainder method).
std::vector<int> tenths_adding_up(const std::vector<double>& shares);

} // namespace ctrail::ui
