// Admin mode's pure pieces in ui/: the hidden gesture and the PIN back-off.
#include <admin_gesture.hpp>
#include <pin_backoff.hpp>

#include <doctest/doctest.h>

using ctrail::ui::AdminGesture;
using ctrail::ui::PinBackoff;

namespace {
// Runs frames of 1/60 s from t to t + seconds with the finger as given; true if it completed.
bool run(AdminGesture& g, double& t, double seconds, bool down, float x, float y) {
    bool done = false;
    for (double end = t + seconds; t < end; t += 1.0 / 60) done |= g.update(t, down, x, y);
    return done;
}
} // namespace

TEST_CASE("hold the top-left corner 5 s, lift, tap the top-right corner within 3 s") {
    AdminGesture g;
    double t = 0;
    CHECK_FALSE(run(g, t, 5.1, true, 0.03f, 0.03f));
    CHECK_FALSE(run(g, t, 0.1, false, 0.03f, 0.03f));
    CHECK(g.armed(t));
    CHECK_FALSE(run(g, t, 2.0, false, 0.5f, 0.5f));
    CHECK(run(g, t, 0.05, true, 0.97f, 0.03f)); // the tap completes it
    CHECK_FALSE(run(g, t, 0.1, false, 0.97f, 0.03f));
    CHECK_FALSE(g.armed(t));
}

TEST_CASE("a short hold, a late tap, a slide or another touch in between does nothing") {
    SUBCASE("4.5 s is not enough") {
        AdminGesture g;
        double t = 0;
        run(g, t, 4.5, true, 0.03f, 0.03f);
        run(g, t, 0.1, false, 0.03f, 0.03f);
        CHECK_FALSE(run(g, t, 0.05, true, 0.97f, 0.03f));
    }
    SUBCASE("the tap comes after 3 s") {
        AdminGesture g;
        double t = 0;
        run(g, t, 5.1, true, 0.03f, 0.03f);
        run(g, t, 3.1, false, 0.5f, 0.5f);
        CHECK_FALSE(run(g, t, 0.05, true, 0.97f, 0.03f));
    }
    SUBCASE("the finger slides out of the corner") {
        AdminGesture g;
        double t = 0;
        run(g, t, 2, true, 0.03f, 0.03f);
        run(g, t, 3.1, true, 0.4f, 0.4f);
        run(g, t, 0.1, false, 0.4f, 0.4f);
        CHECK_FALSE(run(g, t, 0.05, true, 0.97f, 0.03f));
    }
    SUBCASE("a touch elsewhere between hold and tap") {
        AdminGesture g;
        double t = 0;
        run(g, t, 5.1, true, 0.03f, 0.03f);
        run(g, t, 0.1, false, 0.03f, 0.03f);
        run(g, t, 0.1, true, 0.5f, 0.5f);
        run(g, t, 0.1, false, 0.5f, 0.5f);
        CHECK_FALSE(run(g, t, 0.05, true, 0.97f, 0.03f));
    }
    SUBCASE("the tap lands in the wrong corner") {
        AdminGesture g;
        double t = 0;
        run(g, t, 5.1, true, 0.03f, 0.03f);
        run(g, t, 0.1, false, 0.03f, 0.03f);
        CHECK_FALSE(run(g, t, 0.05, true, 0.97f, 0.97f));
    }
}

TEST_CASE("three wrong PINs lock the pad for 30 s, then each wrong PIN doubles it") {
    PinBackoff b;
    b.wrong(0);
    b.wrong(1);
    CHECK(b.can_try(1));
    b.wrong(2);
    CHECK_FALSE(b.can_try(2));
    CHECK(b.seconds_left(2) == doctest::Approx(30));
    CHECK_FALSE(b.can_try(31.9));
    CHECK(b.can_try(32));
    b.wrong(40);
    CHECK(b.seconds_left(40) == doctest::Approx(60));
    b.wrong(100);
    CHECK(b.seconds_left(100) == doctest::Approx(120));
    for (int i = 0; i < 20; ++i) b.wrong(1000.0 * i);
    CHECK(b.seconds_left(19000) == doctest::Approx(3600)); // at most an hour
    b.right();
    CHECK(b.can_try(19000));
    CHECK(b.wrong_in_a_row() == 0);
}
