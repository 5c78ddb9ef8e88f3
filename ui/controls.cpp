// The exhibit's controls, drawn with draw lists (ImGui only supplies the input): tappable
// areas, the accent "next" button, secondary buttons, the bottom bar, the language pair, the
// trail's step dots, panel cards, and the figures a visitor reads (recorded for the state file).
#include "app_internal.hpp"

#include <algorithm>
#include <cmath>

namespace ctrail::ui {

bool ExhibitApp::Impl::hit(const char* id, Box b) {
    targets[id] = b;
    if (b.w() < 1 || b.h() < 1) return false;
    ImGui::SetCursorScreenPos(b.min);
    ImGui::PushID(id);
    const bool clicked = ImGui::InvisibleButton("##hit", b.size());
    ImGui::PopID();
    return clicked && !input_blocked;
}

void ExhibitApp::Impl::record(ShownFigure f) {
    state.figures.push_back(std::move(f));
}

bool ExhibitApp::Impl::share_row(Box in, float& y, float bottom, float size,
                                 const std::string& words, const ShownFigure& pct, double fraction,
                                 const ShareRowStyle& style) {
    ImFont* head = fonts.headline ? fonts.headline : fonts.body;
    const ImVec2 ps = measure(head, size, pct.shown.c_str());
    const float tw = in.w() - ps.x - L.pad;
    const ImVec2 ws = measure(fonts.body, size, words.c_str(), tw);
    const float bar = std::max(4.f, size * 0.28f);
    if (y + ws.y + bar + style.fit_margin > bottom) return false;
    text(fonts.body, size, ImVec2(in.min.x, y), style.words, words.c_str(), tw);
    dl->AddText(pick(head, size), size, ImVec2(in.max.x - ps.x, y), style.figure,
                pct.shown.c_str());
    y += ws.y + 3;
    dl->AddRectFilled(ImVec2(in.min.x, y), ImVec2(in.max.x, y + bar), style.track, bar / 2);
    dl->AddRectFilled(ImVec2(in.min.x, y), ImVec2(in.min.x + float(in.w() * fraction), y + bar),
                      style.bar, bar / 2);
    y += bar + style.gap_after;
    record(pct);
    return true;
}

float ExhibitApp::Impl::icon_stroke(float icon_size) const {
    // The style guide's 1.2 mm stroke, thinner on small icons so they stay line drawings.
    return std::clamp(icon_size * 0.075f, 1.5f, metrics.icon_line());
}

void ExhibitApp::Impl::panel_card(Box b) {
    dl->AddRectFilled(b.min, b.max, theme::panel, metrics.corner_radius() * 1.5f);
}

bool ExhibitApp::Impl::primary_button(const char* id, Box b, const char* label, bool arrow) {
    const bool clicked = hit(id, b);
    const bool held = ImGui::IsItemActive() && !input_blocked;
    const float r = std::min(b.h() * 0.5f, metrics.corner_radius() * 2.f);
    // A soft glow makes the one primary action the obvious next step.
    dl->AddRectFilled(ImVec2(b.min.x - 3, b.min.y - 3), ImVec2(b.max.x + 3, b.max.y + 3),
                      theme::with_alpha(theme::accent, 0.18f), r + 3);
    dl->AddRectFilled(b.min, b.max,
                      held ? theme::mix(theme::accent, theme::background, 0.18f) : theme::accent,
                      r);
    const std::string t = arrow ? format_text(tr("button.with_arrow"), {{"label", label}}) : label;
    const float size = std::min(L.h2, b.h() * 0.42f);
    ImFont* font = fonts.headline ? fonts.headline : fonts.body;
    ImVec2 s = measure(font, size, t.c_str());
    float use = size;
    if (s.x > b.w() - 2 * L.pad) use = std::max(16.f, size * (b.w() - 2 * L.pad) / s.x);
    text_centred(font, use, b.inset(L.pad * 0.5f, 0), theme::accent_text, t.c_str());
    return clicked;
}

bool ExhibitApp::Impl::secondary_button(const char* id, Box b, const char* label,
                                        std::optional<IconId> icon, bool selected,
                                        float text_size) {
    const bool clicked = hit(id, b);
    const bool held = ImGui::IsItemActive() && !input_blocked;
    const float r = metrics.corner_radius() * 1.5f;
    dl->AddRectFilled(b.min, b.max,
                      held ? theme::mix(theme::panel, theme::text, 0.12f) : theme::panel, r);
    if (selected)
        dl->AddRect(b.min, b.max, theme::coast, r, 0, std::max(2.f, metrics.mm(0.6f)));
    else
        dl->AddRect(b.min, b.max, theme::with_alpha(theme::muted_text, 0.3f), r, 0,
                    1.5f); // visible on cards too
    Box inner = b.inset(L.pad * 0.6f, 0);
    float size = text_size > 0 ? text_size : L.body;
    if (icon) {
        const float isz = std::min(b.h() * 0.5f, L.touch * 0.5f);
        const ImVec2 s = measure(fonts.body, size, label);
        const float total = isz + L.pad * 0.5f + s.x;
        const float x0 = std::max(inner.min.x, b.centre().x - total / 2);
        draw_icon(dl, *icon, ImVec2(x0 + isz / 2, b.centre().y), isz, theme::text,
                  icon_stroke(isz));
        dl->AddText(pick(fonts.body, size), size,
                    ImVec2(x0 + isz + L.pad * 0.5f, b.centre().y - s.y / 2), theme::text, label);
    } else {
        ImVec2 s = measure(fonts.body, size, label);
        if (s.x > inner.w()) size = std::max(16.f, size * inner.w() / s.x);
        text_centred(fonts.body, size, inner, theme::text, label);
    }
    return clicked;
}

void ExhibitApp::Impl::language_switch(Box b) {
    panel_card(b);
    const float inset = std::max(3.f, metrics.mm(1.f));
    Box in = b.inset(inset);
    const float half = in.w() / 2;
    Box en(in.min, ImVec2(in.min.x + half, in.max.y));
    Box cn(ImVec2(in.min.x + half, in.min.y), in.max);
    const bool is_zh = zh();
    const float r = metrics.corner_radius() * 1.2f;
    const float line = std::max(2.f, metrics.mm(0.5f));
    // Each language is labelled in its own language; the current one is outlined.
    if (hit("lang.en", en)) journey.set_language("en");
    if (hit("lang.zh", cn)) journey.set_language("zh");
    dl->AddRect(is_zh ? cn.min : en.min, is_zh ? cn.max : en.max, theme::text, r, 0, line);
    text_centred(fonts.headline ? fonts.headline : fonts.body, L.body, en,
                 is_zh ? theme::muted_text : theme::text, tr("lang.en"));
    text_centred(fonts.body, L.body, cn, is_zh ? theme::text : theme::muted_text, tr("lang.zh"));
}

bool ExhibitApp::Impl::bottom_bar(const char* next_id, const char* next_label, bool show_home,
                                  bool next_primary) {
    if (show_home && secondary_button("home", L.home, tr("home.button"), IconId::Home)) {
        journey.ask_home();
        visits.home(now);
    }
    language_switch(show_home ? L.lang
                              : Box(L.home.min, ImVec2(L.home.min.x + L.lang.w(), L.lang.max.y)));
    const Screen sc = journey.screen();
    if ((sc == Screen::Region || sc == Screen::Product || sc == Screen::Trail ||
         sc == Screen::WhatIf) &&
        secondary_button("back", L.back, tr("nav.back"))) {
        journey.back();
        visits.back(now);
    }
    if (!next_label) return false;
    return next_primary ? primary_button(next_id, L.next, next_label)
                        : secondary_button(next_id, L.next, next_label);
}

void ExhibitApp::Impl::step_dots(ImVec2 pos, int count, int current, float size) {
    const float w = size * 1.6f, h = std::max(4.f, size * 0.28f), gap = size * 0.4f;
    for (int i = 0; i < count; ++i) {
        ImVec2 a(pos.x + i * (w + gap), pos.y);
        dl->AddRectFilled(
            a, ImVec2(a.x + w, a.y + h),
            i < current ? theme::text : theme::mix(theme::panel, theme::muted_text, 0.3f), h / 2);
    }
}

} // namespace ctrail::ui
