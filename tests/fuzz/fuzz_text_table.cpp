// libFuzzer target: the exhibit's text tables (ui/components/text_table.hpp, assets/text/*.tsv)
// and the `{name}` placeholder parser every text goes through before it is drawn.
#include "fuzz_input.hpp"

#include <text_table.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace ctrail::ui;
    try {
        TextTable table = TextTable::parse(ctrail::fuzz::as_text(data, size), "fuzz.tsv");
        for (const auto& [key, text] : table.entries()) {
            (void)table.origin(key);
            (void)format_text(text, {{"n", "10"}, {"product", "car"}});
            (void)split_template(text, {"n", "region"});
        }
        Texts texts(table, TextTable::parse("title\tTitle\n", "en.tsv"));
        texts.set_language(Lang::Zh);
        (void)texts.tr("title");
        (void)texts.all_texts();
    } catch (const TextError&) {
    }
    return 0;
}
