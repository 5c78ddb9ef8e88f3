// Layers every map screen shares: the provinces' fills and outlines, the hatching and labels
// of provinces without model data, and map labels that never overlap each other.
#include "app_internal.hpp"

#include <algorithm>

namespace ctrail::ui {

std::optional<ImVec2> ExhibitApp::Impl::place_label(ImVec2 a, ImVec2 size, float r, Box bounds) {
    const float g = 4;
    const ImVec2 tries[] = {{a.x + r + g, a.y - size.y / 2},
                            {a.x - r - g - size.x, a.y - size.y / 2},
                            {a.x - size.x / 2, a.y - r - g - size.y},
                            {a.x - size.x / 2, a.y + r + g},
                            {a.x + r * 0.7f + g, a.y - r * 0.7f - size.y},
                            {a.x + r * 0.7f + g, a.y + r * 0.7f},
                            {a.x - r * 0.7f - g - size.x, a.y + r * 0.7f},
                            {a.x - r * 0.7f - g - size.x, a.y - r * 0.7f - size.y},
                            {a.x - size.x / 2, a.y + r + g + size.y}};
    for (const ImVec2& t : tries) {
        const Box b(t, ImVec2(t.x + size.x, t.y + size.y));
        if (b.min.x < bounds.min.x || b.min.y < bounds.min.y || b.max.x > bounds.max.x ||
            b.max.y > bounds.max.y)
            continue;
        bool clash = false;
        for (const Box& o : label_boxes)
            if (b.min.x < o.max.x && b.max.x > o.min.x && b.min.y < o.max.y && b.max.y > o.min.y) {
                clash = true;
                break;
            }
        if (clash) continue;
        label_boxes.push_back(b);
        return t;
    }
    return std::nullopt;
}

void ExhibitApp::Impl::draw_map_base(bool mark_no_data) {
    if (!map_view) return;
    const auto& provinces = map_asset->provinces();
    std::vector<ImU32> fills(provinces.size(), theme::map_land);
    if (mark_no_data)
        for (std::size_t i = 0; i < provinces.size(); ++i)
            if (provinces[i].in_model && map_to_model[i] < 0) fills[i] = theme::no_data;
    map_view->draw_fills(dl, fills);
    if (mark_no_data)
        for (std::size_t i = 0; i < provinces.size(); ++i)
            if (provinces[i].in_model && map_to_model[i] < 0)
                map_view->draw_hatching(dl, int(i), theme::with_alpha(theme::background, 0.55f),
                                        std::max(6.f, metrics.mm(2.f)),
                                        std::max(1.f, metrics.mm(0.3f)));
    map_view->draw_outlines(dl, theme::map_border, std::max(1.f, metrics.mm(0.25f)));
}

void ExhibitApp::Impl::draw_no_data_labels() {
    if (!map_view) return;
    const auto& provinces = map_asset->provinces();
    for (std::size_t i = 0; i < provinces.size(); ++i) {
        if (!provinces[i].in_model || map_to_model[i] >= 0) continue;
        // The model has no entry for it: the map asset's name (the font holds its glyphs).
        const std::string& name = zh() ? provinces[i].name_zh : provinces[i].name_en;
        ImVec2 c = map_view->bbox_centre(int(i));
        const float w = std::max(measure(fonts.body, L.caption, name.c_str()).x,
                                 measure(fonts.caption, L.caption, tr("map.no_data")).x);
        reserve(Box(c.x - w / 2, c.y - L.caption * 1.2f, c.x + w / 2, c.y + L.caption * 1.2f));
        draw_label(dl, pick(fonts.body, L.caption), L.caption, ImVec2(c.x, c.y - L.caption * 0.6f),
                   name.c_str(), theme::text, theme::with_alpha(theme::background, 0.6f));
        draw_label(dl, pick(fonts.caption, L.caption), L.caption,
                   ImVec2(c.x, c.y + L.caption * 0.6f), tr("map.no_data"), theme::text,
                   theme::with_alpha(theme::background, 0.6f));
    }
}

} // namespace ctrail::ui
