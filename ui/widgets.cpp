// The exhibit's controls, drawn with draw lists (ImGui only supplies the input): tappable
// areas, the accent "next" button, secondary buttons, coloured wrapped text, the bottom bar,
// the language pair and the overlays (Start again?, Resetting in…).
#include "app_internal.hpp"
#include "number_format.hpp"

#include <algorithm>
#include <cctype>
#include <cfloat>
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

ImFont* ExhibitApp::Impl::pick(ImFont* font, float size) const {
    if (!font) return ImGui::GetFont();
    struct Face {
        ImFont* font;
        float px;
    };
    const Face faces[] = {{fonts.hero, fonts.hero_px},
                          {fonts.headline, fonts.headline_px},
                          {fonts.body, fonts.body_px},
                          {fonts.caption, fonts.caption_px}};
    float native = 0;
    for (const Face& f : faces)
        if (f.font == font) native = f.px;
    if (native <= 0) return font;
    if (font == fonts.caption && fonts.body && size >= fonts.body_px * 0.9f)
        return fonts.body; // no upscaling
    if (size >= native * 0.85f) return font;
    // Bold faces (large strokes) take a stronger reduction before stepping down to the regular
    // body face; body steps down to caption.
    if ((font == fonts.hero || font == fonts.headline) && fonts.headline &&
        size >= fonts.headline_px * 0.5f)
        return fonts.headline;
    if (fonts.body && size >= fonts.body_px * 0.85f) return fonts.body;
    return fonts.caption ? fonts.caption : font;
}

ImVec2 ExhibitApp::Impl::measure(ImFont* font, float size, const char* t, float wrap) const {
    font = pick(font, size);
    return font->CalcTextSizeA(size, FLT_MAX, wrap, t);
}

float ExhibitApp::Impl::text(ImFont* font, float size, ImVec2 pos, ImU32 colour, const char* t,
                             float wrap) {
    font = pick(font, size);
    dl->AddText(pick(font, size), size, pos, colour, t, nullptr, wrap);
    return measure(font, size, t, wrap).y;
}

float ExhibitApp::Impl::text_centred(ImFont* font, float size, Box b, ImU32 colour, const char* t) {
    font = pick(font, size);
    ImVec2 s = measure(font, size, t, b.w());
    ImVec2 c = b.centre();
    // Centre each line of a wrapped text on its own.
    if (s.x <= b.w()) {
        dl->AddText(font ? font : ImGui::GetFont(), size, ImVec2(c.x - s.x / 2, c.y - s.y / 2),
                    colour, t);
    } else {
        dl->AddText(font ? font : ImGui::GetFont(), size, ImVec2(b.min.x, c.y - s.y / 2), colour, t,
                    nullptr, b.w());
    }
    return s.y;
}

namespace {
// Splits text into wrap units: a Latin word with its trailing spaces, or one CJK character
// (with any punctuation that must not start a line glued to it).
std::vector<std::string> wrap_units(const std::string& s) {
    std::vector<std::string> out;
    std::size_t i = 0;
    auto cp_len = [&](std::size_t k) {
        unsigned char c = (unsigned char)s[k];
        return c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    };
    auto is_wide = [&](std::size_t k) { return (unsigned char)s[k] >= 0xE3; };
    auto is_closing = [&](std::size_t k) {
        static const char* closers[] = {"，", "。", "、", "：", "；", "！", "？", "）", "”", "…"};
        for (const char* c : closers)
            if (s.compare(k, std::char_traits<char>::length(c), c) == 0) return true;
        return false;
    };
    while (i < s.size()) {
        std::size_t j = i;
        if (is_wide(i)) {
            j += cp_len(i);
            while (j < s.size() && is_closing(j)) j += cp_len(j);
        } else {
            while (j < s.size() && s[j] != ' ' && !is_wide(j)) j += cp_len(j);
            while (j < s.size() && s[j] == ' ') ++j;
        }
        if (j == i) j = i + cp_len(i);
        out.push_back(s.substr(i, j - i));
        i = j;
    }
    return out;
}
} // namespace

float ExhibitApp::Impl::runs(ImFont* font, float size, ImVec2 pos, float wrap,
                             const std::vector<Run>& rs, float line_gap, bool draw) {
    font = pick(font, size);
    const float line_h = size * line_gap;
    float x = 0, y = 0;
    bool line_empty = true;
    for (const Run& r : rs) {
        for (const std::string& u : wrap_units(r.text)) {
            if (u == "\n") {
                x = 0;
                y += line_h;
                line_empty = true;
                continue;
            }
            // Width without trailing spaces decides whether the unit still fits.
            std::string trimmed = u;
            while (!trimmed.empty() && trimmed.back() == ' ') trimmed.pop_back();
            float w_trim = font->CalcTextSizeA(size, FLT_MAX, 0, trimmed.c_str()).x;
            float w = font->CalcTextSizeA(size, FLT_MAX, 0, u.c_str()).x;
            if (!line_empty && x + w_trim > wrap) {
                x = 0;
                y += line_h;
                line_empty = true;
            }
            if (line_empty && trimmed.empty()) continue;
            if (draw)
                dl->AddText(pick(font, size), size, ImVec2(pos.x + x, pos.y + y), r.colour,
                            u.c_str());
            x += w;
            line_empty = false;
        }
    }
    return y + (line_empty && y > 0 ? 0 : line_h);
}

