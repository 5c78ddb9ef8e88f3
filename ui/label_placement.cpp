#include "label_placement.hpp"

#include <algorithm>
#include <cmath>

namespace ctrail::ui {

bool overlaps(const Box& a, const Box& b) {
    return a.min.x < b.max.x && a.max.x > b.min.x && a.min.y < b.max.y && a.max.y > b.min.y;
}

bool overlaps(const Box& b, const Dot& d) {
    const float nx = std::clamp(d.centre.x, b.min.x, b.max.x);
    const float ny = std::clamp(d.centre.y, b.min.y, b.max.y);
    const float dx = d.centre.x - nx, dy = d.centre.y - ny;
    return dx * dx + dy * dy < d.radius * d.radius;
}

bool LabelPlacer::free(const Box& b, const Dot& own, const Box& bounds) const {
    if (b.min.x < bounds.min.x || b.min.y < bounds.min.y || b.max.x > bounds.max.x ||
        b.max.y > bounds.max.y)
        return false;
    for (const Box& o : boxes_)
        if (overlaps(b, o)) return false;
    for (const Dot& d : dots_) {
        const bool is_own = d.centre.x == own.centre.x && d.centre.y == own.centre.y;
        if (!is_own && overlaps(b, d)) return false;
    }
    return true;
}

std::optional<ImVec2> LabelPlacer::place(const Dot& own, ImVec2 size, const Box& bounds) {
    const ImVec2 a = own.centre;
    const float g = 4;
    // Close to the dot first (right, left, above, below, the diagonals); then rings further out
    // in sixteen directions, where a crowded neighbourhood may still leave room.
    for (const float out : {0.f, size.y, size.y * 2.5f, size.y * 4.f}) {
        const float r = own.radius + out, d = own.radius * 0.7f + out;
        std::vector<ImVec2> tries{
            {a.x + r + g, a.y - size.y / 2},          {a.x - r - g - size.x, a.y - size.y / 2},
            {a.x - size.x / 2, a.y - r - g - size.y}, {a.x - size.x / 2, a.y + r + g},
            {a.x + d + g, a.y - d - size.y},          {a.x + d + g, a.y + d},
            {a.x - d - g - size.x, a.y + d},          {a.x - d - g - size.x, a.y - d - size.y}};
        if (out > 0)
            for (int k = 0; k < 16; ++k) {
                // The box's nearest edge point lies on the ring: its centre sits half a box out.
                const float ang = float(k) * 0.3926991f, cx = std::cos(ang), cy = std::sin(ang);
                const float ox = a.x + cx * (r + g + size.x * 0.5f);
                const float oy = a.y + cy * (r + g + size.y * 0.5f);
                tries.push_back({ox - size.x / 2, oy - size.y / 2});
            }
        for (const ImVec2& t : tries) {
            const Box b(t, ImVec2(t.x + size.x, t.y + size.y));
            if (!free(b, own, bounds)) continue;
            boxes_.push_back(b);
            return t;
        }
    }
    return std::nullopt;
}

} // namespace ctrail::ui
