// An axis-aligned screen rectangle in pixels (ImGui's ImRect lives in imgui_internal.h).
#pragma once

#include <imgui.h>

namespace ctrail::ui {

struct Box {
    ImVec2 min{0, 0}, max{0, 0};
    Box() = default;
    Box(ImVec2 a, ImVec2 b) : min(a), max(b) {}
    Box(float x0, float y0, float x1, float y1) : min(x0, y0), max(x1, y1) {}
    float w() const { return max.x - min.x; }
    float h() const { return max.y - min.y; }
    ImVec2 size() const { return ImVec2(w(), h()); }
    ImVec2 centre() const { return ImVec2((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f); }
    bool contains(ImVec2 p) const {
        return p.x >= min.x && p.y >= min.y && p.x < max.x && p.y < max.y;
    }
    Box inset(float d) const { return Box(min.x + d, min.y + d, max.x - d, max.y - d); }
    Box inset(float dx, float dy) const {
        return Box(min.x + dx, min.y + dy, max.x - dx, max.y - dy);
    }
};

} // namespace ctrail::ui
