// Numbers as visitors read them: two significant figures, kg or tonnes, 万 in Chinese.
#include <number_format.hpp>

#include <doctest/doctest.h>

using namespace ctrail::ui;

TEST_CASE("two significant figures with grouping") {
    CHECK(format_sig(27843.2) == "28,000");
    CHECK(format_sig(4.149) == "4.1");
    CHECK(format_sig(0.4249) == "0.42");
    CHECK(format_sig(95.5) == "96");
    CHECK(format_sig(999.6) == "1,000");
    CHECK(format_sig(0) == "0");
    CHECK(format_percent(0.7134) == "71%");
    CHECK(format_percent(0.0912) == "9.1%");
    CHECK(format_percent(1.0) == "100%");
    CHECK(format_percent(0.0012) == "0.12%");
    CHECK(format_percent(0.00098) == "<0.1%"); // rounds to 0.098%: below a tenth
    CHECK(format_percent(0.0000028) == "<0.1%");
    CHECK(format_percent(0.0) == "0%");
}

TEST_CASE("mass in kg below a tonne and in tonnes above with Chinese units") {
    CHECK(format_mass(412.0, "kg", "t").number == "410");
    CHECK(format_mass(412.0, "kg", "t").unit == "kg");
    CHECK(format_mass(27843.0, "kg", "t").number == "28");
    CHECK(format_mass(27843.0, "kg", "t").unit == "t");
    CHECK(format_mass(999.7, "kg", "t").unit == "t"); // rounds to 1,000 kg: say 1 t
    CHECK(format_mass(27843.0, "千克", "吨").unit == "吨");
    CHECK(format_count(112000, "万") == "11万");
    CHECK(format_count(9000, "万") == "9,000");
    CHECK(format_count(112000) == "110,000");
    CHECK(format_yuan(120000) == "¥120,000");
    CHECK(format_yuan(120000, "万", "元") == "12万元");
}
