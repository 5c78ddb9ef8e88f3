// Numbers as a visitor reads them: two significant figures (style guide), thousands separators,
// percentages, kilograms or tonnes of CO2 in English and Chinese (千克 / 吨, 万 for ten
// thousands). Full precision stays in the engine and in `ctrail`.
#pragma once

#include <string>

namespace ctrail::ui {

double round_sig(double value, int digits = 2);
// "20,000", "4.1", "0.42", "0" (two significant figures, grouping commas).
std::string format_sig(double value, int digits = 2);
// "71%", "9.1%", "0.5%" from a share 0..1; "<0.1%" for a positive share below 0.1%.
std::string format_percent(double share);

struct MassText {
    std::string number; // "4.1"
    std::string unit;   // "t" / "kg" / "吨" / "千克"
};
// kg of CO2: below 1,000 kg in kg, else in tonnes; the unit words come from the text table
// ("kg"/"t", "千克"/"吨").
MassText format_mass(double kg, const char* kg_word, const char* t_word);
// A count of things (km, hours): "20,000"; with a word for ten thousand (Chinese 万) "2万"
// from 10,000 up.
std::string format_count(double value, const char* ten_thousand = nullptr);
// Money: "¥120,000"; with Chinese words "12万元".
std::string format_yuan(double yuan, const char* ten_thousand = nullptr,
                        const char* yuan_word = nullptr);

} // namespace ctrail::ui
