// One frame that uses every component (map fills, highlight, hatching, arcs, bubbles, labels,
// icons, fonts) - shared by the ImGui frame test and the PNG preview tool.
#pragma once

#include "fonts.hpp"
#include "map_view.hpp"
#include "text_table.hpp"
#include "theme.hpp"

struct Showcase {
    const ctrail::ui::MapAsset* asset;
    const ctrail::ui::Texts* texts;
    const ctrail::ui::FontSet* fonts;
    ctrail::ui::Metrics metrics;
    float progress = 0.6f; // arc animation 0..1
};

// Between ImGui::NewFrame() and ImGui::Render(). Returns the map view it fitted (for checks).
ctrail::ui::MapView draw_showcase(const Showcase& s);
