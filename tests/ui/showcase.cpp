#include "showcase.hpp"

#include "icons.hpp"

#include <string>

using namespace ctrail::ui;

MapView draw_showcase(const Showcase& s) {
    const Metrics& m = s.metrics;
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(m.size_px());
    ImGui::Begin("showcase", nullptr, canvas_window_flags);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, 0), m.size_px(), theme::background);

    // Landscape: map left 60%; portrait: map on top 55%.
    ImVec2 lo(m.margin(), m.margin()), hi;
    if (m.portrait())
        hi = ImVec2(m.size_px().x - m.margin(), m.size_px().y * 0.55f);
    else
        hi = ImVec2(m.size_px().x * 0.6f, m.size_px().y - m.margin() - m.primary_button_height());
    MapView view(*s.asset);
    view.fit(lo, hi);

    const auto& provinces = s.asset->provinces();
    std::vector<ImU32> fills(provinces.size(), theme::map_land);
    int sh = s.asset->index_of("SH"), xz = s.asset->index_of("XZ");
    fills[std::size_t(xz)] = theme::no_data;
    view.draw_fills(dl, fills);
    view.draw_hatching(dl, xz, theme::with_alpha(theme::text, 0.35f), m.mm(2), 1.f);
    view.draw_outlines(dl, theme::map_border, std::max(1.f, m.mm(0.25f)));
    view.draw_highlight(dl, sh, theme::with_alpha(theme::coast, 0.85f), theme::coast, m.mm(0.5f));
    view.draw_inset_frame(dl, theme::with_alpha(theme::muted_text, 0.5f), 1.f);

    const char* sources[] = {"HE", "NM", "SX", "SD", "HA", "JS"};
    float shares[] = {0.13f, 0.07f, 0.09f, 0.08f, 0.05f, 0.10f};
    for (int i = 0; i < 6; ++i) {
        int p = s.asset->index_of(sources[i]);
        ArcStyle st;
        st.colour = theme::with_alpha(theme::interior, 0.85f);
        st.start_px = m.mm(0.4f);
        st.end_px = m.mm(0.4f) + m.mm(2.5f) * shares[i] / 0.13f;
        draw_arc(dl, view.anchor(p), view.anchor(sh), s.progress, st);
        draw_bubble(dl, view.anchor(p), bubble_radius(shares[i] / 0.13f, m.mm(6)), theme::co2, 2.f);
    }
    ImFont* body = s.fonts->body;
    const char* tibet_name = s.texts->tr(Lang::En, "map.province_no_data");
    std::string tibet = format_text(tibet_name, {{"province", provinces[std::size_t(xz)].name_en}});
    draw_label(dl, body, 0, view.label_point(xz), tibet.c_str(), theme::text,
               theme::with_alpha(theme::background, 0.6f));
    draw_label(dl, body, 0, ImVec2(view.anchor(sh).x, view.anchor(sh).y + m.mm(8)),
               "Shanghai\n上海", theme::coast, theme::with_alpha(theme::background, 0.6f));

    // Story side: headline in both languages, hero number, icon row.
    float x = m.portrait() ? m.margin() : m.size_px().x * 0.62f;
    float y = m.portrait() ? m.size_px().y * 0.57f : m.margin() * 2;
    dl->AddText(s.fonts->headline, s.fonts->headline_px, ImVec2(x, y), theme::text,
                s.texts->tr(Lang::En, "attract.title"));
    y += s.fonts->headline_px * 1.3f;
    dl->AddText(s.fonts->headline, s.fonts->headline_px, ImVec2(x, y), theme::text,
                s.texts->tr(Lang::Zh, "attract.title"));
    y += s.fonts->headline_px * 1.4f;
    dl->AddText(s.fonts->hero, s.fonts->hero_px, ImVec2(x, y), theme::co2, "≈ 4.1 t CO₂");
    y += s.fonts->hero_px * 1.2f;
    float icon = m.touch_target();
    for (int i = 0; i < int(IconId::Count); ++i) {
        ImVec2 c(x + icon * 0.5f + float(i) * (icon + m.gap() * 0.5f), y + icon * 0.5f);
        draw_icon(dl, IconId(i), c, icon * 0.8f, theme::muted_text, m.icon_line());
    }
    y += icon + m.gap();
    dl->AddText(body, s.fonts->body_px, ImVec2(x, y), theme::muted_text,
                s.texts->tr(Lang::Zh, "trail.legend_bubble"));
    ImGui::End();
    return view;
}
