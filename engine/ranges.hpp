// Ensemble ranges (docs/BUNDLE-FORMAT.md, `ranges.csv`): the low and high of a figure over the
// pipeline's ensemble of models built under other reasonable assumptions. Optional: a model
// without them has an empty list.
#pragma once

#include <string>
#include <vector>

namespace ctrail {

// What a range is of, and which of region/sector it is keyed by.
struct RangeQuantity {
    const char* name;
    bool per_region; // region code required (else empty)
    bool per_sector; // sector code required (else empty)
    bool share;      // a share: low and high within [0, 1]
};
// national_outside_share, top_coastal_share, median_coastal, median_interior, exports_share,
// top_coastal_centre_west_share (the top coastal consumer's share emitted in centre_west);
// consumer_share_elsewhere (region); intensity_kg_per_yuan, share_outside, share_centre_west
// (region x sector: the consumer's purchase of a product).
const std::vector<RangeQuantity>& range_quantities();

struct Range {
    std::string quantity;
    std::string region; // empty when not per region
    std::string sector; // empty when not per sector
    double low = 0, high = 0;
};

struct Model;
struct Region;

// Zone centre_west, the "central and western provinces" of the ranges' share_centre_west (and
// of the pipeline's ensemble): regions whose `zone` (regions.csv) is centre_west.
bool in_centre_west(const Region& region);

// Reads `path` (ranges.csv) against the model's labels; throws ModelError naming the file, line
// and problem (unknown quantity or code, low > high, share outside [0, 1], duplicate).
std::vector<Range> read_ranges(const std::string& path, const Model& model);
// The same checks on ranges from elsewhere (the database); throws ModelError(`origin`).
void check_ranges(const std::vector<Range>& ranges, const Model& model, const std::string& origin);
// ranges.csv text, rows in the given order.
std::string ranges_csv(const std::vector<Range>& ranges);
// The range of (quantity, region, sector), or nullptr.
const Range* find_range(const std::vector<Range>& ranges, const std::string& quantity,
                        const std::string& region = "", const std::string& sector = "");

} // namespace ctrail
