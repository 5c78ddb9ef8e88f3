#include "window_geometry.hpp"

#include <utility>

namespace ctrail::platform {

WindowGeometry window_geometry(int width, int height, int rotation_deg, Rect display) {
    WindowGeometry g;
    if (width <= 0 || height <= 0) {
        g.fullscreen = true;
        g.rect = display.w > 0 && display.h > 0 ? display : Rect{0, 0, 800, 480};
        return g;
    }
    g.centred = true;
    if (rotation_deg == 90 || rotation_deg == 270) std::swap(width, height); // --size: canvas
    g.rect = Rect{0, 0, width, height};
    return g;
}

bool covers_display(int drawable_w, int drawable_h, Rect display) {
    // HiDPI drawables are larger than the bounds in screen coordinates: at least is enough.
    return display.w <= 0 || (drawable_w >= display.w && drawable_h >= display.h);
}

} // namespace ctrail::platform
