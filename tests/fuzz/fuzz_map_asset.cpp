// libFuzzer target: the province map asset reader (ui/components/map_asset.hpp,
// assets/map/china-provinces.map), then what the screens do with a loaded map: hit tests,
// projection and fitting it to the screen.
#include "fuzz_input.hpp"

#include <map_asset.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace ctrail::ui;
    try {
        const MapAsset map = MapAsset::parse(ctrail::fuzz::as_text(data, size), "fuzz.map");
        for (const auto& p : map.provinces()) {
            (void)map.index_of(p.code);
            (void)map.hit_test(p.anchor);
            (void)map.hit_test(p.label);
        }
        (void)map.hit_test(ImVec2(0, 0));
        (void)map.project(116.4, 39.9);
        const MapFit fit = fit_map(map, ImVec2(0, 0), ImVec2(800, 480));
        (void)fit.to_map(fit.to_screen(ImVec2(1, 1)));
        (void)fit_map(map, ImVec2(0, 0), ImVec2(800, 480), false);
    } catch (const MapError&) {
    }
    return 0;
}
