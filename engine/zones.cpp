#include "zones.hpp"

#include "error.hpp"

#include "trim.hpp"

#include <algorithm>

namespace ctrail {

namespace {

const char* const kZones[] = {kZoneCoast, kZoneCentreWest, kZoneNortheast};

} // namespace

bool is_zone(const std::string& name) {
    for (const char* z : kZones)
        if (name == z) return true;
    return false;
}

std::string zone_list() {
    return std::string(kZoneCoast) + ", " + kZoneCentreWest + " or " + kZoneNortheast;
}

RegionMask resolve_regions(const Model& model, const std::string& codes) {
    RegionMask mask(model.regions.size(), 0);
    size_t start = 0;
    while (start <= codes.size()) {
        const size_t comma = std::min(codes.find(',', start), codes.size());
        const std::string item(trim_blanks(codes.substr(start, comma - start)));
        start = comma + 1;
        if (item.empty()) throw ModelError("empty item in the region list '" + codes + "'");
        if (const int r = model.find_region(item); r >= 0) {
            mask[r] = 1;
            continue;
        }
        bool found = false;
        for (size_t r = 0; r < model.regions.size(); ++r) {
            const Region& reg = model.regions[r];
            if (reg.group == item || reg.zone == item) mask[r] = found = true;
        }
        if (!found) {
            if (is_zone(item))
                throw ModelError("zone '" + item +
                                 "' has no region in this model (no zone column "
                                 "in its regions.csv?)");
            throw ModelError("'" + item + "' is neither a region code, a group nor a zone (" +
                             zone_list() + ") of this model");
        }
    }
    return mask;
}

RegionMask region_mask(const Model& model, const std::vector<int>& regions) {
    RegionMask mask(model.regions.size(), 0);
    for (int r : regions)
        if (r >= 0 && r < static_cast<int>(mask.size())) mask[r] = 1;
    return mask;
}

RegionMask all_but(const Model& model, int region) {
    RegionMask mask(model.regions.size(), 0);
    for (int r : model.domestic_regions())
        if (r != region) mask[r] = 1;
    return mask;
}

RegionMask zone_mask(const Model& model, const std::string& zone) {
    RegionMask mask(model.regions.size(), 0);
    for (size_t r = 0; r < model.regions.size(); ++r)
        if (!zone.empty() && model.regions[r].zone == zone) mask[r] = 1;
    return mask;
}

ZoneTotals zone_totals(const Model& model, const Eigen::VectorXd& by_region, int home) {
    ZoneTotals t;
    for (int r = 0; r < static_cast<int>(by_region.size()); ++r) {
        const double v = by_region(r);
        const std::string& z = model.regions[r].zone;
        if (r == home)
            t.home += v;
        else if (z == kZoneCoast)
            t.coast += v;
        else if (z == kZoneCentreWest)
            t.centre_west += v;
        else if (z == kZoneNortheast)
            t.northeast += v;
        else
            t.unzoned += v;
    }
    return t;
}

} // namespace ctrail
