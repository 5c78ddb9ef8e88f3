// Headline figures of a model for one stressor, as Feng et al. (2013) report them: the national
// outside share and, per consumer region, its consumption-based emissions, the share of them
// released in other regions and the regions that release most of them.
#pragma once

#include "accounts.hpp"

#include <vector>

namespace ctrail {

struct EmitterContribution {
    int region = -1;  // emitting (domestic) region index
    double value = 0; // transfers(emitter, consumer)
    double share = 0; // of the consumer's industry-caused emissions
};

struct ConsumerHeadline {
    int region = -1;                    // consumer region index (external regions included)
    double consumption = 0;             // consumption-based: caused by its final demand + its FY
    double caused_by_industry = 0;      // sum over emitters of transfers(e, r): households excluded
    double emitted_elsewhere_share = 0; // imported / caused_by_industry; NaN when nothing caused
    // The largest emitters *other than the consumer itself*, largest first: "where else" is the
    // exhibit's question, and the consumer's own share is 1 - emitted_elsewhere_share.
    std::vector<EmitterContribution> top_emitters;
};

struct Headline {
    int stressor = 0;
    double national_outside_share = 0;       // sum_{e != r} T / sum T (consumers include external)
    double external_share = 0;               // share of sum T caused by external regions' demand
    std::vector<ConsumerHeadline> consumers; // every region, in model order
    // Among domestic regions with a defined share (index into regions, -1 when none):
    int top_coastal = -1;       // coastal region with the highest emitted-elsewhere share
    double median_coastal = 0;  // NaN when there is no coastal region
    double median_interior = 0; // NaN when there is no interior region
};

// `top_count` emitters are listed per consumer (fewer when fewer regions emit for it; a
// contribution below 1e-12 of the consumer's total is round-off and is not listed).
Headline compute_headline(const Model& model, const Accounts& accounts, int top_count = 3);

} // namespace ctrail
