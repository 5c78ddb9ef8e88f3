// Attract: the map with carbon gently flowing from interior provinces to the coast, one
// question, "Touch to start" and the language pair. Any touch wakes the exhibit; a touch on
// the start button or a language button also acts at once, a touch elsewhere shows the hint.
#include "app_internal.hpp"

#include <algorithm>
#include <cmath>

namespace ctrail::ui {

void ExhibitApp::Impl::draw_attract() {
    const bool awake = journey.awake();
    // Landscape: the map fills the left 60 % down to the bottom; the story column on the right.
    Box map_area =
        L.portrait ? L.map : Box(L.content.min, ImVec2(L.map.max.x, L.bar.min.y - L.gap));
    fit_map(map_area);
    draw_map_base(false);

    if (big && model && map_view) {
        // Decorative: the same pairs every time (story_data.hpp); ~30 regions, cheap per frame.
        const std::vector<Flow> flows = attract_flows(*big, model->regions());
        const float line = std::max(1.5f, metrics.mm(0.4f));
        for (std::size_t i = 0; i < flows.size(); ++i) {
            const int a = model_to_map[flows[i].from], b = model_to_map[flows[i].to];
            if (a < 0 || b < 0) continue;
            const ImVec2 p0 = map_view->anchor(a), p1 = map_view->anchor(b);
            ArcStyle faint{theme::with_alpha(theme::interior, 0.28f), line, line * 1.6f, 0.22f,
                           false};
            draw_arc(dl, p0, p1, 1.f, faint);
            // A bead travels each arc once every 4.5 s, staggered: a gentle, slow flow.
            const double period = 4.5;
            const float t = float(std::fmod(now / period + i * 0.137, 1.0));
            const ImVec2 bead = arc_point(p0, p1, t, 0.22f);
            const float fade = std::sin(t * 3.14159f);
            dl->AddCircleFilled(bead, line * 2.2f, theme::with_alpha(theme::interior, 0.9f * fade));
            dl->AddCircleFilled(p1, line * 2.5f, theme::with_alpha(theme::coast, 0.85f));
        }
    }

    // Story column.
    Box s = L.portrait ? L.story : Box(L.story.min, ImVec2(L.story.max.x, L.bar.min.y - L.gap));
    ImFont* head = fonts.headline ? fonts.headline : fonts.body;
    const float wrap = s.w();
    float y = s.min.y + (L.portrait ? 0 : s.h() * 0.08f);
    y += text(fonts.body, L.caption, ImVec2(s.min.x, y), theme::coast, tr("attract.brand")) + L.pad;
    const Lang other = lang() == Lang::En ? Lang::Zh : Lang::En;
    // The question is the screen's hero: as large as the column allows. The hero font holds
    // Latin (crisp when drawn smaller); Chinese uses the headline font at its own size.
    ImFont* question_font = !zh() && fonts.hero ? fonts.hero : head;
    const float question = zh() ? std::max(L.h1, std::min(fonts.headline_px * 1.2f, wrap / 9.f))
                                : std::max(L.h1, std::min(fonts.hero_px, wrap / 10.5f));
    y += runs(question_font, question, ImVec2(s.min.x, y), wrap,
              {{tr("attract.title"), theme::text}}, 1.12f);
    y += L.pad * 0.5f;
    y += runs(fonts.body, L.h2, ImVec2(s.min.x, y), wrap,
              {{texts.tr(other, "attract.title"), theme::muted_text}}, 1.15f);
    y += L.gap;

    // The one action: "Touch to start" (a touch anywhere wakes the screen; this button and the
    // language pair also act on that first touch). Landscape: under the icons where the column
    // has room, else in the bottom bar. Portrait: its own full-width row above the bar, so the
    // language pair below never lies under it.
    const float button_h = L.bar.h();
    const float hint_h = L.caption * 1.6f;
    Box start(s.min.x, L.bar.min.y, s.max.x, L.bar.max.y);
    const float column_y =
        std::max(y + L.gap * 2 + std::min(L.touch * 0.7f, wrap / 9.f), L.canvas.h() * 0.55f);
    const bool in_column = !L.portrait && column_y + button_h + hint_h <= s.max.y;
    if (in_column) start = Box(s.min.x, column_y, s.max.x, column_y + button_h);
    if (L.portrait)
        start = Box(L.bar.min.x, L.bar.min.y - L.gap - button_h, L.bar.max.x, L.bar.min.y - L.gap);

    // The things a visitor might have bought, as a row of line icons.
    const IconId row[] = {IconId::Car,      IconId::Phone,          IconId::Shirt,
                          IconId::RiceBowl, IconId::WashingMachine, IconId::LightBulb,
                          IconId::Building};
    const float icon = std::min(L.touch * 0.7f, wrap / 9.f);
    const float icons_bottom = in_column ? start.min.y : start.min.y - hint_h;
    if (y + icon < icons_bottom - L.gap) {
        const float step = (wrap - icon) / 6.f;
        for (int i = 0; i < 7; ++i)
            draw_icon(dl, row[i], ImVec2(s.min.x + icon / 2 + i * step, y + icon / 2), icon,
                      theme::muted_text, icon_stroke(icon));
        y += icon;
    }

    if (awake) {
        // A slow ring (one pulse per 1.6 s) says "here".
        const float t = float(std::fmod(now / 1.6, 1.0));
        const float grow = metrics.mm(3.f) * t;
        dl->AddRect(ImVec2(start.min.x - grow, start.min.y - grow),
                    ImVec2(start.max.x + grow, start.max.y + grow),
                    theme::with_alpha(theme::accent, 0.55f * (1 - t)),
                    std::min(start.h() * 0.5f, metrics.corner_radius() * 2.f) + grow, 0,
                    std::max(2.f, metrics.mm(0.6f)));
    }
    if (primary_button("start", start, tr("attract.touch_to_start"), false)) journey.start();
    const char* hint = awake ? tr("attract.tap_button") : tr("attract.subtitle");
    const float hy =
        in_column ? start.max.y + L.pad * 0.6f : start.min.y - L.pad * 0.6f - L.caption * 1.3f;
    if (hy > y)
        text_centred(fonts.body, in_column ? L.body : L.caption,
                     Box(start.min.x, hy, start.max.x, hy + L.caption * 1.3f), theme::muted_text,
                     hint);

    // Language pair bottom-left (no Home: this is home).
    Box lang_box(L.bar.min.x, L.bar.min.y, L.bar.min.x + L.lang.w(), L.bar.max.y);
    if (L.portrait) // the pair takes the bar's left half: two large, separate targets
        lang_box = Box(L.bar.min.x, L.bar.min.y,
                       std::max(L.bar.min.x + L.lang.w(), L.bar.centre().x), L.bar.max.y);
    language_switch(lang_box);
    if (!L.portrait) {
        const char* cite = tr("attract.credit");
        const ImVec2 cs = measure(fonts.caption, L.caption, cite);
        if (in_column && cs.x <= s.w())
            text(fonts.caption, L.caption, ImVec2(s.max.x - cs.x, L.bar.max.y - cs.y),
                 theme::muted_text, cite);
        else if (lang_box.max.x + L.gap + cs.x < s.min.x - L.gap)
            text(fonts.caption, L.caption, ImVec2(lang_box.max.x + L.gap, L.bar.max.y - cs.y),
                 theme::muted_text, cite);
    }
}

} // namespace ctrail::ui
