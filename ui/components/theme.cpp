#include "theme.hpp"

#include <algorithm>
#include <cmath>

namespace ctrail::ui {

namespace theme {

namespace {
float channel(ImU32 c, int shift) {
    return float((c >> shift) & 0xFFu) / 255.f;
}
ImU32 pack(float r, float g, float b, float a) {
    auto q = [](float v) { return ImU32(std::lround(std::clamp(v, 0.f, 1.f) * 255.f)); };
    return (q(a) << IM_COL32_A_SHIFT) | (q(b) << IM_COL32_B_SHIFT) | (q(g) << IM_COL32_G_SHIFT) |
           (q(r) << IM_COL32_R_SHIFT);
}
float linear(float srgb) {
    return srgb <= 0.03928f ? srgb / 12.92f : std::pow((srgb + 0.055f) / 1.055f, 2.4f);
}
float luminance(ImU32 c) {
    return 0.2126f * linear(channel(c, IM_COL32_R_SHIFT)) +
           0.7152f * linear(channel(c, IM_COL32_G_SHIFT)) +
           0.0722f * linear(channel(c, IM_COL32_B_SHIFT));
}
} // namespace

ImU32 with_alpha(ImU32 colour, float a) {
    return pack(channel(colour, IM_COL32_R_SHIFT), channel(colour, IM_COL32_G_SHIFT),
                channel(colour, IM_COL32_B_SHIFT), channel(colour, IM_COL32_A_SHIFT) * a);
}

ImU32 mix(ImU32 a, ImU32 b, float t) {
    auto m = [&](int shift) {
        return channel(a, shift) + (channel(b, shift) - channel(a, shift)) * t;
    };
    return pack(m(IM_COL32_R_SHIFT), m(IM_COL32_G_SHIFT), m(IM_COL32_B_SHIFT), m(IM_COL32_A_SHIFT));
}

ImVec4 to_vec4(ImU32 c) {
    return ImVec4(channel(c, IM_COL32_R_SHIFT), channel(c, IM_COL32_G_SHIFT),
                  channel(c, IM_COL32_B_SHIFT), channel(c, IM_COL32_A_SHIFT));
}

float contrast_ratio(ImU32 a, ImU32 b) {
    float la = luminance(a), lb = luminance(b);
    if (la < lb) std::swap(la, lb);
    return (la + 0.05f) / (lb + 0.05f);
}

} // namespace theme

Metrics::Metrics(PanelSize panel, int framebuffer_w, int framebuffer_h)
    : panel_(panel), w_(std::max(framebuffer_w, 1)), h_(std::max(framebuffer_h, 1)) {
    // Same physical panel turned on its side: match the millimetres to the framebuffer.
    bool fb_portrait = h_ > w_;
    bool mm_portrait = panel_.height_mm > panel_.width_mm;
    if (fb_portrait != mm_portrait) std::swap(panel_.width_mm, panel_.height_mm);
    ppm_x_ = float(w_) / std::max(panel_.width_mm, 1.f);
    ppm_y_ = float(h_) / std::max(panel_.height_mm, 1.f);
}

Metrics Metrics::for_framebuffer(int framebuffer_w, int framebuffer_h) {
    bool large = std::max(framebuffer_w, framebuffer_h) > 1280;
    return Metrics(large ? panel_15_6inch : panel_7inch, framebuffer_w, framebuffer_h);
}

// Fonts use the smaller scale: text may be a little smaller on the tall axis of a
// non-square-pixel panel, but never larger than the layout reserved for it.
float Metrics::body_font() const {
    return std::max(16.f, std::round(4.f * std::min(ppm_x_, ppm_y_)));
}
float Metrics::caption_font() const {
    return std::max(16.f, std::round(3.2f * std::min(ppm_x_, ppm_y_)));
}
float Metrics::headline_font() const {
    return std::round(8.f * std::min(ppm_x_, ppm_y_));
}
float Metrics::hero_font() const {
    return std::round(14.f * std::min(ppm_x_, ppm_y_));
}

void apply_exhibit_style(ImGuiStyle& style, const Metrics& m) {
    style = ImGuiStyle();
    style.WindowPadding = ImVec2(0, 0);
    style.WindowRounding = 0;
    style.WindowBorderSize = 0;
    style.ChildRounding = m.corner_radius();
    style.ChildBorderSize = 0;
    style.PopupRounding = m.corner_radius();
    style.PopupBorderSize = 0;
    style.FrameRounding = m.corner_radius();
    style.FrameBorderSize = 0;
    style.FramePadding = ImVec2(m.mm(3), m.mm(2));
    style.ItemSpacing = ImVec2(m.gap(), m.gap());
    style.ItemInnerSpacing = ImVec2(m.mm(2), m.mm(2));
    style.TouchExtraPadding = ImVec2(m.mm(1), m.mm(1));
    style.ScrollbarSize = 0;
    style.GrabMinSize = m.touch_target();
    style.AntiAliasedLines = true;
    style.AntiAliasedFill = true;
    style.AntiAliasedLinesUseTex = true;
    style.DisplaySafeAreaPadding = ImVec2(0, 0);

    ImVec4* c = style.Colors;
    const ImVec4 clear(0, 0, 0, 0);
    c[ImGuiCol_Text] = theme::to_vec4(theme::text);
    c[ImGuiCol_TextDisabled] = theme::to_vec4(theme::muted_text);
    c[ImGuiCol_WindowBg] = theme::to_vec4(theme::background);
    c[ImGuiCol_ChildBg] = clear;
    c[ImGuiCol_PopupBg] = theme::to_vec4(theme::panel);
    c[ImGuiCol_Border] = clear;
    c[ImGuiCol_BorderShadow] = clear;
    c[ImGuiCol_FrameBg] = theme::to_vec4(theme::panel);
    c[ImGuiCol_FrameBgHovered] = theme::to_vec4(theme::panel);
    c[ImGuiCol_FrameBgActive] = theme::to_vec4(theme::mix(theme::panel, theme::text, 0.1f));
    c[ImGuiCol_Button] = theme::to_vec4(theme::panel);
    // Touch has no hover: a hovered button looks like a resting one.
    c[ImGuiCol_ButtonHovered] = theme::to_vec4(theme::panel);
    c[ImGuiCol_ButtonActive] = theme::to_vec4(theme::mix(theme::panel, theme::text, 0.15f));
    c[ImGuiCol_Header] = theme::to_vec4(theme::panel);
    c[ImGuiCol_HeaderHovered] = theme::to_vec4(theme::panel);
    c[ImGuiCol_HeaderActive] = theme::to_vec4(theme::mix(theme::panel, theme::text, 0.15f));
    c[ImGuiCol_ScrollbarBg] = clear;
    c[ImGuiCol_ScrollbarGrab] = clear;
    c[ImGuiCol_ScrollbarGrabHovered] = clear;
    c[ImGuiCol_ScrollbarGrabActive] = clear;
    c[ImGuiCol_ResizeGrip] = clear;
    c[ImGuiCol_ResizeGripHovered] = clear;
    c[ImGuiCol_ResizeGripActive] = clear;
    c[ImGuiCol_Separator] = theme::to_vec4(theme::with_alpha(theme::muted_text, 0.3f));
    c[ImGuiCol_NavHighlight] = clear;
    c[ImGuiCol_ModalWindowDimBg] = theme::to_vec4(theme::with_alpha(theme::background, 0.75f));
    c[ImGuiCol_PlotHistogram] = theme::to_vec4(theme::co2);
    c[ImGuiCol_PlotLines] = theme::to_vec4(theme::interior);

    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.ConfigWindowsResizeFromEdges = false;
    io.ConfigWindowsMoveFromTitleBarOnly = true;
    io.MouseDrawCursor = false;
}

} // namespace ctrail::ui
