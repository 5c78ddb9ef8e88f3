// Map drawing with ImDrawList. Fills go through PrimReserve/PrimWriteIdx/PrimWriteVtx from the
// asset's triangles (ImGui 1.86 has no concave fill); arcs are our own tapered triangle strips
// with a 1 px alpha fringe, since ImGui polylines have one fixed thickness.
#include "map_view.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string_view>

namespace ctrail::ui {

namespace {

ImVec2 operator+(ImVec2 a, ImVec2 b) {
    return ImVec2(a.x + b.x, a.y + b.y);
}
ImVec2 operator-(ImVec2 a, ImVec2 b) {
    return ImVec2(a.x - b.x, a.y - b.y);
}
ImVec2 operator*(ImVec2 a, float s) {
    return ImVec2(a.x * s, a.y * s);
}
float length(ImVec2 a) {
    return std::sqrt(a.x * a.x + a.y * a.y);
}

ImU32 transparent(ImU32 c) {
    return c & ~IM_COL32_A_MASK;
}

bool valid(const MapAsset& asset, int i) {
    return i >= 0 && std::size_t(i) < asset.provinces().size();
}

} // namespace

MapView::MapView(const MapAsset& asset) : asset_(&asset) {}

void MapView::fit(ImVec2 rect_min, ImVec2 rect_max, bool reserve_inset) {
    fit_ = fit_map(*asset_, rect_min, rect_max, reserve_inset);
    const auto& provinces = asset_->provinces();
    screen_.assign(provinces.size(), {});
    for (std::size_t i = 0; i < provinces.size(); ++i) {
        for (const MapRing& ring : provinces[i].rings) {
            ScreenRing s{{}, &ring};
            s.points.reserve(ring.points.size());
            for (ImVec2 p : ring.points) s.points.push_back(fit_.to_screen(p));
            screen_[i].push_back(std::move(s));
        }
    }
    if (reserve_inset) {
        inset_min_ = fit_.to_screen(asset_->inset_box().min);
        inset_max_ = fit_.to_screen(asset_->inset_box().max);
    } else {
        inset_min_ = inset_max_ = ImVec2(0, 0);
    }
}

int MapView::hit_test(ImVec2 screen_point) const {
    if (fit_.scale <= 0) return -1;
    return asset_->hit_test(fit_.to_map(screen_point));
}

ImVec2 MapView::anchor(int province) const {
    if (!valid(*asset_, province)) return ImVec2(0, 0);
    return fit_.to_screen(asset_->provinces()[std::size_t(province)].anchor);
}

ImVec2 MapView::label_point(int province) const {
    if (!valid(*asset_, province)) return ImVec2(0, 0);
    return fit_.to_screen(asset_->provinces()[std::size_t(province)].label);
}

ImVec2 MapView::bbox_centre(int province) const {
    if (!valid(*asset_, province)) return ImVec2(0, 0);
    const Province& p = asset_->provinces()[std::size_t(province)];
    return fit_.to_screen((p.bbox_min + p.bbox_max) * 0.5f);
}

void MapView::draw_province(ImDrawList* dl, int province, ImU32 fill) const {
    if (!valid(*asset_, province) || std::size_t(province) >= screen_.size() ||
        !(fill & IM_COL32_A_MASK))
        return;
    const ImVec2 uv = ImGui::GetFontTexUvWhitePixel();
    for (const ScreenRing& ring : screen_[std::size_t(province)]) {
        const auto& tris = ring.source->triangles;
        dl->PrimReserve(int(tris.size()), int(ring.points.size()));
        // Indices first: they are relative to the vertex index before this ring's vertices.
        const ImDrawIdx base = ImDrawIdx(dl->_VtxCurrentIdx);
        for (std::uint16_t t : tris) dl->PrimWriteIdx(ImDrawIdx(base + t));
        for (ImVec2 p : ring.points) dl->PrimWriteVtx(p, uv, fill);
    }
}

void MapView::draw_fills(ImDrawList* dl, std::span<const ImU32> fills) const {
    std::size_t n = std::min(fills.size(), screen_.size());
    for (std::size_t i = 0; i < n; ++i) draw_province(dl, int(i), fills[i]);
}

void MapView::draw_fills(ImDrawList* dl, ImU32 colour) const {
    for (std::size_t i = 0; i < screen_.size(); ++i) draw_province(dl, int(i), colour);
}

void MapView::draw_outline(ImDrawList* dl, int province, ImU32 colour, float thickness_px) const {
    if (!valid(*asset_, province) || std::size_t(province) >= screen_.size()) return;
    for (const ScreenRing& ring : screen_[std::size_t(province)])
        dl->AddPolyline(ring.points.data(), int(ring.points.size()), colour, ImDrawFlags_Closed,
                        thickness_px);
}

void MapView::draw_outlines(ImDrawList* dl, ImU32 colour, float thickness_px) const {
    for (std::size_t i = 0; i < screen_.size(); ++i) draw_outline(dl, int(i), colour, thickness_px);
}

void MapView::draw_highlight(ImDrawList* dl, int province, ImU32 fill, ImU32 outline,
                             float outline_px) const {
    draw_province(dl, province, fill);
    draw_outline(dl, province, outline, outline_px);
}

void MapView::draw_hatching(ImDrawList* dl, int province, ImU32 colour, float spacing_px,
                            float line_px) const {
    if (!valid(*asset_, province) || std::size_t(province) >= screen_.size() || spacing_px < 1.f)
        return;
    const auto& rings = screen_[std::size_t(province)];
    // Lines x + y = c ("/" hatching); intersect with every edge, fill between pairs (even-odd).
    float cmin = FLT_MAX, cmax = -FLT_MAX;
    for (const ScreenRing& r : rings)
        for (ImVec2 p : r.points) {
            cmin = std::min(cmin, p.x + p.y);
            cmax = std::max(cmax, p.x + p.y);
        }
    const float step = spacing_px * 1.41421356f; // perpendicular spacing -> step in c
    std::vector<ImVec2> hits;
    for (float c = std::floor(cmin / step) * step + step * 0.5f; c < cmax; c += step) {
        hits.clear();
        for (const ScreenRing& r : rings) {
            const auto& pts = r.points;
            for (std::size_t i = 0, n = pts.size(); i < n; ++i) {
                ImVec2 a = pts[i], b = pts[(i + 1) % n];
                float ua = a.x + a.y, ub = b.x + b.y;
                if ((ua > c) != (ub > c)) {
                    float t = (c - ua) / (ub - ua);
                    hits.push_back(a + (b - a) * t);
                }
            }
        }
        std::sort(hits.begin(), hits.end(), [](ImVec2 p, ImVec2 q) { return p.x < q.x; });
        for (std::size_t k = 0; k + 1 < hits.size(); k += 2)
            dl->AddLine(hits[k], hits[k + 1], colour, line_px);
    }
}

void MapView::draw_inset_frame(ImDrawList* dl, ImU32 colour, float thickness_px) const {
    if (inset_max_.x <= inset_min_.x) return;
    dl->AddRect(inset_min_, inset_max_, colour, 0.f, 0, thickness_px);
}

// --- arcs, bubbles, labels -------------------------------------------------------------------

namespace {
ImVec2 control_point(ImVec2 from, ImVec2 to, float bend) {
    ImVec2 d = to - from;
    // Bend to the left of the direction of travel (screen y down: left = (d.y, -d.x)).
    return (from + to) * 0.5f + ImVec2(d.y, -d.x) * bend;
}
ImVec2 bezier(ImVec2 p0, ImVec2 p1, ImVec2 p2, float t) {
    float u = 1 - t;
    return p0 * (u * u) + p1 * (2 * u * t) + p2 * (t * t);
}
} // namespace

ImVec2 arc_point(ImVec2 from, ImVec2 to, float t, float bend) {
    return bezier(from, control_point(from, to, bend), to, std::clamp(t, 0.f, 1.f));
}

void draw_arc(ImDrawList* dl, ImVec2 from, ImVec2 to, float progress, const ArcStyle& style) {
    if (progress <= 0.f) return;
    progress = std::min(progress, 1.f);
    const ImVec2 ctrl = control_point(from, to, style.bend);
    const float len = length(to - from) * (1 + style.bend);
    const int segments = std::clamp(int(len * progress / 6.f), 4, 64);
    // Centre line and half widths; the strip is core (full alpha) plus a 1 px fringe (alpha 0).
    ImVec2 pts[65], normals[65];
    float half[65];
    for (int i = 0; i <= segments; ++i) {
        float t = progress * float(i) / float(segments);
        pts[i] = bezier(from, ctrl, to, t);
        half[i] = 0.5f * (style.start_px + (style.end_px - style.start_px) * t);
    }
    for (int i = 0; i <= segments; ++i) {
        ImVec2 d = pts[std::min(i + 1, segments)] - pts[std::max(i - 1, 0)];
        float l = length(d);
        normals[i] = l > 0 ? ImVec2(-d.y / l, d.x / l) : ImVec2(0, 0);
    }
    const ImVec2 uv = ImGui::GetFontTexUvWhitePixel();
    const ImU32 clear = transparent(style.colour);
    // Per point 4 vertices: outer-left, left, right, outer-right. Per segment 3 quads.
    const int n = segments + 1;
    dl->PrimReserve(segments * 18, n * 4);
    const ImDrawIdx base = ImDrawIdx(dl->_VtxCurrentIdx);
    for (int i = 0; i < segments; ++i) {
        ImDrawIdx a = ImDrawIdx(base + i * 4), b = ImDrawIdx(base + (i + 1) * 4);
        for (int q = 0; q < 3; ++q) {
            dl->PrimWriteIdx(ImDrawIdx(a + q));
            dl->PrimWriteIdx(ImDrawIdx(a + q + 1));
            dl->PrimWriteIdx(ImDrawIdx(b + q + 1));
            dl->PrimWriteIdx(ImDrawIdx(a + q));
            dl->PrimWriteIdx(ImDrawIdx(b + q + 1));
            dl->PrimWriteIdx(ImDrawIdx(b + q));
        }
    }
    for (int i = 0; i < n; ++i) {
        ImVec2 nrm = normals[i];
        float h = std::max(half[i] - 0.5f, 0.25f);
        dl->PrimWriteVtx(pts[i] + nrm * (h + 1.f), uv, clear);
        dl->PrimWriteVtx(pts[i] + nrm * h, uv, style.colour);
        dl->PrimWriteVtx(pts[i] - nrm * h, uv, style.colour);
        dl->PrimWriteVtx(pts[i] - nrm * (h + 1.f), uv, clear);
    }
    if (style.head_dot && progress < 1.f)
        dl->AddCircleFilled(pts[segments], std::max(half[segments] * 1.6f, 2.f), style.colour);
}

void draw_bubble(ImDrawList* dl, ImVec2 centre, float radius_px, ImU32 colour, float rim_px) {
    if (radius_px <= 0.5f) return;
    dl->AddCircleFilled(centre, radius_px, theme::with_alpha(colour, 0.35f));
    dl->AddCircle(centre, radius_px, colour, 0, rim_px);
    dl->AddCircleFilled(centre, std::max(rim_px * 1.5f, 2.f), colour);
}

float bubble_radius(float share, float max_radius_px) {
    return max_radius_px * std::sqrt(std::clamp(share, 0.f, 1.f));
}

void draw_label(ImDrawList* dl, ImFont* font, float size_px, ImVec2 centre, const char* text,
                ImU32 colour, ImU32 halo) {
    if (!text || !*text) return;
    if (!font) font = ImGui::GetFont();
    if (size_px <= 0) size_px = font->FontSize;
    // Lines are centred one by one; the block is centred on `centre`.
    std::string_view all(text);
    int lines = 1 + int(std::count(all.begin(), all.end(), '\n'));
    float line_h = size_px * 1.15f;
    float y = centre.y - line_h * float(lines) / 2.f;
    std::size_t start = 0;
    while (start <= all.size()) {
        std::size_t end = all.find('\n', start);
        if (end == std::string_view::npos) end = all.size();
        const char* b = text + start;
        const char* e = text + end;
        ImVec2 sz = font->CalcTextSizeA(size_px, FLT_MAX, 0.f, b, e);
        ImVec2 pos(std::round(centre.x - sz.x / 2), std::round(y));
        if (halo & IM_COL32_A_MASK) {
            const float o = std::max(1.f, size_px / 14.f);
            const ImVec2 offsets[8] = {{-o, 0},  {o, 0}, {0, -o}, {0, o},
                                       {-o, -o}, {o, o}, {-o, o}, {o, -o}};
            for (ImVec2 d : offsets) dl->AddText(font, size_px, pos + d, halo, b, e);
        }
        dl->AddText(font, size_px, pos, colour, b, e);
        y += line_h;
        start = end + 1;
    }
}

} // namespace ctrail::ui
