#include "ranges.hpp"

#include "csv.hpp"
#include "error.hpp"
#include "model.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>
#include <unordered_set>

namespace ctrail {

const std::vector<RangeQuantity>& range_quantities() {
    static const std::vector<RangeQuantity> q = {
        {"national_outside_share", false, false, true},
        {"top_coastal_share", false, false, true},
        {"median_coastal", false, false, true},
        {"median_interior", false, false, true},
        {"exports_share", false, false, true},
        {"top_coastal_centre_west_share", false, false, true},
        {"consumer_share_elsewhere", true, false, true},
        {"intensity_kg_per_yuan", true, true, false},
        {"share_outside", true, true, true},
        {"share_centre_west", true, true, true},
    };
    return q;
}

bool in_centre_west(const Region& r) {
    return r.zone == "centre_west";
}

namespace {

// Empty string when fine, else the problem.
std::string problem_of(const Range& r, const Model& m) {
    const RangeQuantity* q = nullptr;
    for (const auto& k : range_quantities())
        if (r.quantity == k.name) {
            q = &k;
            break;
        }
    if (!q) return "unknown quantity '" + r.quantity + "'";
    if (q->per_region && m.find_region(r.region) < 0)
        return "unknown region '" + r.region + "' for " + r.quantity;
    if (!q->per_region && !r.region.empty()) return r.quantity + " takes no region";
    if (q->per_sector && m.find_sector(r.sector) < 0)
        return "unknown sector '" + r.sector + "' for " + r.quantity;
    if (!q->per_sector && !r.sector.empty()) return r.quantity + " takes no sector";
    if (!std::isfinite(r.low) || !std::isfinite(r.high)) return "low and high must be finite";
    if (r.low > r.high) return "low is above high";
    if (r.low < 0) return "negative low";
    if (q->share && r.high > 1) return "a share above 1";
    return "";
}

} // namespace

void check_ranges(const std::vector<Range>& ranges, const Model& model, const std::string& origin) {
    for (const Range& r : ranges)
        if (auto p = problem_of(r, model); !p.empty()) throw ModelError(origin, 0, p);
    // Duplicates by a hash set of pointers (runs at every exhibit open: no copies of the codes,
    // one hash per range instead of a sort's string comparisons).
    auto hash = [](const Range* r) {
        const std::hash<std::string> h;
        return h(r->quantity) ^ (h(r->region) * 31) ^ (h(r->sector) * 1009);
    };
    auto same = [](const Range* a, const Range* b) {
        return a->quantity == b->quantity && a->region == b->region && a->sector == b->sector;
    };
    std::unordered_set<const Range*, decltype(hash), decltype(same)> seen(ranges.size() * 2, hash,
                                                                          same);
    for (const Range& r : ranges)
        if (!seen.insert(&r).second)
            throw ModelError(origin, 0,
                             "duplicate range " + r.quantity + " " + r.region + " " + r.sector);
}

std::vector<Range> read_ranges(const std::string& path, const Model& model) {
    CsvTable t = CsvTable::read(path);
    t.require({"quantity", "region", "sector", "low", "high"});
    const int q = t.column("quantity"), r = t.column("region"), s = t.column("sector"),
              lo = t.column("low"), hi = t.column("high");
    std::vector<Range> out;
    std::map<std::tuple<std::string, std::string, std::string>, int> seen;
    for (const auto& row : t.rows()) {
        Range x{t.cell(row, q), t.cell(row, r), t.cell(row, s), t.number(row, lo),
                t.number(row, hi)};
        if (auto p = problem_of(x, model); !p.empty()) throw ModelError(t.name(), row.line, p);
        if (auto [it, fresh] = seen.emplace(std::tuple{x.quantity, x.region, x.sector}, row.line);
            !fresh)
            throw ModelError(t.name(), row.line,
                             "duplicate range (first on line " + std::to_string(it->second) + ")");
        out.push_back(std::move(x));
    }
    return out;
}

std::string ranges_csv(const std::vector<Range>& ranges) {
    std::string out = "quantity,region,sector,low,high\n";
    for (const auto& r : ranges)
        out += csv_field(r.quantity) + "," + csv_field(r.region) + "," + csv_field(r.sector) + "," +
               shortest_number(r.low) + "," + shortest_number(r.high) + "\n";
    return out;
}

const Range* find_range(const std::vector<Range>& ranges, const std::string& quantity,
                        const std::string& region, const std::string& sector) {
    for (const auto& r : ranges)
        if (r.quantity == quantity && r.region == region && r.sector == sector) return &r;
    return nullptr;
}

} // namespace ctrail
