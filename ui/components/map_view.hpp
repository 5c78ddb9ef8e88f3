// Drawing the province map and what goes on it with ImGui draw lists. ImGui 1.86 only fills
// convex polygons, so provinces are filled from the asset's triangles (PrimReserve/PrimVtx).
// MapView keeps the screen-space copy of the geometry for the current fit; call fit() when the
// target rect changes (cheap: a few thousand points), then draw as often as needed.
#pragma once

#include "map_asset.hpp"
#include "theme.hpp"

#include <imgui.h>

#include <span>
#include <vector>

namespace ctrail::ui {

class MapView {
  public:
    explicit MapView(const MapAsset& asset); // the asset must outlive the view

    // Fit the map into a screen rect (aspect preserved; see fit_map). Recomputes screen points.
    void fit(ImVec2 rect_min, ImVec2 rect_max, bool reserve_inset = true);
    const MapFit& current_fit() const { return fit_; }
    const MapAsset& asset() const { return *asset_; }

    ImVec2 to_screen(ImVec2 map_point) const { return fit_.to_screen(map_point); }
    // Province index under a screen point, or -1.
    int hit_test(ImVec2 screen_point) const;
    // Screen position of a province's capital (arc ends, labels, bubbles).
    ImVec2 anchor(int province) const;
    // Screen position of a province's label point (visual centre of its largest ring).
    ImVec2 label_point(int province) const;
    // Screen-space centre of a province's bounding box.
    ImVec2 bbox_centre(int province) const;
    // The reserved inset box on screen (empty rect when fitted with reserve_inset = false).
    ImVec2 inset_min() const { return inset_min_; }
    ImVec2 inset_max() const { return inset_max_; }

    // Fill every province; fills[i] is province i's colour (0 = skip). fills.size() must be
    // provinces().size(); extra/missing entries are ignored/skipped.
    void draw_fills(ImDrawList* dl, std::span<const ImU32> fills) const;
    // Fill every province with one colour.
    void draw_fills(ImDrawList* dl, ImU32 colour) const;
    void draw_province(ImDrawList* dl, int province, ImU32 fill) const;
    // Outlines of all provinces / one province (closed polylines, thickness in px).
    void draw_outlines(ImDrawList* dl, ImU32 colour, float thickness_px) const;
    void draw_outline(ImDrawList* dl, int province, ImU32 colour, float thickness_px) const;
    // Highlight: filled with `fill` and outlined with `outline` (e.g. "where you live").
    void draw_highlight(ImDrawList* dl, int province, ImU32 fill, ImU32 outline,
                        float outline_px) const;
    // "No data" pattern: diagonal hatching clipped to the province's real shape (even-odd
    // scanline), over whatever fill is already there. Pair it with a text label.
    void draw_hatching(ImDrawList* dl, int province, ImU32 colour, float spacing_px,
                       float line_px) const;
    // Thin frame of the reserved South China Sea inset box (for a curator's placeholder).
    void draw_inset_frame(ImDrawList* dl, ImU32 colour, float thickness_px) const;

  private:
    struct ScreenRing {
        std::vector<ImVec2> points;
        const MapRing* source;
    };
    const MapAsset* asset_;
    MapFit fit_;
    std::vector<std::vector<ScreenRing>> screen_; // [province][ring]
    ImVec2 inset_min_{0, 0}, inset_max_{0, 0};
};

// A curved arc from `from` to `to` (a quadratic Bezier bent to the left of the direction of
// travel by bend * distance). progress 0..1 draws the first part only (animation); the arc
// thickens from start_px to end_px. Nothing is drawn for progress <= 0.
struct ArcStyle {
    ImU32 colour = 0;
    float start_px = 2;
    float end_px = 6;
    float bend = 0.25f;
    bool head_dot = true; // a dot at the moving head while progress < 1
};
void draw_arc(ImDrawList* dl, ImVec2 from, ImVec2 to, float progress, const ArcStyle& style);
// Point at parameter t (0..1) on the same curve draw_arc uses.
ImVec2 arc_point(ImVec2 from, ImVec2 to, float t, float bend = 0.25f);

// An emission bubble: translucent filled disc with a solid rim and a centre dot.
void draw_bubble(ImDrawList* dl, ImVec2 centre, float radius_px, ImU32 colour, float rim_px = 2.f);
// Bubble radius for a share (0..1) so that AREA is proportional to the share.
float bubble_radius(float share, float max_radius_px);

// Text centred on a point with a soft dark halo so it stays legible over any fill.
// font may be null (current font); size_px <= 0 uses the font's size.
void draw_label(ImDrawList* dl, ImFont* font, float size_px, ImVec2 centre, const char* text,
                ImU32 colour, ImU32 halo);

} // namespace ctrail::ui
