#include "kiosk/touch_rotation.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace ctrail::kiosk;

namespace {
const Rotation kAll[] = {Rotation::deg0, Rotation::deg90, Rotation::deg180, Rotation::deg270};

bool near(PointF a, PointF b) {
    return std::fabs(a.x - b.x) < 1e-3f && std::fabs(a.y - b.y) < 1e-3f;
}
} // namespace

TEST_CASE("rotation_from_degrees accepts only quarter turns") {
    CHECK(rotation_from_degrees(0) == Rotation::deg0);
    CHECK(rotation_from_degrees(90) == Rotation::deg90);
    CHECK(rotation_from_degrees(180) == Rotation::deg180);
    CHECK(rotation_from_degrees(270) == Rotation::deg270);
    CHECK_FALSE(rotation_from_degrees(45));
    CHECK_FALSE(rotation_from_degrees(360));
    CHECK_FALSE(rotation_from_degrees(-90));
}

TEST_CASE("logical canvas size swaps axes on quarter turns") {
    const SizeI panel{800, 480};
    CHECK(logical_size(panel, Rotation::deg0) == SizeI{800, 480});
    CHECK(logical_size(panel, Rotation::deg90) == SizeI{480, 800});
    CHECK(logical_size(panel, Rotation::deg180) == SizeI{800, 480});
    CHECK(logical_size(panel, Rotation::deg270) == SizeI{480, 800});
    for (Rotation r : kAll) CHECK(panel_size(logical_size(panel, r), r) == panel);
}

// Where the visitor's upper-left corner (logical 0,0) lands on the panel: a picture turned 90
// degrees clockwise has its top-left at the panel's top-right, and so on round the panel.
TEST_CASE("logical corners land on the expected panel corners") {
    const SizeI panel{800, 480};
    CHECK(near(logical_to_panel({0, 0}, panel, Rotation::deg0), {0, 0}));
    CHECK(near(logical_to_panel({0, 0}, panel, Rotation::deg90), {800, 0}));
    CHECK(near(logical_to_panel({0, 0}, panel, Rotation::deg180), {800, 480}));
    CHECK(near(logical_to_panel({0, 0}, panel, Rotation::deg270), {0, 480}));

    // Logical bottom-right corner: opposite panel corner of the top-left's.
    CHECK(near(logical_to_panel({480, 800}, panel, Rotation::deg90), {0, 480}));
    CHECK(near(logical_to_panel({800, 480}, panel, Rotation::deg180), {0, 0}));
    CHECK(near(logical_to_panel({480, 800}, panel, Rotation::deg270), {800, 0}));

    // Logical top-right corner (x = canvas width) for 90: panel bottom-right.
    CHECK(near(logical_to_panel({480, 0}, panel, Rotation::deg90), {800, 480}));
}

TEST_CASE("a touch on a panel corner maps to the matching logical corner") {
    const SizeI panel{1920, 1080};
    // Touch at the panel's top-left with the picture turned 90 cw: that is the visitor's
    // bottom-left (logical x = 0, y = canvas height 1920).
    CHECK(near(panel_to_logical({0, 0}, panel, Rotation::deg90), {0, 1920}));
    CHECK(near(panel_to_logical({0, 0}, panel, Rotation::deg180), {1920, 1080}));
    CHECK(near(panel_to_logical({0, 0}, panel, Rotation::deg270), {1080, 0}));
    CHECK(near(panel_to_logical({0, 0}, panel, Rotation::deg0), {0, 0}));
}

TEST_CASE("panel -> logical -> panel round trip for every rotation and many points") {
    for (SizeI panel : {SizeI{800, 480}, SizeI{1920, 1080}, SizeI{480, 800}}) {
        for (Rotation r : kAll) {
            CAPTURE(degrees(r));
            for (int i = 0; i <= 10; ++i) {
                for (int j = 0; j <= 10; ++j) {
                    const PointF p{panel.w * i / 10.0f, panel.h * j / 10.0f};
                    const PointF l = panel_to_logical(p, panel, r);
                    const SizeI canvas = logical_size(panel, r);
                    CHECK(l.x >= -1e-3f);
                    CHECK(l.y >= -1e-3f);
                    CHECK(l.x <= canvas.w + 1e-3f);
                    CHECK(l.y <= canvas.h + 1e-3f);
                    CHECK(near(logical_to_panel(l, panel, r), p));
                }
            }
        }
    }
}

TEST_CASE("normalised mapping agrees with the pixel mapping") {
    const SizeI panel{800, 480};
    for (Rotation r : kAll) {
        CAPTURE(degrees(r));
        const SizeI canvas = logical_size(panel, r);
        const PointF touch{0.25f, 0.8f};
        const PointF n = panel_to_logical_normalized(touch, r);
        const PointF px = panel_to_logical({touch.x * 800, touch.y * 480}, panel, r);
        CHECK(near({n.x * canvas.w, n.y * canvas.h}, px));
        CHECK(near(logical_to_panel_normalized(n, r), touch));
    }
}

TEST_CASE("four quarter turns compose to the identity") {
    PointF p{0.1f, 0.7f};
    PointF q = p;
    for (int i = 0; i < 4; ++i) q = logical_to_panel_normalized(q, Rotation::deg90);
    CHECK(near(q, p));
    CHECK(near(logical_to_panel_normalized(logical_to_panel_normalized(p, Rotation::deg90),
                                           Rotation::deg90),
               logical_to_panel_normalized(p, Rotation::deg180)));
}

TEST_CASE("rotated blit covers the panel exactly after SDL's turn about the centre") {
    const SizeI panel{800, 480};
    for (Rotation r : kAll) {
        CAPTURE(degrees(r));
        const RotatedBlit b = rotated_blit(panel, r);
        CHECK(b.angle_deg == degrees(r));
        CHECK(SizeI{b.w, b.h} == logical_size(panel, r));
        // The rectangle is centred on the panel.
        CHECK(b.x * 2 + b.w == panel.w);
        CHECK(b.y * 2 + b.h == panel.h);
    }
    const RotatedBlit b = rotated_blit(panel, Rotation::deg90);
    CHECK(b.x == 160);
    CHECK(b.y == -160);
}
