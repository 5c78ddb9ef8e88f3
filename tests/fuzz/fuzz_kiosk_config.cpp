// libFuzzer target: the kiosk config parser (firmware/kiosk/kiosk_config.hpp). It never
// throws: every problem is a warning and the default stays.
#include "fuzz_input.hpp"

#include <kiosk/kiosk_config.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto loaded = ctrail::kiosk::parse_config(ctrail::fuzz::as_text(data, size));
    for (const auto& w : loaded.warnings) (void)w.text();
    (void)loaded.config.pixels_per_mm();
    (void)loaded.config.pixels_per_mm(800, 480);
    return 0;
}
