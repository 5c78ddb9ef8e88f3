// Numbers as a visitor reads them: two significant figures (style guide), thousands separators,
// percentages, kilograms or tonnes of CO2 in English and Chinese (千克 / 吨, 万 for ten
// thousands). Full precision stays in the engine and in `ctrail`.
#pragma once

#include <string>

namespace ctrail::ui {

double round_sig(double value, int digits = 2);
// "20,000", "4.1", "0.42", "0" (two significant figures, grouping commas).
std::string format_sig(double value, int digits = 2);
// "71%", "9.1%", "0.5%" from a share 0..1.
std::string format_percent(double share);

struct MassText {
    std::string number; // "4.1"
    std::string unit;   // "t" / "kg" / "吨" / "千克"
};
// kg of CO2: below 1,000 kg in kg, else in tonnes.
MassText format_mass(double kg, bool chinese);
// A count of things (km, hours): en "20,000"; zh "2万" from 10,000 up.
std::string format_count(double value, bool chinese);
// Money: en "¥120,000"; zh "12万元".
std::string format_yuan(double yuan, bool chinese);

} // namespace ctrail::ui
