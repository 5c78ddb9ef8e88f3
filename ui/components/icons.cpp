// Product and bar icons as strokes in a unit box (-1..1, y down), scaled to `size`. ImGui 1.86
// polylines have butt caps and miter joins, so round caps/joins are added as discs of the
// stroke width at every vertex of a stroke.
#include "icons.hpp"

#include <array>
#include <cmath>
#include <string>
#include <vector>

namespace ctrail::ui {

namespace {

constexpr float kPi = 3.14159265358979f;

struct Pen {
    ImDrawList* dl;
    ImVec2 c;
    float s; // half size: unit 1 -> s px
    ImU32 col;
    float w;

    ImVec2 at(float x, float y) const { return ImVec2(c.x + x * s, c.y + y * s); }

    void stroke(const std::vector<ImVec2>& unit_pts, bool closed) const {
        std::vector<ImVec2> pts;
        pts.reserve(unit_pts.size());
        for (ImVec2 p : unit_pts) pts.push_back(at(p.x, p.y));
        dl->AddPolyline(pts.data(), int(pts.size()), col, closed ? ImDrawFlags_Closed : 0, w);
        for (ImVec2 p : pts) dl->AddCircleFilled(p, w * 0.5f, col, 8);
    }
    void line(float x0, float y0, float x1, float y1) const { stroke({{x0, y0}, {x1, y1}}, false); }
    void circle(float x, float y, float r) const { dl->AddCircle(at(x, y), r * s, col, 0, w); }
    void dot(float x, float y) const { dl->AddCircleFilled(at(x, y), w * 0.6f, col, 8); }
    // Arc from angle a0 to a1 (radians, y down: positive angles turn clockwise on screen).
    static void arc(std::vector<ImVec2>& out, float cx, float cy, float rx, float ry, float a0,
                    float a1, int n = 16) {
        for (int i = 0; i <= n; ++i) {
            float a = a0 + (a1 - a0) * float(i) / float(n);
            out.push_back(ImVec2(cx + rx * std::cos(a), cy + ry * std::sin(a)));
        }
    }
    void rounded_rect(float x0, float y0, float x1, float y1, float r) const {
        std::vector<ImVec2> p;
        arc(p, x1 - r, y0 + r, r, r, -kPi / 2, 0, 4);
        arc(p, x1 - r, y1 - r, r, r, 0, kPi / 2, 4);
        arc(p, x0 + r, y1 - r, r, r, kPi / 2, kPi, 4);
        arc(p, x0 + r, y0 + r, r, r, kPi, 1.5f * kPi, 4);
        stroke(p, true);
    }
};

void car(const Pen& p) {
    // Side view: body with cabin, two wheels, the sill broken by the wheels.
    p.stroke({{-0.72f, 0.38f},
              {-0.92f, 0.38f},
              {-0.92f, 0.02f},
              {-0.6f, -0.06f},
              {-0.34f, -0.42f},
              {0.3f, -0.42f},
              {0.56f, -0.06f},
              {0.9f, 0.04f},
              {0.92f, 0.38f},
              {0.72f, 0.38f}},
             false);
    p.line(-0.28f, 0.38f, 0.28f, 0.38f);
    p.circle(-0.5f, 0.38f, 0.2f);
    p.circle(0.5f, 0.38f, 0.2f);
    p.line(-0.6f, -0.06f, 0.56f, -0.06f);   // belt line: the windows sit above it
    p.line(-0.04f, -0.42f, -0.04f, -0.06f); // door pillar between the windows
}

void phone(const Pen& p) {
    p.rounded_rect(-0.42f, -0.88f, 0.42f, 0.88f, 0.16f);
    p.line(-0.12f, 0.64f, 0.12f, 0.64f);
}

void shirt(const Pen& p) {
    std::vector<ImVec2> s = {{0.28f, -0.8f}, {0.9f, -0.5f},  {0.7f, -0.04f},  {0.5f, -0.14f},
                             {0.5f, 0.86f},  {-0.5f, 0.86f}, {-0.5f, -0.14f}, {-0.7f, -0.04f},
                             {-0.9f, -0.5f}, {-0.28f, -0.8f}};
    Pen::arc(s, 0.f, -0.8f, 0.28f, 0.26f, kPi, 0.f, 8); // neckline dips into the shirt
    s.pop_back();                                       // == first point
    p.stroke(s, true);
}

void building(const Pen& p) {
    // A block of flats: tall outline on a ground line, 3 x 2 windows, a door.
    p.stroke({{-0.6f, 0.9f}, {-0.6f, -0.9f}, {0.6f, -0.9f}, {0.6f, 0.9f}}, false);
    p.line(-0.86f, 0.9f, 0.86f, 0.9f);
    for (int row = 0; row < 3; ++row)
        for (int col = 0; col < 2; ++col) {
            float x = col == 0 ? -0.26f : 0.26f, y = -0.56f + 0.36f * float(row);
            p.line(x - 0.06f, y, x + 0.06f, y);
        }
    p.stroke({{-0.16f, 0.9f}, {-0.16f, 0.56f}, {0.16f, 0.56f}, {0.16f, 0.9f}}, false);
}

void rice_bowl(const Pen& p) {
    std::vector<ImVec2> bowl;
    Pen::arc(bowl, 0.f, 0.02f, 0.9f, 0.72f, 0.f, kPi, 16); // lower half
    p.stroke(bowl, true);                                  // closed by the rim line
    std::vector<ImVec2> rice;
    Pen::arc(rice, 0.f, 0.02f, 0.62f, 0.4f, kPi, 2 * kPi, 12); // mound above the rim
    p.stroke(rice, false);
    p.line(-0.3f, 0.88f, 0.3f, 0.88f); // foot
    p.line(0.24f, -0.42f, 0.86f, -0.92f);
    p.line(0.42f, -0.3f, 0.98f, -0.72f);
}

void washing_machine(const Pen& p) {
    p.rounded_rect(-0.76f, -0.9f, 0.76f, 0.9f, 0.12f);
    p.line(-0.76f, -0.5f, 0.76f, -0.5f);
    p.dot(-0.45f, -0.7f);
    p.line(0.2f, -0.7f, 0.5f, -0.7f);
    p.circle(0.f, 0.22f, 0.44f);
    std::vector<ImVec2> wave;
    Pen::arc(wave, 0.f, 0.22f, 0.24f, 0.24f, 0.2f * kPi, 0.8f * kPi, 6);
    p.stroke(wave, false);
}

void light_bulb(const Pen& p) {
    std::vector<ImVec2> bulb = {{-0.28f, 0.42f}, {-0.3f, 0.22f}};
    Pen::arc(bulb, 0.f, -0.3f, 0.6f, 0.6f, 0.72f * kPi, 2.28f * kPi, 20);
    bulb.push_back({0.3f, 0.22f});
    bulb.push_back({0.28f, 0.42f});
    p.stroke(bulb, true);
    p.line(-0.24f, 0.62f, 0.24f, 0.62f);
    p.line(-0.14f, 0.82f, 0.14f, 0.82f);
    p.stroke({{-0.14f, 0.42f}, {-0.14f, 0.02f}, {0.f, -0.14f}, {0.14f, 0.02f}, {0.14f, 0.42f}},
             false);
}

void home(const Pen& p) {
    p.stroke({{-0.9f, -0.02f}, {0.f, -0.86f}, {0.9f, -0.02f}}, false);
    p.stroke({{-0.62f, -0.28f}, {-0.62f, 0.86f}, {0.62f, 0.86f}, {0.62f, -0.28f}}, false);
    p.stroke({{-0.2f, 0.86f}, {-0.2f, 0.34f}, {0.2f, 0.34f}, {0.2f, 0.86f}}, false);
}

void globe(const Pen& p) {
    p.circle(0.f, 0.f, 0.86f);
    std::vector<ImVec2> meridian;
    Pen::arc(meridian, 0.f, 0.f, 0.38f, 0.86f, 0.f, 2 * kPi, 24);
    meridian.pop_back();
    p.stroke(meridian, true);
    p.line(-0.86f, 0.f, 0.86f, 0.f);
    float h = 0.44f, half = std::sqrt(0.86f * 0.86f - h * h);
    p.line(-half, -h, half, -h);
    p.line(-half, h, half, h);
}

struct Named {
    std::string_view name;
    IconId id;
};
constexpr std::array<Named, 9> kCanonical = {{{"car", IconId::Car},
                                              {"phone", IconId::Phone},
                                              {"shirt", IconId::Shirt},
                                              {"building", IconId::Building},
                                              {"rice_bowl", IconId::RiceBowl},
                                              {"washing_machine", IconId::WashingMachine},
                                              {"light_bulb", IconId::LightBulb},
                                              {"home", IconId::Home},
                                              {"globe", IconId::Globe}}};
constexpr std::array<Named, 10> kAliases = {{{"smartphone", IconId::Phone},
                                             {"clothes", IconId::Shirt},
                                             {"flat", IconId::Building},
                                             {"food", IconId::RiceBowl},
                                             {"rice", IconId::RiceBowl},
                                             {"fridge", IconId::WashingMachine},
                                             {"appliance", IconId::WashingMachine},
                                             {"bulb", IconId::LightBulb},
                                             {"electricity", IconId::LightBulb},
                                             {"language", IconId::Globe}}};

} // namespace

std::optional<IconId> icon_from_name(std::string_view name) {
    for (const Named& n : kCanonical)
        if (n.name == name) return n.id;
    for (const Named& n : kAliases)
        if (n.name == name) return n.id;
    return std::nullopt;
}

std::string_view icon_name(IconId id) {
    for (const Named& n : kCanonical)
        if (n.id == id) return n.name;
    return "";
}

void draw_icon(ImDrawList* dl, IconId id, ImVec2 centre, float size, ImU32 colour, float line_px) {
    if (!dl || size <= 0) return;
    // Keep strokes inside the box: the unit shapes reach +-0.92, plus half a stroke.
    float half = std::max(size * 0.5f - line_px * 0.5f, 1.f) / 1.0f;
    Pen p{dl, centre, half, colour, line_px};
    switch (id) {
    case IconId::Car:
        car(p);
        break;
    case IconId::Phone:
        phone(p);
        break;
    case IconId::Shirt:
        shirt(p);
        break;
    case IconId::Building:
        building(p);
        break;
    case IconId::RiceBowl:
        rice_bowl(p);
        break;
    case IconId::WashingMachine:
        washing_machine(p);
        break;
    case IconId::LightBulb:
        light_bulb(p);
        break;
    case IconId::Home:
        home(p);
        break;
    case IconId::Globe:
        globe(p);
        break;
    case IconId::Count:
        break;
    }
}

} // namespace ctrail::ui
