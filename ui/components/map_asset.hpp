// The province map as data: loaded from assets/map/china-provinces.map (written by
// tools/map-builder, format in docs/MAP.md). Map units are projected kilometres with x to the
// east and y to the SOUTH (screen orientation), so fitting to a screen rect is one scale and
// one offset. Hit testing runs on the real (simplified) shapes, not on bounding boxes.
#pragma once

#include <imgui.h>

#include <cstdint>
#include <file_error.hpp>
#include <optional>

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace ctrail::ui {

// Thrown for an unreadable or corrupt map asset; what() is "file:line: problem".
class MapError : public FileError {
  public:
    using FileError::FileError;
};

struct MapRing {
    std::vector<ImVec2> points;           // outline, closed implicitly (last != first)
    std::vector<std::uint16_t> triangles; // index triples into points (ear clipping)
};

struct Province {
    std::string code;     // two-letter code used by the model: "SH", "BJ", ... "TW", "HK", "MO"
    int gb_code = 0;      // GB/T 2260 six-digit code, e.g. 310000
    bool in_model = true; // false for TW/HK/MO (not in the model); Tibet IS in_model but has
                          // no emission data - the screens decide "no data" from the model
    std::string name_en;  // short English name ("Inner Mongolia"); the screens normally use
    std::string name_zh;  // the model's/text table's names, these are for tools and fallbacks
    ImVec2 anchor;        // projected capital (arc end point, bubble centre)
    ImVec2 label;         // visual centre of the largest ring (for area labels, e.g. "no data")
    ImVec2 bbox_min, bbox_max;
    std::vector<MapRing> rings; // largest first
    float area = 0;             // km^2 (projected), sum of ring areas
};

// A rectangle in map units.
struct MapRect {
    ImVec2 min, max;
    float width() const { return max.x - min.x; }
    float height() const { return max.y - min.y; }
};

class MapAsset {
  public:
    // Throws MapError naming the file and line on any problem.
    static MapAsset load(const std::string& path);
    // Same, from text already in memory; `name` is used in error messages.
    static MapAsset parse(std::string_view text, const std::string& name);

    const std::vector<Province>& provinces() const { return provinces_; }
    // Index of the province with this two-letter code (case-sensitive), or -1.
    int index_of(std::string_view code) const;
    const Province* find(std::string_view code) const;

    // Index of the province whose shape contains the map-space point, or -1 (sea, abroad).
    int hit_test(ImVec2 map_point) const;
    // Project a geographic position with the asset's projection (for extra points such as
    // cities; capitals are already in Province::anchor).
    ImVec2 project(double lon_deg, double lat_deg) const;

    MapRect land_bounds() const { return land_; }              // all provinces
    MapRect inset_box() const { return inset_; }               // reserved South China Sea inset box
    MapRect layout_bounds() const { return layout_; }          // land + inset: what fit_map frames
    const std::string& source_note() const { return source_; } // provenance line of the asset
    float tolerance_km() const { return tolerance_km_; }       // simplification tolerance used

  private:
    std::vector<Province> provinces_;
    MapRect land_{}, inset_{}, layout_{};
    std::string source_;
    // Albers equal-area conic parameters and the stored offset, from the asset header.
    double lon0_ = 105, lat0_ = 0, lat1_ = 25, lat2_ = 47, radius_ = 6371;
    double x_off_ = 0, y_off_ = 0;
    float tolerance_km_ = 0;
};

// Maps map units to screen pixels: screen = offset + map * scale (aspect ratio preserved).
struct MapFit {
    float scale = 1;
    ImVec2 offset{0, 0};
    ImVec2 to_screen(ImVec2 m) const {
        return ImVec2(offset.x + m.x * scale, offset.y + m.y * scale);
    }
    ImVec2 to_map(ImVec2 s) const {
        return ImVec2((s.x - offset.x) / scale, (s.y - offset.y) / scale);
    }
    ImVec2 to_screen_size(ImVec2 m) const { return ImVec2(m.x * scale, m.y * scale); }
};

// Largest fit of the map into [rect_min, rect_max], centred. With reserve_inset the frame is
// layout_bounds() (land + inset box in the lower right), otherwise land_bounds().
MapFit fit_map(const MapAsset& asset, ImVec2 rect_min, ImVec2 rect_max, bool reserve_inset = true);

} // namespace ctrail::ui
