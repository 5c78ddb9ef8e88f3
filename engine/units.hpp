// Reading the model's unit labels as numbers: money units as yuan ("10^4 yuan", "万元") and
// emission units as kilograms ("Mt", "kt CO2"). Conversion happens only for display.
#pragma once

#include <string>

namespace ctrail {

// Yuan in one model money unit: "yuan" 1, "10^4 yuan" / "10⁴ yuan" / "10000 yuan" / "1e4 yuan" /
// "万元" 1e4, "10^8 yuan" / "100 million yuan" / "亿元" 1e8, "million yuan" 1e6; CNY and RMB
// too, and trailing remarks are ignored ("10^8 CNY (100 million yuan), current prices" is 1e8).
// NaN when the label is not a yuan amount.
double yuan_per_money_unit(const std::string& currency_unit);

// Kilograms in one emission unit, read from its first word: g, kg, t (tonne), kt, Mt, Gt and the
// SI forms Mg, Gg, Tg, Pg; anything after the first word ("Mt CO2") is ignored.
// NaN when it is not a mass.
double kg_per_unit(const std::string& unit);

} // namespace ctrail
