// libFuzzer target: the visitor-script parser (firmware/platform/visitor_script.hpp).
#include "fuzz_input.hpp"

#include <visitor_script.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        (void)ctrail::platform::parse_script(std::string(ctrail::fuzz::as_text(data, size)),
                                             "fuzz.script");
    } catch (const ctrail::platform::ScriptError&) {
    }
    return 0;
}
