// Rotation formulas, derived once for the normalised case (u, v in 0..1) and scaled for pixels.
// Turning the picture 90 degrees clockwise takes the logical point (u, v) to the panel point
// (1 - v, u); 180 to (1 - u, 1 - v); 270 to (v, 1 - u). The inverse turns the other way.
#include "kiosk/touch_rotation.hpp"

namespace ctrail::kiosk {

std::optional<Rotation> rotation_from_degrees(int d) {
    switch (d) {
    case 0:
        return Rotation::deg0;
    case 90:
        return Rotation::deg90;
    case 180:
        return Rotation::deg180;
    case 270:
        return Rotation::deg270;
    default:
        return std::nullopt;
    }
}

SizeI logical_size(SizeI panel, Rotation r) {
    return swaps_axes(r) ? SizeI{panel.h, panel.w} : panel;
}

SizeI panel_size(SizeI canvas, Rotation r) {
    return swaps_axes(r) ? SizeI{canvas.h, canvas.w} : canvas;
}

PointF logical_to_panel_normalized(PointF p, Rotation r) {
    switch (r) {
    case Rotation::deg0:
        return p;
    case Rotation::deg90:
        return {1.0f - p.y, p.x};
    case Rotation::deg180:
        return {1.0f - p.x, 1.0f - p.y};
    case Rotation::deg270:
        return {p.y, 1.0f - p.x};
    }
    return p;
}

PointF panel_to_logical_normalized(PointF p, Rotation r) {
    switch (r) {
    case Rotation::deg0:
        return p;
    case Rotation::deg90:
        return {p.y, 1.0f - p.x};
    case Rotation::deg180:
        return {1.0f - p.x, 1.0f - p.y};
    case Rotation::deg270:
        return {1.0f - p.y, p.x};
    }
    return p;
}

namespace {
PointF normalise(PointF p, SizeI s) {
    return {s.w > 0 ? p.x / static_cast<float>(s.w) : 0.0f,
            s.h > 0 ? p.y / static_cast<float>(s.h) : 0.0f};
}
PointF scale(PointF p, SizeI s) {
    return {p.x * static_cast<float>(s.w), p.y * static_cast<float>(s.h)};
}
} // namespace

PointF panel_to_logical(PointF p, SizeI panel, Rotation r) {
    return scale(panel_to_logical_normalized(normalise(p, panel), r), logical_size(panel, r));
}

PointF logical_to_panel(PointF p, SizeI panel, Rotation r) {
    return scale(logical_to_panel_normalized(normalise(p, logical_size(panel, r)), r), panel);
}

RotatedBlit rotated_blit(SizeI panel, Rotation r) {
    const SizeI canvas = logical_size(panel, r);
    // SDL_RenderCopyEx turns dst about its centre, so centre a canvas-sized rectangle on the
    // panel: after a quarter turn it covers the panel exactly.
    return {(panel.w - canvas.w) / 2, (panel.h - canvas.h) / 2, canvas.w, canvas.h,
            static_cast<double>(degrees(r))};
}

} // namespace ctrail::kiosk