std::string ExhibitApp::Impl::figure(const std::string& id, double engine, const std::string& unit,
                                     const std::string& shown) {
    state.figures.push_back({id, engine, unit, shown});
    return shown;
}

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
    std::string t = label;
    if (arrow) t += "  →";
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
    if (show_home && secondary_button("home", L.home, tr("home.button"), IconId::Home))
        journey.ask_home();
    language_switch(show_home ? L.lang
                              : Box(L.home.min, ImVec2(L.home.min.x + L.lang.w(), L.lang.max.y)));
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
        // Name from the text table ("province.xz"; the model has no entry for it, and the
        // font holds the text tables' glyphs), else the map asset's.
        std::string key = "province.";
        for (char ch : provinces[i].code) key += char(std::tolower((unsigned char)ch));
        std::string name = texts.has(lang(), key)
                               ? texts.tr(lang(), key)
                               : (zh() ? provinces[i].name_zh : provinces[i].name_en);
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

void ExhibitApp::Impl::overlays(bool blocked_before) {
    const bool asleep = journey.screen() == Screen::Attract && !journey.awake();
    const bool counting = journey.counting_down(now);
    const bool confirm = journey.home_confirm();
    if (!(blocked_before || asleep || counting || confirm)) return;
    const ImVec2 size = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(size);
    // Without NoBringToFrontOnFocus: ImGui puts such windows at the BACK when created, and the
    // overlay must sit above the canvas (which never comes to the front itself).
    ImGui::Begin("##overlay", nullptr,
                 canvas_window_flags & ~ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImDrawList* saved = dl;
    dl = ImGui::GetWindowDrawList();
    const bool saved_block = input_blocked;
    input_blocked = false;
    // Swallows every touch that does not land on an overlay button.
    ImGui::SetCursorScreenPos(ImVec2(0, 0));
    const bool outside = ImGui::InvisibleButton("##swallow", size);
    ImGui::SetItemAllowOverlap(); // the card's buttons on top of it still get the touch

    if (counting || confirm) {
        dl->AddRectFilled(ImVec2(0, 0), size, theme::with_alpha(theme::background, 0.78f));
        const float w = std::min(size.x - 2 * L.outer, std::max(L.touch * 7.f, size.x * 0.5f));
        const float h = std::min(size.y - 2 * L.outer,
                                 L.touch * 1.2f + L.h1 * 1.4f + L.body * 1.8f + L.pad * 5);
        Box card(size.x / 2 - w / 2, size.y / 2 - h / 2, size.x / 2 + w / 2, size.y / 2 + h / 2);
        panel_card(card);
        Box in = card.inset(L.pad * 1.5f);
        ImFont* head = fonts.headline ? fonts.headline : fonts.body;
        if (counting) {
            std::string title = format_text(
                tr("idle.resetting"), {{"n", std::to_string(journey.countdown_seconds(now))}});
            float y = in.min.y + in.h() * 0.15f;
            y += text_centred(head, L.h1, Box(in.min.x, y, in.max.x, y + L.h1 * 1.3f), theme::text,
                              title.c_str());
            y += L.pad;
            text_centred(fonts.body, L.body, Box(in.min.x, y, in.max.x, y + L.body * 2.4f),
                         theme::muted_text, tr("idle.touch_to_stay"));
            animate_until(now + 1.0);
        } else {
            float y = in.min.y;
            y += text_centred(head, L.h1, Box(in.min.x, y, in.max.x, y + L.h1 * 1.3f), theme::text,
                              tr("home.confirm_title"));
            text_centred(fonts.body, L.body, Box(in.min.x, y, in.max.x, y + L.body * 1.6f),
                         theme::muted_text, tr("home.confirm_body"));
            const float bh = std::min(L.touch * 1.15f, in.h() * 0.5f);
            const float bw = (in.w() - L.gap) / 2;
            Box no(in.min.x, in.max.y - bh, in.min.x + bw, in.max.y);
            Box yes(in.max.x - bw, in.max.y - bh, in.max.x, in.max.y);
            if (secondary_button("home.no", no, tr("home.confirm_no")))
                journey.cancel_home();
            else if (primary_button("home.yes", yes, tr("home.confirm_yes"), false)) {
                journey.reset();
                trace.reset();
                region_page = 0;
            } else if (outside && confirm && !counting) {
                journey.cancel_home(); // a tap beside the card: the visitor stays
            }
        }
    }
    input_blocked = saved_block;
    dl = saved;
    ImGui::End();
}

} // namespace ctrail::ui

namespace ctrail::ui {

std::vector<ExhibitApp::Impl::Run>
ExhibitApp::Impl::template_runs(const char* pattern, ImU32 base,
                                const std::vector<Arg>& args) const {
    std::vector<Run> out;
    std::string p = pattern, lit;
    for (std::size_t i = 0; i < p.size();) {
        if (p[i] == '{') {
            std::size_t close = p.find('}', i);
            if (close != std::string::npos) {
                const std::string name = p.substr(i + 1, close - i - 1);
                const Arg* a = nullptr;
                for (const Arg& x : args)
                    if (name == x.name) a = &x;
                if (a) {
                    if (!lit.empty()) out.push_back({lit, base});
                    lit.clear();
                    out.push_back({a->value, a->colour});
                    i = close + 1;
                    continue;
                }
            }
        }
        lit += p[i++];
    }
    if (!lit.empty()) out.push_back({lit, base});
    return out;
}

std::string ExhibitApp::Impl::plain(const std::vector<Run>& rs) const {
    std::string s;
    for (const Run& r : rs) s += r.text;
    return s;
}

} // namespace ctrail::ui
