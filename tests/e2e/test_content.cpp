// The curator-editable content tables: the shipped ones load and name real icons; bad tables
// are refused with the file, the line and the problem.
#include <content.hpp>
#include <icons.hpp>
#include <text_table.hpp>

#include <doctest/doctest.h>

#include <fstream>
#include <optional>
#include <sstream>
#include <string>

using namespace ctrail::ui;

namespace {
const std::string kEquivalents =
    "id\tkg_co2_per_unit\tunit\ttext_en\ttext_zh\tsource_en\tsource_zh\n"
    "car_km\t0.25\tkm\tdriving {n} km\t行驶{n}公里\tEPA\t美国环保署\n";
const std::string kHeader =
    "id\ticon\tsector\tprice_yuan\tname_en\tname_zh\tshort_en\tshort_zh\tequivalent\n";
std::string error_of(const std::string& products, const std::string& equivalents = kEquivalents) {
    try {
        parse_content(products, "products.tsv", equivalents, "equivalents.tsv");
    } catch (const ContentError& e) {
        return e.what();
    }
    return "";
}
} // namespace

TEST_CASE(
    "the shipped content tables load: 6-8 products with icons and every factor with a source") {
    const Content c = load_content(std::string(CTRAIL_SOURCE_DIR) + "/assets/content");
    CHECK(c.products.size() >= 6);
    CHECK(c.products.size() <= 8);
    for (const char* id : {"car", "smartphone", "clothes", "flat", "food"})
        CHECK(c.find_product(id));
    CHECK((c.find_product("washing_machine") || c.find_product("fridge")));
    for (const auto& p : c.products) {
        INFO(p.id);
        CHECK(icon_from_name(p.icon).has_value());
        CHECK(p.price_yuan > 0);
        CHECK_FALSE(p.name_zh.empty());
    }
    for (const auto& e : c.equivalents) {
        CHECK(e.kg_co2_per_unit > 0);
        CHECK_FALSE(e.source_en.empty());
        CHECK_FALSE(e.source_zh.empty());
    }
}

TEST_CASE("bad content tables are refused with file:line: problem") {
    CHECK(error_of(kHeader + "car\tcar\tMACH\tcheap\tCar\t车\tcar\t车\tcar_km\n") ==
          "products.tsv:2: price_yuan: 'cheap' is not a number");
    CHECK(error_of(kHeader + "car\tcar\tMACH\t-5\tCar\t车\tcar\t车\tcar_km\n") ==
          "products.tsv:2: price_yuan: -5 must be above zero");
    CHECK(error_of(kHeader + "# comment\ncar\tcar\tMACH\t5\tCar\t车\tcar\t车\tbus_km\n") ==
          "products.tsv:3: equivalent 'bus_km' is not an id in equivalents.tsv");
    CHECK(error_of(kHeader + "car\tcar\tMACH\t5\tCar\n") ==
          "products.tsv:2: expected 9 tab-separated cells (as in the header on line 1), found 5");
    CHECK(error_of(kHeader + "car\tcar\tMACH\t5\tCar\t车\tcar\t车\tcar_"
                             "km\ncar\tcar\tMACH\t5\tCar\t车\tcar\t车\tcar_km\n") ==
          "products.tsv:3: id 'car' already used on line 2");
    CHECK(error_of("id\ticon\n") == "products.tsv:1: the header lacks the column 'sector'");
    CHECK(error_of(kHeader) == "products.tsv: no products: add 6 to 8 rows");
    CHECK(error_of(kHeader + "car\tcar\tMACH\t5\tCar\t车\tcar\t车\tcar_km\n",
                   "id\tkg_co2_per_unit\tunit\ttext_en\ttext_zh\tsource_en\tsource_zh\n"
                   "car_km\t0.25\tkm\tdriving far\t行驶{n}公里\tEPA\t美国环保署\n") ==
          "equivalents.tsv:2: the text 'driving far' lacks the placeholder {n} for the number");
    CHECK(error_of(kHeader + "car\tcar\tMACH\t5\tCar\t车\t\t车\tcar_km\n") ==
          "products.tsv:2: the cell 'short_en' is empty");
}

TEST_CASE("the font's character list covers every character of the engine's path wording") {
    const auto read = [](const std::string& path) {
        std::ifstream in(path, std::ios::binary);
        std::ostringstream s;
        s << in.rdbuf();
        return s.str();
    };
    const std::string engine = read(std::string(CTRAIL_SOURCE_DIR) + "/engine/trace_text.cpp");
    const std::string listed =
        read(std::string(CTRAIL_SOURCE_DIR) + "/assets/content/engine-words.tsv");
    REQUIRE_FALSE(engine.empty());
    // Every 3-byte UTF-8 sequence (CJK and arrows) of the engine's source must be listed.
    for (std::size_t i = 0; i + 2 < engine.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(engine[i]);
        if ((c & 0xF0) != 0xE0) continue;
        const std::string ch = engine.substr(i, 3);
        INFO("character " << ch);
        CHECK(listed.find(ch) != std::string::npos);
        i += 2;
    }
}

TEST_CASE("content and text tables throw the one file-line-problem error") {
    // One catch for every bad input file: the text tables, the content tables, the map asset
    // and the model bundle all throw ctrail::FileError (common/file_error.hpp).
    auto caught = [](auto&& load) -> const ctrail::FileError* {
        static std::optional<ctrail::FileError> last;
        try {
            load();
        } catch (const ctrail::FileError& e) {
            last = e;
            return &*last;
        }
        return nullptr;
    };
    const ctrail::FileError* content = caught([] {
        parse_content(kHeader + "car\tcar\tMACH\tlots\tCar\t汽车\tcar\t汽车\tcar_km\n",
                      "products.tsv", kEquivalents, "equivalents.tsv");
    });
    REQUIRE(content);
    CHECK(content->file() == "products.tsv");
    CHECK(content->line() == 2);
    CHECK(content->problem().find("'lots' is not a number") != std::string::npos);
    const ctrail::FileError* text =
        caught([] { TextTable::parse("ok.key\tfine\nBad Key\tx\n", "en.tsv"); });
    REQUIRE(text);
    CHECK(text->file() == "en.tsv");
    CHECK(text->line() == 2);
    CHECK(std::string(text->what()).find("en.tsv:2: ") == 0);
}
