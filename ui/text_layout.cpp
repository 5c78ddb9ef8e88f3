// Text on the canvas: the face that renders a size best, measuring, plain and centred text,
// coloured runs wrapped by line_break.hpp's rules (English and Chinese), and `{name}`
// templates as coloured runs (the one template parser lives in text_table: split_template).
#include "app_internal.hpp"
#include "line_break.hpp"

#include <algorithm>
#include <cfloat>
#include <string>
#include <vector>

namespace ctrail::ui {

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

float ExhibitApp::Impl::runs(ImFont* font, float size, ImVec2 pos, float wrap,
                             const std::vector<Run>& rs, float line_gap, bool draw) {
    font = pick(font, size);
    const float line_h = size * line_gap;
    // The break rules see the whole text, not run by run: "(" + "8.6%" + ")" in three colours
    // is one unit, so a bracket never starts a line on its own.
    std::string all;
    std::vector<std::size_t> starts; // byte offset where each run begins
    for (const Run& r : rs) {
        starts.push_back(all.size());
        all += r.text;
    }
    auto run_at = [&](std::size_t offset) {
        return std::size_t(std::upper_bound(starts.begin(), starts.end(), offset) -
                           starts.begin()) -
               1;
    };
    float x = 0, y = 0;
    bool line_empty = true;
    std::size_t at = 0; // the unit's offset in `all`
    for (const std::string& u : line_units(all, keep_words)) {
        const std::size_t begin = all.compare(at, u.size(), u) == 0 ? at : all.find(u, at);
        at = begin == std::string::npos ? at : begin + u.size();
        if (u == "\n") {
            x = 0;
            y += line_h;
            line_empty = true;
            continue;
        }
        // Width without trailing spaces decides whether the unit still fits.
        std::string trimmed = u;
        while (!trimmed.empty() && trimmed.back() == ' ') trimmed.pop_back();
        const float w_trim = font->CalcTextSizeA(size, FLT_MAX, 0, trimmed.c_str()).x;
        const float w = font->CalcTextSizeA(size, FLT_MAX, 0, u.c_str()).x;
        if (!line_empty && x + w_trim > wrap) {
            x = 0;
            y += line_h;
            line_empty = true;
        }
        if (line_empty && trimmed.empty()) continue;
        if (draw && begin != std::string::npos) {
            // The unit in the colours of the runs it spans.
            float px = x;
            for (std::size_t from = begin, end = begin + u.size(); from < end;) {
                const std::size_t k = run_at(from);
                const std::size_t to =
                    std::min(end, k + 1 < starts.size() ? starts[k + 1] : all.size());
                const std::string piece = all.substr(from, to - from);
                dl->AddText(font, size, ImVec2(pos.x + px, pos.y + y), rs[k].colour, piece.c_str());
                px += font->CalcTextSizeA(size, FLT_MAX, 0, piece.c_str()).x;
                from = to;
            }
        }
        x += w;
        line_empty = false;
    }
    return y + (line_empty && y > 0 ? 0 : line_h);
}

std::vector<ExhibitApp::Impl::Run>
ExhibitApp::Impl::template_runs(const char* pattern, ImU32 base,
                                const std::vector<Arg>& args) const {
    std::vector<std::string_view> names;
    for (const Arg& a : args) names.push_back(a.name);
    std::vector<Run> out;
    for (TemplatePiece& p : split_template(pattern, names)) {
        if (p.arg >= 0)
            out.push_back({args[std::size_t(p.arg)].value, args[std::size_t(p.arg)].colour});
        else
            out.push_back({std::move(p.text), base});
    }
    return out;
}

std::string ExhibitApp::Impl::plain(const std::vector<Run>& rs) const {
    std::string s;
    for (const Run& r : rs) s += r.text;
    return s;
}

} // namespace ctrail::ui
