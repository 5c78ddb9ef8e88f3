// ui_component_preview OUT.png [W H [FRAMES]] - renders the component showcase to a PNG
// (software rasteriser). With FRAMES, also prints the CPU time per frame of building the
// showcase's draw lists (NewFrame..Render, no rasterisation) - a rough number, not a test.
#include "raster.hpp"
#include "showcase.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>

using namespace ctrail::ui;

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s OUT.png [WIDTH HEIGHT]\n", argv[0]);
        return 2;
    }
    int w = argc >= 4 ? std::atoi(argv[2]) : 1920, h = argc >= 4 ? std::atoi(argv[3]) : 1080;
    try {
        MapAsset asset =
            MapAsset::load(std::string(CTRAIL_SOURCE_DIR) + "/assets/map/china-provinces.map");
        Texts texts = Texts::load_dir(std::string(CTRAIL_SOURCE_DIR) + "/assets/text");
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        Metrics m = Metrics::for_framebuffer(w, h);
        apply_exhibit_style(ImGui::GetStyle(), m);
        const std::string dir = CTRAIL_TEST_FONT_DIR;
        const FontFiles files{dir + "/exhibit.ttf", dir + "/exhibit-bold.ttf",
                              dir + "/exhibit-fallback.ttf"};
        FontSet fonts = load_fonts(io, files, m, texts.all_texts(), {"≈ CO₂"});
        if (!fonts.from_file) std::fprintf(stderr, "font: %s\n", fonts.error.c_str());
        unsigned char* px;
        int tw, th;
        io.Fonts->GetTexDataAsRGBA32(&px, &tw, &th);
        io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(1));
        io.DisplaySize = ImVec2(float(w), float(h));
        io.DeltaTime = 1.f / 60.f;
        int frames = argc >= 5 ? std::atoi(argv[4]) : 0;
        auto t0 = std::chrono::steady_clock::now();
        for (int i = 0; i < frames; ++i) {
            ImGui::NewFrame();
            draw_showcase(Showcase{&asset, &texts, &fonts, m, 0.5f + 0.5f * float(i % 60) / 60.f});
            ImGui::Render();
        }
        if (frames > 0) {
            double ms =
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                    .count();
            std::printf("%.3f ms per frame (%d frames, %d vertices)\n", ms / frames, frames,
                        ImGui::GetDrawData()->TotalVtxCount);
        }
        ImGui::NewFrame();
        draw_showcase(Showcase{&asset, &texts, &fonts, m, 0.7f});
        ImGui::Render();
        RgbImage img(w, h, theme::background);
        rasterise(ImGui::GetDrawData(), img);
        ImGui::DestroyContext();
        if (!write_png(img, argv[1])) {
            std::fprintf(stderr, "cannot write %s\n", argv[1]);
            return 1;
        }
        std::printf("wrote %s (%dx%d), font atlas %dx%d\n", argv[1], w, h, tw, th);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
    return 0;
}
