// The exhibit's regional framing, defined once in the bundle (regions.csv `zone`, see
// docs/BUNDLE-FORMAT.md): `coast`, `centre_west` (Feng et al.'s Central, Northwest and Southwest
// groups: "the central and western provinces") and `northeast`. The engine, ctrail and the
// exhibit name sets of regions the same way: comma-separated region codes, group names or zone
// names ("SX,NM", "Central,Northwest,Southwest", "centre_west").
#pragma once

#include "model.hpp"

#include <string>
#include <vector>

namespace ctrail {

inline constexpr const char* kZoneCoast = "coast";
inline constexpr const char* kZoneCentreWest = "centre_west";
inline constexpr const char* kZoneNortheast = "northeast";

bool is_zone(const std::string& name);
std::string zone_list(); // "coast, centre_west or northeast", for error messages

// One flag per region of the model (all regions, external ones included): the key of a region
// set. Built by resolve_regions() or by hand.
using RegionMask = std::vector<char>;

// Resolves "CODES": each comma-separated item is a region code, a group name (Region::group) or
// a zone name; the result is their union. Matching is exact; region codes win over group names.
// Throws ModelError naming the unknown item; an empty list (or a group/zone with no region) is an
// error too, since an empty set is always a mistake.
RegionMask resolve_regions(const Model& model, const std::string& codes);

// The mask of the listed region indices.
RegionMask region_mask(const Model& model, const std::vector<int>& regions);
// Every domestic region but `region` (the chains that leave a province).
RegionMask all_but(const Model& model, int region);
// The regions of one zone.
RegionMask zone_mask(const Model& model, const std::string& zone);

// A per-region vector (e.g. TraceResult::by_region) split four ways: the home region, then the
// other regions by zone. The parts add up to the vector's sum.
struct ZoneTotals {
    double home = 0, coast = 0, centre_west = 0, northeast = 0;
    double unzoned = 0; // regions without a zone
};
ZoneTotals zone_totals(const Model& model, const Eigen::VectorXd& by_region, int home);

} // namespace ctrail
