// Rotation between the panel (the physical display, in its native orientation) and the logical
// canvas the UI draws (upright for the visitor). SDL reports the panel's orientation but does
// not rotate, so the exhibit renders the UI into a target texture of logical size and copies it
// rotated onto the panel, and rotates touch coordinates back the same way.
//
// Convention: `rotation` is the clockwise angle by which the logical picture is turned on the
// panel, the same angle SDL_RenderCopyEx takes. 90 / 270 swap width and height.
//
// What firmware/main.cpp must do (SDL side, not in this library):
//   SizeI panel{mode.w, mode.h};                       // SDL_GetRendererOutputSize
//   SizeI canvas = logical_size(panel, cfg.rotation);  // the UI lays out for this size
//   if (cfg.rotation != Rotation::deg0) {
//       tex = SDL_CreateTexture(r, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET,
//                               canvas.w, canvas.h);    // NULL: log, fall back to deg0
//       per frame: SDL_SetRenderTarget(r, tex); draw UI; SDL_SetRenderTarget(r, nullptr);
//       RotatedBlit b = rotated_blit(panel, cfg.rotation);
//       SDL_Rect dst{b.x, b.y, b.w, b.h};
//       SDL_RenderCopyEx(r, tex, nullptr, &dst, b.angle_deg, nullptr, SDL_FLIP_NONE);
//   }
//   touches: SDL_FINGER* events carry x, y normalised to the panel (window):
//       PointF p = panel_to_logical_normalized({e.tfinger.x, e.tfinger.y}, cfg.rotation);
//       then p.x * canvas.w, p.y * canvas.h are the UI's coordinates.
//   Mouse events (pixels): panel_to_logical({x, y}, panel, cfg.rotation).
#pragma once

#include <optional>

namespace ctrail::kiosk {

enum class Rotation { deg0 = 0, deg90 = 90, deg180 = 180, deg270 = 270 };

// 0, 90, 180 or 270 -> Rotation; anything else -> nullopt.
std::optional<Rotation> rotation_from_degrees(int degrees);
inline int degrees(Rotation r) {
    return static_cast<int>(r);
}
inline bool swaps_axes(Rotation r) {
    return r == Rotation::deg90 || r == Rotation::deg270;
}

struct SizeI {
    int w = 0;
    int h = 0;
    friend bool operator==(const SizeI&, const SizeI&) = default;
};

struct PointF {
    float x = 0;
    float y = 0;
    friend bool operator==(const PointF&, const PointF&) = default;
};

// Size of the logical canvas for a panel of `panel` pixels (native orientation).
SizeI logical_size(SizeI panel, Rotation r);
// Size of the panel that shows a logical canvas of `canvas` pixels (inverse of logical_size).
SizeI panel_size(SizeI canvas, Rotation r);

// Continuous pixel coordinates (0..w, 0..h; a point on the far edge maps to the far edge).
PointF panel_to_logical(PointF p, SizeI panel, Rotation r);
PointF logical_to_panel(PointF p, SizeI panel, Rotation r);

// The same on coordinates normalised to 0..1 (SDL touch events).
PointF panel_to_logical_normalized(PointF p, Rotation r);
PointF logical_to_panel_normalized(PointF p, Rotation r);

// Where to copy the logical texture on the panel with SDL_RenderCopyEx: a destination rectangle
// of the canvas' size centred on the panel, turned angle_deg clockwise about its centre.
struct RotatedBlit {
    int x = 0;
    int y = 0;
    int w = 0;
    int h = 0;
    double angle_deg = 0;
};
RotatedBlit rotated_blit(SizeI panel, Rotation r);

} // namespace ctrail::kiosk
