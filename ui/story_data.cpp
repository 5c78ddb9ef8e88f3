#include "story_data.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
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
    for (int reveal = 1; reveal <= std::min(step, kTrailSteps); ++reveal) {
        for (const TracePathView* chain : chains_for_step(trace, reveal).paths) {
            const TracePathView& path = *chain;
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
    // As ExhibitTrace::largest_elsewhere(2), with the home the trail shows.
    for (const auto& r : trace.by_region)
        if (r.region != home && r.share > 0 && c.top.size() < 2) {
            c.top.push_back(r.region);
            c.top_share.push_back(r.share);
        }
    c.mostly_here = trace.home_zone == "centre_west" && trace.share_elsewhere < 0.5;
    c.kind = c.top.size() >= 2   ? HeadlineChoice::Kind::Two
             : c.top.size() == 1 ? HeadlineChoice::Kind::One
                                 : HeadlineChoice::Kind::HomeOnly;
    return c;
}

std::vector<BubbleLabel> ranked_labels(const ExhibitTrace& trace, int home,
                                       const std::vector<double>& shares,
                                       const std::vector<int>& model_to_map, std::size_t max_labels,
                                       const std::vector<int>& also_named) {
    // The headline's two provinces first (home also has the product's marker), then home.
    std::vector<int> named;
    for (const auto& r : trace.by_region)
        if (r.region != home && named.size() < 2) named.push_back(r.region);
    named.push_back(home);
    for (int r : also_named)
        if (std::find(named.begin(), named.end(), r) == named.end()) named.push_back(r);
    const int others = int(named.size());
    // A province the text names keeps its label from the first step on, however small its share
    // so far; others need a visible bubble.
    std::vector<BubbleLabel> labels;
    for (std::size_t r = 0; r < shares.size() && r < model_to_map.size(); ++r) {
        const bool is_named = std::find(named.begin(), named.end(), int(r)) != named.end();
        if (model_to_map[r] >= 0 && shares[r] > (is_named ? 0.0 : 0.002))
            labels.push_back({int(r), shares[r]});
    }
    auto rank = [&](const BubbleLabel& l) {
        auto it = std::find(named.begin(), named.end(), l.region);
        return it == named.end() ? others : int(it - named.begin());
    };
    std::size_t must = 0; // named, or a bubble of 2 % or more
    for (const auto& l : labels)
        if (rank(l) < others || l.share >= 0.02) ++must;
    max_labels = std::max(max_labels, must);
    std::sort(labels.begin(), labels.end(), [&](const BubbleLabel& a, const BubbleLabel& b) {
        return rank(a) != rank(b) ? rank(a) < rank(b) : a.share > b.share;
    });
    if (labels.size() > max_labels) labels.resize(max_labels);
    return labels;
}

std::vector<int> chain_regions(const ExhibitTrace& trace, int step) {
    std::vector<int> out;
    for (const TracePathView* path : chains_for_step(trace, step).paths)
        for (const auto& node : path->nodes)
            if (std::find(out.begin(), out.end(), node.region) == out.end())
                out.push_back(node.region);
    return out;
}

StepChains chains_for_step(const ExhibitTrace& trace, int step) {
    StepChains out;
    if (step >= kTrailSteps) {
        for (const auto& p : trace.furthest.paths) out.paths.push_back(&p);
        return out;
    }
    const std::size_t depth = std::size_t(std::max(step, 1) - 1);
    if (depth >= trace.leaving_by_depth.size()) return out;
    for (const auto& p : trace.leaving_by_depth[depth].paths) out.paths.push_back(&p);
    if (out.paths.size() >= kStepChains) return out;
    // The trace's top paths hold the largest home chains of every depth (they are larger than
    // the leaving ones that made the list short).
    for (const auto& p : trace.paths)
        if (out.paths.size() < kStepChains && p.nodes.size() == depth + 1 &&
            p.nodes.back().region == trace.region) {
            out.paths.push_back(&p);
            out.all_leave = false;
        }
    std::stable_sort(
        out.paths.begin(), out.paths.end(),
        [](const TracePathView* a, const TracePathView* b) { return a->share > b->share; });
    return out;
}

std::vector<int> tenths_adding_up(const std::vector<double>& shares) {
    const double total = std::accumulate(shares.begin(), shares.end(), 0.0);
    std::vector<int> out(shares.size(), 0);
    if (!(total > 0)) return out;
    std::vector<std::pair<double, std::size_t>> rest; // remainder, index
    int given = 0;
    for (std::size_t i = 0; i < shares.size(); ++i) {
        const double exact = std::max(0.0, shares[i]) / total * 1000.0;
        out[i] = int(std::floor(exact));
        given += out[i];
        rest.push_back({exact - out[i], i});
    }
    std::stable_sort(rest.begin(), rest.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t k = 0; given < 1000 && k < rest.size(); ++k, ++given) ++out[rest[k].second];
    return out;
}

std::vector<SplitPart> four_way_split(const TraceZoneSplit& z) {
    std::vector<SplitPart> parts{{"home", z.home, 0},
                                 {"coast", z.coast + z.unzoned, 0},
                                 {"centre_west", z.centre_west, 0},
                                 {"northeast", z.northeast, 0}};
    std::vector<double> shares;
    for (const auto& p : parts) shares.push_back(p.share);
    const auto tenths = tenths_adding_up(shares);
    for (std::size_t i = 0; i < parts.size(); ++i) parts[i].tenths = tenths[i];
    return parts;
}

} // namespace ctrail::ui
