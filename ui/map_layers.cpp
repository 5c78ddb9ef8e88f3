// Layers every map screen shares: the provinces' fills and outlines, the hatching and labels
// of provinces without model data.
#include "app_internal.hpp"

#include <algorithm>

namespace ctrail::ui {

void ExhibitApp::Impl::draw_map_base(bool mark_no_data, const std::vector<int>& tinted,
                                     ImU32 tint) {
    if (!map_view) return;
    const auto& provinces = map_asset->provinces();
    std::vector<ImU32> fills(provinces.size(), theme::map_land);
    for (int i : tinted)
        if (i >= 0 && std::size_t(i) < fills.size()) fills[std::size_t(i)] = tint;
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
