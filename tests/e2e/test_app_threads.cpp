// The app in-process (no SDL): frames keep coming while traces run on the app's worker; a visit
// ended while its trace runs never shows that trace; the next visitor's trail is the engine's
// own number for their choice. Run under ThreadSanitizer in CI (the tsan preset).
#include "e2e_support.hpp"

#include <exhibit_app.hpp>

#include <doctest/doctest.h>
#include <imgui.h>

#include <memory>
#include <string>

using namespace e2e;
using namespace ctrail::ui;

namespace {

class Harness {
  public:
    Harness() : ctx_(ImGui::CreateContext()) {
        AppConfig c;
        const std::string src = CTRAIL_SOURCE_DIR;
        c.paths.model = model_path();
        c.paths.content = src + "/assets/content";
        c.paths.text = src + "/assets/text";
        c.paths.map = src + "/assets/map/china-provinces.map";
        const std::string fonts = CTRAIL_TEST_FONT_DIR;
        c.paths.fonts = {fonts + "/exhibit.ttf", fonts + "/exhibit-bold.ttf",
                         fonts + "/exhibit-fallback.ttf"};
        c.log = [](int, const std::string&) {};
        app = std::make_unique<ExhibitApp>(c);
        REQUIRE(app->load(ImVec2(800, 480)));
        unsigned char* px;
        int w, h;
        ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&px, &w, &h);
        ImGui::GetIO().Fonts->SetTexID(reinterpret_cast<ImTextureID>(1));
    }
    ~Harness() {
        app.reset(); // joins the worker before the ImGui context goes
        ImGui::DestroyContext(ctx_);
    }

    void frame() {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(800, 480);
        io.DeltaTime = 1.f / 60.f;
        now_ += 1.0 / 60.0;
        ImGui::NewFrame();
        app->frame(now_);
        ImGui::Render();
    }
    // Touch the centre of a target and lift; false when the target is not on screen.
    bool tap(const std::string& id) {
        auto box = app->target(id);
        if (!box) return false;
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = box->centre();
        frame();
        io.MouseDown[0] = true;
        frame();
        io.MouseDown[0] = false;
        frame();
        io.MousePos = ImVec2(-1, -1);
        frame();
        return true;
    }
    bool tap_via(const std::string& id, const std::string& pager) {
        for (int k = 0; k < 40 && !app->target(id); ++k)
            if (!tap(pager)) return false;
        return tap(id);
    }
    void settle() {
        for (int f = 0; f < 60 * 60 && !app->settled(); ++f) frame();
        REQUIRE(app->settled());
    }
    void choose(const std::string& region, const std::string& product) {
        REQUIRE(tap("start")); // wakes and starts
        settle();
        REQUIRE(tap_via("region." + region, "region.page"));
        settle();
        REQUIRE(tap("product." + product));
    }

    std::unique_ptr<ExhibitApp> app;

  private:
    ImGuiContext* ctx_;
    double now_ = 0;
};

const ShownFigure* figure(const ExhibitState& s, const std::string& id) {
    for (const auto& f : s.figures)
        if (f.id == id) return &f;
    return nullptr;
}

} // namespace

TEST_CASE("traces run beside frames") {
    require_model();
    Harness h;
    h.frame();
    h.settle();
    const char* visits[][2] = {{"SH", "car"}, {"GD", "smartphone"}, {"XJ", "flat"}};
    for (int round = 0; round < 3; ++round) {
        const char* region = visits[round][0];
        const char* product = visits[round][1];
        INFO("visit " << region << " / " << product);
        // A visitor asks for a trace and walks away at once: frames go on while it runs, and
        // "Start again" drops it.
        h.choose("SH", "clothes");
        REQUIRE(h.app->state().screen == Screen::Trail);
        REQUIRE(h.tap("home"));
        REQUIRE(h.tap("home.yes"));
        CHECK(h.app->state().screen == Screen::Attract);
        // The next visitor's choice: their trace, not the abandoned one.
        h.choose(region, product);
        h.settle();
        const ExhibitState& s = h.app->state();
        REQUIRE(s.screen == Screen::Trail);
        CHECK(s.region == region);
        CHECK(s.product == product);
        CHECK_FALSE(s.trace_pending);
        const ShownFigure* total = figure(s, "trail.total_kg");
        REQUIRE(total);
        const Product* p = content().find_product(product);
        REQUIRE(p);
        const ctrail::ExhibitTrace t = model().trace(region, p->sector, p->price_yuan);
        REQUIRE(t.error.empty());
        CHECK(total->engine == doctest::Approx(t.total_kg).epsilon(1e-12));
        REQUIRE(h.tap("home"));
        REQUIRE(h.tap("home.yes"));
        h.settle();
    }
}
