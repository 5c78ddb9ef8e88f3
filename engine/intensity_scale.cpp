#include "intensity_scale.hpp"

#include "error.hpp"
#include "zones.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace ctrail {

std::vector<IntensityScale> resolve_scale(const Model& model, const std::string& spec) {
    const std::string what = "scale '" + spec + "': ";
    const size_t eq = spec.rfind('=');
    const size_t dot = spec.find('.');
    if (eq == std::string::npos || dot == std::string::npos || dot > eq)
        throw ModelError(what + "expected REGION.SECTOR=FACTOR");
    const std::string region = spec.substr(0, dot);
    const std::string sector = spec.substr(dot + 1, eq - dot - 1);
    const std::string factor_text = spec.substr(eq + 1);
    if (region.empty()) throw ModelError(what + "no region before '.'");
    if (sector.empty()) throw ModelError(what + "no sector between '.' and '='");

    // One token names one set: a comma list would hide a typo in a longer spec.
    if (region.find(',') != std::string::npos)
        throw ModelError(what + "one region, group or zone per --scale, not '" + region + "'");
    RegionMask mask;
    try {
        mask = resolve_regions(model, region);
    } catch (const ModelError& e) {
        throw ModelError(what + e.problem());
    }
    int s = -1;
    if (sector != "*") {
        s = model.find_sector(sector);
        if (s < 0) throw ModelError(what + "unknown sector '" + sector + "' (a code or *)");
    }
    char* end = nullptr;
    errno = 0;
    const double factor = std::strtod(factor_text.c_str(), &end);
    if (factor_text.empty() || *end != '\0' || errno != 0 || !std::isfinite(factor) || factor < 0)
        throw ModelError(what + "factor '" + factor_text + "' is not a finite number >= 0");

    std::vector<IntensityScale> out;
    for (size_t r = 0; r < mask.size(); ++r)
        if (mask[r]) out.push_back({static_cast<int>(r), s, factor});
    return out;
}

std::vector<IntensityScale> resolve_scales(const Model& model,
                                           const std::vector<std::string>& specs) {
    std::vector<IntensityScale> out;
    for (const auto& spec : specs) {
        auto one = resolve_scale(model, spec);
        out.insert(out.end(), one.begin(), one.end());
    }
    return out;
}

void scale_emissions(Model& model, const std::vector<IntensityScale>& scales) {
    for (const auto& sc : scales)
        for (int j = 0; j < model.node_count(); ++j)
            if ((sc.region < 0 || model.region_of_node(j) == sc.region) &&
                (sc.sector < 0 || model.sector_of_node(j) == sc.sector))
                model.F.col(j) *= sc.factor;
}

} // namespace ctrail
