// libFuzzer target: the curator content tables (ui/content.hpp, assets/content/products.tsv and
// equivalents.tsv). One input holds both, as "=== products.tsv" and "=== equivalents.tsv" parts.
#include "fuzz_input.hpp"

#include <content.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto parts = ctrail::fuzz::split_parts(ctrail::fuzz::as_text(data, size));
    try {
        const auto content = ctrail::ui::parse_content(parts["products.tsv"], "products.tsv",
                                                       parts["equivalents.tsv"], "equivalents.tsv");
        for (const auto& p : content.products) (void)content.find_product(p.id);
        for (const auto& e : content.equivalents) (void)content.find_equivalent(e.id);
    } catch (const ctrail::ui::ContentError&) {
    }
    return 0;
}
