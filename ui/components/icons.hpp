// Line icons drawn with draw-list primitives: one stroke weight (style guide: ~1.2 mm, use
// Metrics::icon_line()), rounded caps and joins, scaled to any size. No bitmaps.
// Content tables name icons by string ("car", "phone", ...) - see icon_from_name.
#pragma once

#include <imgui.h>

#include <optional>
#include <string_view>

namespace ctrail::ui {

enum class IconId {
    Car,
    Phone,
    Shirt,
    Building, // a block of flats
    RiceBowl,
    WashingMachine,
    LightBulb,
    Home,  // bottom bar
    Globe, // bottom bar: language
    Count
};

// Names for content tables: car, phone, shirt, building, rice_bowl, washing_machine,
// light_bulb, home, globe (also accepted: smartphone, clothes, flat, food, rice, fridge ->
// washing_machine, bulb, electricity -> light_bulb, language -> globe).
std::optional<IconId> icon_from_name(std::string_view name);
std::string_view icon_name(IconId id); // canonical name

// Draw `id` centred at `centre` inside a size x size square, strokes line_px wide.
void draw_icon(ImDrawList* dl, IconId id, ImVec2 centre, float size, ImU32 colour, float line_px);

} // namespace ctrail::ui
