// Metrics (mm -> px for the configured panel) and the palette's contrast promises.
#include "icons.hpp"
#include "theme.hpp"

#include <doctest/doctest.h>

using namespace ctrail::ui;

TEST_CASE("metrics: official 7\" display, 800x480 (154.2 x 86.8 mm)") {
    Metrics m(panel_7inch, 800, 480);
    CHECK(m.px_per_mm_x() == doctest::Approx(800 / 154.2).epsilon(1e-4));
    CHECK(m.px_per_mm_y() == doctest::Approx(480 / 86.8).epsilon(1e-4));
    // Non-square pixels: "at least 15 mm" must hold on the denser axis too.
    CHECK(m.touch_target() / m.px_per_mm_x() >= 15.f);
    CHECK(m.touch_target() / m.px_per_mm_y() >= 15.f - 1e-4f);
    CHECK(m.touch_target() == doctest::Approx(82.95).epsilon(1e-3));
    CHECK(m.primary_button_height() == doctest::Approx(20 * 480 / 86.8).epsilon(1e-4));
    CHECK(m.mm(10) == doctest::Approx(10 * 480 / 86.8).epsilon(1e-4));
    CHECK(m.to_mm(m.mm(7)) == doctest::Approx(7).epsilon(1e-5));
    // Body text: >= 16 px, and the guide's "4 mm ~ 20 px at 800x480".
    CHECK(m.body_font() >= 16.f);
    CHECK(m.body_font() == doctest::Approx(21).epsilon(0.02));
    CHECK(m.caption_font() >= 16.f);
    CHECK(m.headline_font() == doctest::Approx(8 * 800 / 154.2).epsilon(0.02));
    CHECK(m.hero_font() == doctest::Approx(14 * 800 / 154.2).epsilon(0.02));
    CHECK(m.icon_line() == doctest::Approx(1.2 * 480 / 86.8).epsilon(1e-3));
    CHECK_FALSE(m.portrait());
}

TEST_CASE("metrics: 15.6\" display, 1920x1080 (344 x 194 mm)") {
    Metrics m(panel_15_6inch, 1920, 1080);
    CHECK(m.px_per_mm_x() == doctest::Approx(1920 / 344.0).epsilon(1e-4));
    CHECK(m.px_per_mm_y() == doctest::Approx(1080 / 194.0).epsilon(1e-4));
    CHECK(m.touch_target() == doctest::Approx(15 * 1920 / 344.0).epsilon(1e-4));
    CHECK(m.gap() == doctest::Approx(5 * 1920 / 344.0).epsilon(1e-4));
    CHECK(m.body_font() == doctest::Approx(4 * 1080 / 194.0).epsilon(0.03));
    // Metrics::for_framebuffer picks this panel for large framebuffers.
    Metrics d = Metrics::for_framebuffer(1920, 1080);
    CHECK(d.px_per_mm_x() == doctest::Approx(m.px_per_mm_x()));
    CHECK(Metrics::for_framebuffer(800, 480).px_per_mm_x() ==
          doctest::Approx(800 / 154.2).epsilon(1e-4));
}

TEST_CASE("metrics: portrait uses the same panel turned on its side") {
    Metrics p(panel_7inch, 480, 800);
    CHECK(p.portrait());
    CHECK(p.panel().width_mm == doctest::Approx(86.8f));
    CHECK(p.panel().height_mm == doctest::Approx(154.2f));
    CHECK(p.px_per_mm_x() == doctest::Approx(480 / 86.8).epsilon(1e-4));
    CHECK(p.touch_target() == doctest::Approx(Metrics(panel_7inch, 800, 480).touch_target()));
    Metrics q(panel_15_6inch, 1080, 1920);
    CHECK(q.px_per_mm_y() == doctest::Approx(1920 / 344.0).epsilon(1e-4));
}

TEST_CASE("palette: the style guide's colours and contrast") {
    using namespace theme;
    CHECK(background == IM_COL32(0x0E, 0x1A, 0x24, 0xFF));
    CHECK(accent == IM_COL32(0xFF, 0xD1, 0x66, 0xFF));
    CHECK(contrast_ratio(text, background) == doctest::Approx(15.1).epsilon(0.02));
    CHECK(contrast_ratio(muted_text, background) == doctest::Approx(8.6).epsilon(0.02));
    CHECK(contrast_ratio(co2, background) == doctest::Approx(6.3).epsilon(0.02));
    CHECK(contrast_ratio(accent_text, accent) == doctest::Approx(12.2).epsilon(0.02));
    for (ImU32 c : {text, muted_text, coast, interior, co2, accent})
        CHECK(contrast_ratio(c, background) >= 4.5f);
    // Text on the side panel keeps 4.5:1 as well.
    for (ImU32 c : {text, muted_text, coast, interior, co2})
        CHECK(contrast_ratio(c, panel) >= 4.5f);
    CHECK((with_alpha(text, 0.5f) >> IM_COL32_A_SHIFT) == 128u);
    CHECK(mix(background, text, 0.f) == background);
    CHECK(mix(background, text, 1.f) == text);
}

TEST_CASE("icons: names for the content table") {
    for (int i = 0; i < int(IconId::Count); ++i) {
        IconId id = IconId(i);
        auto name = icon_name(id);
        INFO(name);
        CHECK(!name.empty());
        CHECK(icon_from_name(name) == id);
    }
    CHECK(icon_from_name("smartphone") == IconId::Phone);
    CHECK(icon_from_name("fridge") == IconId::WashingMachine);
    CHECK_FALSE(icon_from_name("spaceship").has_value());
}
