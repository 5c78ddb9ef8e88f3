// "Where do you live?" as plain data, no drawing: the provinces in sections (the museum's own
// province first, then the model's region groups, the all-coastal groups first), and which
// province a tap on the map means (small provinces such as Shanghai or Beijing are hit within a
// finger radius of their dot).
#pragma once

#include <exhibit_model.hpp>

#include <imgui.h>

#include <string>
#include <vector>

namespace ctrail::ui {

struct RegionSection {
    std::string group;        // ExhibitRegion::group; empty for the home section
    std::vector<int> regions; // model region indices, in the model's order
};

// The home section (when `home` is a domestic region index, else none), then one section per
// group. Every domestic region is in exactly one group section (the home one in its group too);
// regions without a group form a last section with an empty name.
std::vector<RegionSection> region_sections(const std::vector<ExhibitRegion>& regions, int home);

// The text key of a model region group's name ("Beijing-Tianjin" -> "group.beijing_tianjin"),
// a literal from one fixed table so the missing-key test sees it; nullptr for a group the
// table does not list (its label is then the model's own name).
const char* group_text_key(const std::string& group);

// A touch-target id word for a group ("Northern Coastal" -> "northern_coastal"): an id, never
// a text key, so it may be built from the model's name.
std::string group_slug(const std::string& group);

// A province dot on screen that a finger may mean.
struct MapSpot {
    int province = -1;  // map province index
    ImVec2 at;          // its dot (capital) on screen
    bool small = false; // its shape is narrower than a finger: the dot's radius wins over shapes
};

// The province a tap at `tap` means: on land, the province under the finger (`under`) unless
// a small province's dot within `radius` is nearer than the dot of the one under the finger;
// off the land (`under` -1), the nearest dot within `radius` (a tap just off the coast). -1
// when none.
int pick_province(ImVec2 tap, int under, const std::vector<MapSpot>& spots, float radius);

} // namespace ctrail::ui
