// Map label placement by geometry: a label sits beside its own dot, inside the map, and never on
// another label, a reserved box or another province's dot; when every place clashes, none.
#include <label_placement.hpp>

#include <doctest/doctest.h>

#include <cmath>

using namespace ctrail::ui;

namespace {
Box at(ImVec2 p, ImVec2 size) {
    return Box(p, ImVec2(p.x + size.x, p.y + size.y));
}
} // namespace

TEST_CASE("labels: overlap tests") {
    CHECK(overlaps(Box(0, 0, 10, 10), Box(5, 5, 15, 15)));
    CHECK_FALSE(overlaps(Box(0, 0, 10, 10), Box(10, 0, 20, 10))); // sharing an edge is fine
    CHECK(overlaps(Box(0, 0, 10, 10), Dot{ImVec2(12, 5), 3}));
    CHECK_FALSE(overlaps(Box(0, 0, 10, 10), Dot{ImVec2(14, 5), 3}));
    // Near a corner the disc must reach the corner itself, not just the box's extent.
    CHECK_FALSE(overlaps(Box(0, 0, 10, 10), Dot{ImVec2(12.5f, 12.5f), 3}));
    CHECK(overlaps(Box(0, 0, 10, 10), Dot{ImVec2(11.5f, 11.5f), 3}));
}

TEST_CASE("labels: right of the dot first, inside the bounds") {
    LabelPlacer p;
    const Box bounds(0, 0, 400, 300);
    const Dot own{ImVec2(100, 100), 10};
    const auto pos = p.place(own, ImVec2(60, 20), bounds);
    REQUIRE(pos);
    CHECK(pos->x == doctest::Approx(114));
    CHECK(pos->y == doctest::Approx(90));
    // At the right edge it goes left instead.
    const Dot edge{ImVec2(370, 200), 10};
    const auto left = p.place(edge, ImVec2(60, 20), bounds);
    REQUIRE(left);
    CHECK(left->x + 60 <= 370 - 10);
    CHECK(left->x >= 0);
}

TEST_CASE("labels: never on another province's dot, a reserved box or another label") {
    const Box bounds(0, 0, 400, 300);
    const ImVec2 size(60, 20);
    LabelPlacer p;
    const Dot own{ImVec2(200, 150), 8};
    // A neighbour's dot right where the first choice would go, a reserved box on the left.
    const Dot neighbour{ImVec2(235, 150), 6};
    p.add_dot(own);
    p.add_dot(neighbour);
    p.reserve(Box(120, 130, 190, 170));
    const auto pos = p.place(own, size, bounds);
    REQUIRE(pos);
    const Box b = at(*pos, size);
    CHECK_FALSE(overlaps(b, neighbour));
    CHECK_FALSE(overlaps(b, Box(120, 130, 190, 170)));
    CHECK(b.min.x >= bounds.min.x);
    CHECK(b.max.y <= bounds.max.y);
    // Its own dot does not block it, but the label still keeps clear of the dot's centre.
    CHECK_FALSE(b.contains(own.centre));
    // A second label for the neighbour avoids the first.
    const auto second = p.place(neighbour, size, bounds);
    REQUIRE(second);
    CHECK_FALSE(overlaps(at(*second, size), b));
    CHECK_FALSE(overlaps(at(*second, size), own));
}

TEST_CASE("labels: a crowded dot gets a place further out, or none at all") {
    const Box bounds(0, 0, 400, 300);
    const ImVec2 size(50, 16);
    LabelPlacer p;
    const Dot own{ImVec2(200, 150), 6};
    p.add_dot(own);
    // A ring of neighbours close around it blocks every near place.
    for (int i = 0; i < 12; ++i) {
        const float a = float(i) * 0.5235988f;
        p.add_dot(Dot{ImVec2(200 + 22 * std::cos(a), 150 + 22 * std::sin(a)), 7});
    }
    const auto far = p.place(own, size, bounds);
    REQUIRE(far);
    const Box b = at(*far, size);
    for (int i = 0; i < 12; ++i) {
        const float a = float(i) * 0.5235988f;
        CHECK_FALSE(overlaps(b, Dot{ImVec2(200 + 22 * std::cos(a), 150 + 22 * std::sin(a)), 7}));
    }
    // A map too small for the label: nothing, and nothing reserved.
    LabelPlacer tiny;
    const std::size_t before = tiny.boxes().size();
    CHECK_FALSE(tiny.place(Dot{ImVec2(10, 10), 4}, ImVec2(50, 16), Box(0, 0, 30, 30)));
    CHECK(tiny.boxes().size() == before);
}
