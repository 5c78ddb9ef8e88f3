// "What if" scale specifications: `REGION.SECTOR=FACTOR` (ctrail --scale, the exhibit's lever)
// resolved against a model into the IntensityScale list the Leontief and the Tracer apply.
// REGION is a region code, a group name (Region::group, e.g. Northwest) or a zone (zones.hpp,
// e.g. centre_west); SECTOR is a sector code or `*` (every sector); FACTOR is a finite number
// >= 0. Scales of the same node multiply.
#pragma once

#include "leontief.hpp"

#include <string>
#include <vector>

namespace ctrail {

// One IntensityScale per region of REGION. Throws ModelError naming the bad token (unknown
// region / group / zone or sector, a factor that is not a finite number >= 0, a malformed spec).
std::vector<IntensityScale> resolve_scale(const Model& model, const std::string& spec);

// Every spec of the list, in order.
std::vector<IntensityScale> resolve_scales(const Model& model,
                                           const std::vector<std::string>& specs);

// The model "rebuilt" with scaled intensities: F's columns multiplied by the scales (S = F /
// x with x unchanged, so this equals scaling S). Territorial accounts then change with them.
void scale_emissions(Model& model, const std::vector<IntensityScale>& scales);

} // namespace ctrail
