// A real ImGui frame (asserts are live in Debian's libimgui.a): fonts from the build's subset,
// the map, arcs, bubbles, icons and labels drawn, rendered, then rasterised in software to
// check that the fills land where the map says they do.
#include "raster.hpp"
#include "showcase.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>

using namespace ctrail::ui;

namespace {

const std::string kSource = CTRAIL_SOURCE_DIR;

struct Frame {
    MapAsset asset = MapAsset::load(kSource + "/assets/map/china-provinces.map");
    Texts texts = Texts::load_dir(kSource + "/assets/text");
    FontSet fonts;
    ImGuiContext* ctx = ImGui::CreateContext();
    ~Frame() { ImGui::DestroyContext(ctx); }

    void load(const FontFiles& files, const Metrics& m) {
        apply_exhibit_style(ImGui::GetStyle(), m);
        fonts = load_fonts(ImGui::GetIO(), files, m, texts.all_texts(), {"≈ CO₂"});
        unsigned char* px;
        int w, h;
        ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&px, &w, &h);
        ImGui::GetIO().Fonts->SetTexID(reinterpret_cast<ImTextureID>(1));
    }
};

FontFiles build_fonts() {
    std::string dir = CTRAIL_TEST_FONT_DIR;
    return FontFiles{dir + "/exhibit.ttf", dir + "/exhibit-bold.ttf",
                     dir + "/exhibit-fallback.ttf"};
}

bool close_to(ImU32 a, ImU32 b, int tol) {
    for (int s = 0; s < 24; s += 8)
        if (std::abs(int((a >> s) & 0xFF) - int((b >> s) & 0xFF)) > tol) return false;
    return true;
}

} // namespace

TEST_CASE("imgui frame: the showcase draws at every supported size") {
    struct Size {
        int w, h;
    } sizes[] = {{800, 480}, {1920, 1080}, {480, 800}, {1080, 1920}};
    for (Size sz : sizes) {
        INFO(sz.w << "x" << sz.h);
        Frame f;
        Metrics m = Metrics::for_framebuffer(sz.w, sz.h);
        f.load(build_fonts(), m);
        INFO(f.fonts.error);
        REQUIRE(f.fonts.from_file);
        // CJK from the texts, the merged fallback's subscript two, and hero digits.
        CHECK(f.fonts.body->FindGlyphNoFallback(u'碳') != nullptr);
        CHECK(f.fonts.headline->FindGlyphNoFallback(u'哪') != nullptr);
        CHECK(f.fonts.body->FindGlyphNoFallback(u'₂') != nullptr);
        CHECK(f.fonts.hero->FindGlyphNoFallback(u'4') != nullptr);
        CHECK(f.fonts.hero->FindGlyphNoFallback(u'碳') == nullptr); // hero stays small
        CHECK(f.fonts.body_px >= 16.f);

        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(float(sz.w), float(sz.h));
        io.DeltaTime = 1.f / 60.f;
        ImGui::NewFrame();
        MapView view = draw_showcase(Showcase{&f.asset, &f.texts, &f.fonts, m, 0.6f});
        ImGui::Render();
        const ImDrawData* dd = ImGui::GetDrawData();
        REQUIRE(dd != nullptr);
        CHECK(dd->CmdListsCount >= 1);
        std::size_t map_points = 0;
        for (const Province& p : f.asset.provinces())
            for (const MapRing& r : p.rings) map_points += r.points.size();
        CHECK(std::size_t(dd->TotalVtxCount) > map_points);

        RgbImage img(sz.w, sz.h, theme::background);
        rasterise(dd, img);
        // Sea stays background; Xinjiang's label point is plain land; Shanghai's highlight is
        // coast-coloured (sampled beside the anchor dot's label but inside the province).
        ImVec2 sea = view.to_screen(f.asset.project(124.0, 29.0));
        CHECK(close_to(img.at(int(sea.x), int(sea.y)), theme::background, 2));
        ImVec2 xj = view.label_point(f.asset.index_of("XJ"));
        CHECK(close_to(img.at(int(xj.x), int(xj.y)), theme::map_land, 8));
        int sh = f.asset.index_of("SH");
        ImVec2 sha = view.label_point(sh);
        ImU32 shc = img.at(int(sha.x), int(sha.y));
        INFO("Shanghai pixel " << std::hex << shc);
        CHECK(((shc >> 8) & 0xFF) > 0x90); // green channel of the coast colour, not land (0x44)
        CHECK(view.hit_test(view.anchor(sh)) == sh);
    }
}

TEST_CASE("imgui frame: a missing font file falls back to ImGui's font, no crash") {
    Frame f;
    Metrics m(panel_7inch, 800, 480);
    f.load(FontFiles{"/nonexistent/exhibit.ttf", "", ""}, m);
    CHECK_FALSE(f.fonts.from_file);
    CHECK(f.fonts.error.find("/nonexistent/exhibit.ttf") != std::string::npos);
    REQUIRE(f.fonts.body != nullptr);
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(800, 480);
    io.DeltaTime = 1.f / 60.f;
    ImGui::NewFrame();
    draw_showcase(Showcase{&f.asset, &f.texts, &f.fonts, m, 1.f});
    ImGui::Render();
    CHECK(ImGui::GetDrawData()->TotalVtxCount > 0);
}

TEST_CASE("imgui frame: a file that is not a font is refused before ImGui sees it") {
    Frame f;
    Metrics m(panel_7inch, 800, 480);
    f.load(FontFiles{kSource + "/assets/text/en.tsv", "", ""}, m);
    CHECK_FALSE(f.fonts.from_file);
    CHECK(f.fonts.error.find("not a TrueType") != std::string::npos);
}

TEST_CASE("arcs and bubbles: geometry helpers") {
    ImVec2 a(0, 0), b(100, 0);
    CHECK(arc_point(a, b, 0).x == doctest::Approx(0));
    CHECK(arc_point(a, b, 1).x == doctest::Approx(100));
    // Bent to the left of travel: with y down, travelling +x, left is -y.
    CHECK(arc_point(a, b, 0.5f, 0.25f).y < 0);
    CHECK(bubble_radius(1.f, 40.f) == doctest::Approx(40));
    CHECK(bubble_radius(0.25f, 40.f) == doctest::Approx(20)); // area-proportional
    CHECK(bubble_radius(-1.f, 40.f) == 0);
}

TEST_CASE("fonts: the built subset draws every character of both text tables") {
    Frame f;
    Metrics m(panel_7inch, 800, 480);
    f.load(build_fonts(), m);
    REQUIRE(f.fonts.from_file);
    std::vector<std::string> missing;
    for (std::string_view t : f.texts.all_texts())
        for (char32_t c : decode_utf8(t))
            if (c >= 0x20 && !f.fonts.body->FindGlyphNoFallback(ImWchar(c))) {
                char cp[16];
                std::snprintf(cp, sizeof cp, "U+%04X", unsigned(c));
                missing.push_back(std::string(cp) + " in \"" + std::string(t) + "\"");
            }
    for (const std::string& s : missing) FAIL_CHECK("no glyph for " << s);
    CHECK(missing.empty());
}
