// The exhibit's look: the style guide's palette as named colours (dark blue-grey background,
// amber accent; text contrast checked in tests/ui/test_theme.cpp), an ImGui style
// without any window chrome, and Metrics, which turns the style guide's millimetre rules into
// pixels for the configured panel (physical size + framebuffer size), so every size follows
// the panel from 800x480 to 1920x1080, landscape or portrait.
#pragma once

#include <imgui.h>

#include <cstdint>

namespace ctrail::ui {

namespace theme {

// 0xRRGGBB (+ alpha 0..255) -> ImGui's packed ABGR colour.
constexpr ImU32 rgb(std::uint32_t hex, std::uint32_t alpha = 255) {
    return ((alpha & 0xFFu) << 24) | ((hex & 0xFFu) << 16) | (hex & 0xFF00u) |
           ((hex >> 16) & 0xFFu);
}

// Palette (contrast against background in brackets, WCAG).
inline constexpr ImU32 background = rgb(0x0E1A24);  // every screen
inline constexpr ImU32 panel = rgb(0x172A38);       // cards, side panel, bottom-bar groups
inline constexpr ImU32 text = rgb(0xF2EDE4);        // body and headlines (15.1)
inline constexpr ImU32 muted_text = rgb(0xA9B7C2);  // captions, sources (8.6)
inline constexpr ImU32 coast = rgb(0x4FC3C9);       // consumer provinces, "where you live" (8.4)
inline constexpr ImU32 interior = rgb(0xF2A541);    // producing provinces, arcs (8.6)
inline constexpr ImU32 co2 = rgb(0xFF6B5A);         // emission bubbles, kg figures (6.3)
inline constexpr ImU32 accent = rgb(0xFFD166);      // the one primary button per screen (12.2)
inline constexpr ImU32 accent_text = rgb(0x0E1A24); // dark text on the accent button (12.2)
inline constexpr ImU32 map_land = rgb(0x2A4456);    // province fill; decoration only, never text
inline constexpr ImU32 no_data = rgb(0x5B6770);     // Tibet; always with a text label
inline constexpr ImU32 map_border = rgb(0x0E1A24);  // province outlines = background colour

// Same colour with alpha scaled by a (0..1).
ImU32 with_alpha(ImU32 colour, float a);
// Linear mix of two colours (t = 0 -> a, t = 1 -> b), alpha included.
ImU32 mix(ImU32 a, ImU32 b, float t);
ImVec4 to_vec4(ImU32 colour);

// WCAG 2 contrast ratio between two opaque colours (1..21). Used by tests and by screens
// that choose a text colour for a filled shape.
float contrast_ratio(ImU32 a, ImU32 b);

} // namespace theme

// A physical panel: its active area in millimetres and the framebuffer in pixels.
// When the framebuffer is portrait but the millimetres are given landscape (or the other way),
// Metrics swaps the millimetres: the same panel config serves both orientations.
struct PanelSize {
    float width_mm = 154.2f; // official Raspberry Pi 7" display, 800x480
    float height_mm = 86.8f;
};

inline constexpr PanelSize panel_7inch{154.2f, 86.8f};   // 800x480
inline constexpr PanelSize panel_15_6inch{344.f, 194.f}; // 1920x1080

class Metrics {
  public:
    Metrics() : Metrics(panel_7inch, 800, 480) {}
    Metrics(PanelSize panel, int framebuffer_w, int framebuffer_h);

    // Default panel size for a framebuffer: 15.6" when either side exceeds 1280 px, else 7".
    static Metrics for_framebuffer(int framebuffer_w, int framebuffer_h);

    float px_per_mm_x() const { return ppm_x_; }
    float px_per_mm_y() const { return ppm_y_; }
    // Conservative scale: the larger of x/y, so "at least N mm" holds in both directions
    // (the official 7" panel has non-square pixels).
    float px_per_mm() const { return ppm_x_ > ppm_y_ ? ppm_x_ : ppm_y_; }

    float mm(float millimetres) const { return millimetres * px_per_mm(); } // mm -> px
    float to_mm(float px) const { return px / px_per_mm(); } // px -> mm (conservative)

    int width_px() const { return w_; }
    int height_px() const { return h_; }
    ImVec2 size_px() const { return ImVec2(float(w_), float(h_)); }
    bool portrait() const { return h_ > w_; }
    PanelSize panel() const { return panel_; } // as oriented to the framebuffer

    // Style-guide sizes, in pixels.
    float touch_target() const { return mm(15.f); } // any tappable thing, both directions
    float primary_button_height() const { return mm(20.f); }
    float gap() const { return mm(5.f); }        // between targets
    float margin() const { return mm(6.f); }     // screen edge
    float icon_line() const { return mm(1.2f); } // icon stroke
    float corner_radius() const { return mm(3.f); }
    // Font pixel sizes (ImGui's font size = em height). The style guide's "body >= 4 mm,
    // approx 20 px at 800x480" is read as the em height; never below 16 px.
    float body_font() const;     // 4 mm
    float caption_font() const;  // 3.2 mm (>= 16 px)
    float headline_font() const; // 8 mm
    float hero_font() const;     // 14 mm

  private:
    PanelSize panel_;
    int w_, h_;
    float ppm_x_, ppm_y_;
};

// ImGui style for the exhibit: no borders, no window padding/rounding/scrollbars, palette
// colours, sizes from Metrics. Also sets io options (no ini file, no log file, no software
// cursor), so it needs a current ImGui context.
void apply_exhibit_style(ImGuiStyle& style, const Metrics& metrics);

// Flags for the single full-screen canvas window each screen draws into.
inline constexpr ImGuiWindowFlags canvas_window_flags =
    ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
    ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoNav |
    ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoBackground;

} // namespace ctrail::ui
