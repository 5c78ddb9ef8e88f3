#include "region_list.hpp"

#include <algorithm>
#include <cctype>

namespace ctrail::ui {

std::vector<RegionSection> region_sections(const std::vector<ExhibitRegion>& regions, int home) {
    std::vector<RegionSection> out;
    if (home >= 0 && home < int(regions.size()) && !regions[std::size_t(home)].external)
        out.push_back({"", {home}});
    std::vector<RegionSection> groups;
    RegionSection ungrouped;
    for (std::size_t r = 0; r < regions.size(); ++r) {
        if (regions[r].external) continue;
        if (regions[r].group.empty()) {
            ungrouped.regions.push_back(int(r));
            continue;
        }
        auto it = std::find_if(groups.begin(), groups.end(),
                               [&](const RegionSection& s) { return s.group == regions[r].group; });
        if (it == groups.end())
            groups.push_back({regions[r].group, {int(r)}});
        else
            it->regions.push_back(int(r));
    }
    // Most visitors live on the coast: the groups whose provinces are all coastal come first.
    auto all_coastal = [&](const RegionSection& s) {
        return std::all_of(s.regions.begin(), s.regions.end(),
                           [&](int r) { return regions[std::size_t(r)].coastal; });
    };
    std::stable_partition(groups.begin(), groups.end(), all_coastal);
    out.insert(out.end(), groups.begin(), groups.end());
    if (!ungrouped.regions.empty()) out.push_back(std::move(ungrouped));
    return out;
}

const char* group_text_key(const std::string& group) {
    struct GroupKey {
        const char* group;
        const char* key;
    };
    static constexpr GroupKey kGroups[] = {{"Beijing-Tianjin", "group.beijing_tianjin"},
                                           {"Northern Coastal", "group.northern_coastal"},
                                           {"Eastern Coastal", "group.eastern_coastal"},
                                           {"Southern Coastal", "group.southern_coastal"},
                                           {"Central", "group.central"},
                                           {"Northeast", "group.northeast"},
                                           {"Northwest", "group.northwest"},
                                           {"Southwest", "group.southwest"}};
    for (const GroupKey& g : kGroups)
        if (group == g.group) return g.key;
    return nullptr;
}

std::string group_slug(const std::string& group) {
    std::string key;
    bool gap = false;
    for (unsigned char c : group) {
        if (std::isalnum(c)) {
            if (gap && !key.empty()) key += '_';
            key += char(std::tolower(c));
            gap = false;
        } else {
            gap = true;
        }
    }
    return key;
}

int pick_province(ImVec2 tap, int under, const std::vector<MapSpot>& spots, float radius) {
    auto nearest = [&](bool small_only) {
        int best = -1;
        float best_d2 = radius * radius;
        for (const MapSpot& s : spots) {
            if (small_only && !s.small) continue;
            const float dx = s.at.x - tap.x, dy = s.at.y - tap.y, d2 = dx * dx + dy * dy;
            if (d2 <= best_d2) best = s.province, best_d2 = d2;
        }
        return best;
    };
    // The province under the finger competes by the distance to its own dot: a tap right on
    // Chengdu is Sichuan even though Chongqing's small shape is within a finger of it.
    if (under >= 0) {
        const auto own = std::find_if(spots.begin(), spots.end(),
                                      [&](const MapSpot& s) { return s.province == under; });
        if (own == spots.end()) return under;
        const float dx = own->at.x - tap.x, dy = own->at.y - tap.y;
        const int small = nearest(true);
        if (small < 0) return under;
        const auto near = std::find_if(spots.begin(), spots.end(),
                                       [&](const MapSpot& s) { return s.province == small; });
        const float sx = near->at.x - tap.x, sy = near->at.y - tap.y;
        return sx * sx + sy * sy < dx * dx + dy * dy ? small : under;
    }
    return nearest(false);
}

} // namespace ctrail::ui
