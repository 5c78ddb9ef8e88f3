#include "headline.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ctrail {
namespace {

double median(std::vector<double> v) {
    if (v.empty()) return std::numeric_limits<double>::quiet_NaN();
    std::sort(v.begin(), v.end());
    const size_t h = v.size() / 2;
    return v.size() % 2 ? v[h] : 0.5 * (v[h - 1] + v[h]);
}

} // namespace

Headline compute_headline(const Model& model, const Accounts& a, int top_count) {
    Headline h;
    h.stressor = a.stressor;
    h.national_outside_share = a.national_outside_share;
    const int nr = static_cast<int>(model.regions.size());
    const int nd = model.domestic_count();
    const double total = a.transfers.sum();
    std::vector<double> coastal, interior;
    double best = -1, external = 0;
    for (int r = 0; r < nr; ++r) {
        ConsumerHeadline c;
        c.region = r;
        c.consumption = a.consumption(r);
        c.caused_by_industry = a.transfers.col(r).sum();
        c.emitted_elsewhere_share = a.emitted_elsewhere_share(r);
        const int own = model.domestic_position(r);
        for (int e = 0; e < nd; ++e) {
            const double v = a.transfers(e, r);
            // Below 1e-12 of the consumer's total is round-off of the solve, not an emitter.
            if (e == own || v <= 1e-12 * c.caused_by_industry) continue;
            c.top_emitters.push_back({model.domestic_regions()[e], v, v / c.caused_by_industry});
        }
        // Largest first; equal values keep model order so the output is deterministic.
        std::stable_sort(c.top_emitters.begin(), c.top_emitters.end(),
                         [](const auto& x, const auto& y) { return x.value > y.value; });
        if (static_cast<int>(c.top_emitters.size()) > top_count)
            c.top_emitters.resize(std::max(top_count, 0));

        const Region& region = model.regions[r];
        if (region.kind == RegionKind::External) {
            external += c.caused_by_industry;
        } else if (!std::isnan(c.emitted_elsewhere_share)) {
            (region.coastal ? coastal : interior).push_back(c.emitted_elsewhere_share);
            if (region.coastal && c.emitted_elsewhere_share > best) {
                best = c.emitted_elsewhere_share;
                h.top_coastal = r;
            }
        }
        h.consumers.push_back(std::move(c));
    }
    h.external_share = total > 0 ? external / total : 0.0;
    h.median_coastal = median(coastal);
    h.median_interior = median(interior);
    return h;
}

} // namespace ctrail
