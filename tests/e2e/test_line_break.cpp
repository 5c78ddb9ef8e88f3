// Line-breaking units for English and Chinese: no break inside a number or a province name,
// none after an opening bracket, and punctuation never starts a line.
#include <line_break.hpp>

#include <doctest/doctest.h>

using namespace ctrail::ui;

namespace {
using Units = std::vector<std::string>;
const std::vector<std::string> kNames = {"内蒙古", "黑龙江", "上海", "Inner Mongolia"};
} // namespace

TEST_CASE("English breaks at spaces, keeps numbers and names whole") {
    CHECK(line_units("3.0% of the car's CO₂") == Units{"3.0% ", "of ", "the ", "car's ", "CO₂"});
    CHECK(line_units("from Inner Mongolia, mostly", kNames) ==
          Units{"from ", "Inner Mongolia, ", "mostly"});
    // Without the name list, a name is two words.
    CHECK(line_units("Inner Mongolia") == Units{"Inner ", "Mongolia"});
    // A name inside a longer word is not a name.
    CHECK(line_units("Shanghai", {"Shang"}) == Units{"Shanghai"});
    CHECK(line_units("two\nlines") == Units{"two", "\n", "lines"});
}

TEST_CASE("Chinese breaks between characters, never inside a number or a province name") {
    CHECK(line_units("约3.0%来自内蒙古。", kNames) == Units{"约", "3.0%", "来", "自", "内蒙古。"});
    CHECK(line_units("黑龙江，吉林", kNames) == Units{"黑龙江，", "吉", "林"});
    // Punctuation never starts a line: it sticks to the character before it.
    CHECK(line_units("上海，") == Units{"上", "海，"});
    CHECK(line_units("是的。”好") == Units{"是", "的。”", "好"});
    CHECK(line_units("3.0%，其余") == Units{"3.0%，", "其", "余"});
}

TEST_CASE("an opening bracket or quote sticks to what follows it") {
    CHECK(line_units("依据（2013）") == Units{"依", "据", "（2013）"});
    CHECK(line_units("《中国》", kNames) == Units{"《中", "国》"});
    CHECK(line_units("“上海”", kNames) == Units{"“上海”"});
    CHECK(line_units("Feng et al. (2013), PNAS") ==
          Units{"Feng ", "et ", "al. ", "(2013), ", "PNAS"});
}

TEST_CASE("every byte of the text is in exactly one unit") {
    const std::string t = "依据 Feng 等（2013），《中国境内的 CO₂ 外包》，PNAS 110\n约3.0%";
    std::string joined;
    for (const std::string& u : line_units(t, kNames)) {
        CHECK_FALSE(u.empty());
        joined += u;
    }
    CHECK(joined == t);
}
