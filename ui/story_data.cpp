#include "story_data.hpp"

#include <algorithm>
#include <map>
#include <utility>

namespace ctrail::ui {

std::vector<Flow> attract_flows(const BigPicture& big, const std::vector<ExhibitRegion>& regions) {
    std::vector<const RegionAccount*> interior, coast;
    for (const auto& a : big.regions) {
        if (a.region < 0 || regions[a.region].external || !regions[a.region].has_location) continue;
        (regions[a.region].coastal ? coast : interior).push_back(&a);
    }
    std::sort(interior.begin(), interior.end(),
              [](auto* a, auto* b) { return a->territorial > b->territorial; });
    std::sort(coast.begin(), coast.end(),
              [](auto* a, auto* b) { return a->consumption > b->consumption; });
    std::vector<Flow> flows;
    const std::size_t nc = std::min<std::size_t>(coast.size(), 7);
    const std::size_t ni = std::min<std::size_t>(interior.size(), 9);
    for (std::size_t c = 0; c < nc; ++c)
        for (std::size_t k = 0; k < 2 && ni > 0; ++k)
            flows.push_back({interior[(c * 2 + k * 3) % ni]->region, coast[c]->region});
    return flows;
}

std::vector<double> shares_through_step(const ExhibitTrace& t, int step, std::size_t regions) {
    if (step < kTrailSteps) return t.region_shares_through_stage(step, regions);
    std::vector<double> s(regions, 0.0);
    for (const auto& r : t.by_region) s[r.region] = r.share;
    return s;
}

double share_through_step(const ExhibitTrace& t, int step) {
    return step >= kTrailSteps ? 1.0 : t.share_through_stage(step);
}

std::vector<TrailLeg> trail_legs(const ExhibitTrace& trace, int home, int step,
                                 std::size_t max_legs) {
    std::map<std::pair<int, int>, TrailLeg> legs;
    for (const TracePathView& path : trace.paths) {
        const int reveal = std::min(int(path.nodes.size()), kTrailSteps); // depth + 1
        if (reveal > step) continue;
        int from = home;
        for (const auto& node : path.nodes) {
            if (node.region != from) {
                TrailLeg& leg = legs[{from, node.region}];
                leg.from = from;
                leg.to = node.region;
                leg.share += path.share;
                leg.reveal = std::min(leg.reveal, reveal);
            }
            from = node.region;
        }
    }
    std::vector<TrailLeg> sorted;
    for (const auto& kv : legs) sorted.push_back(kv.second);
    std::sort(sorted.begin(), sorted.end(),
              [](const TrailLeg& a, const TrailLeg& b) { return a.share > b.share; });
    if (sorted.size() > max_legs) sorted.resize(max_legs);
    return sorted;
}

HeadlineChoice choose_headline(const ExhibitTrace& trace, int home) {
    HeadlineChoice c;
    for (const auto& r : trace.by_region)
        if (r.region != home && r.share > 0 && c.top.size() < 2) c.top.push_back(r.region);
    c.kind = c.top.size() >= 2   ? HeadlineChoice::Kind::Two
             : c.top.size() == 1 ? HeadlineChoice::Kind::One
                                 : HeadlineChoice::Kind::HomeOnly;
    return c;
}

std::vector<BubbleLabel> ranked_labels(const ExhibitTrace& trace, int home,
                                       const std::vector<double>& shares,
                                       const std::vector<int>& model_to_map,
                                       std::size_t max_labels) {
    std::vector<BubbleLabel> labels;
    for (std::size_t r = 0; r < shares.size() && r < model_to_map.size(); ++r)
        if (model_to_map[r] >= 0 && shares[r] > 0.002) labels.push_back({int(r), shares[r]});
    std::vector<int> named{home};
    for (const auto& r : trace.by_region)
        if (r.region != home && named.size() < 3) named.push_back(r.region);
    auto rank = [&](const BubbleLabel& l) {
        auto it = std::find(named.begin(), named.end(), l.region);
        return it == named.end() ? 3 : int(it - named.begin());
    };
    std::sort(labels.begin(), labels.end(), [&](const BubbleLabel& a, const BubbleLabel& b) {
        return rank(a) != rank(b) ? rank(a) < rank(b) : a.share > b.share;
    });
    if (labels.size() > max_labels) labels.resize(max_labels);
    return labels;
}

} // namespace ctrail::ui
