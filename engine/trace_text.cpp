#include "trace_text.hpp"

#include <algorithm>
#include <cctype>

namespace ctrail {

namespace {

// How the reduced China model's sectors read. First match wins: by code, then by a keyword of
// the English name (ordered so "electrical" is not "electricity", "non-metallic" or
// "metal ore mining" not "metal").
struct WordEntry {
    std::vector<const char*> codes;
    std::vector<const char*> keywords; // lower-case substrings of name_en
    const char* noun_en;
    const char* made_en; // empty: the product reads "<Noun> in <region>"
    const char* noun_zh;
    const char* made_zh; // empty: "<region>的<noun>"
};

const std::vector<WordEntry>& word_table() {
    // clang-format off
    static const std::vector<WordEntry> table = {
        // code (China model first)       name keywords
        {{"POWER", "PWR", "ELY", "EGY"},   {"electricity", "power and heat", "heat supply"},
         "electricity", "generated", "电力", "生产"},
        {{"ELEC", "ELN", "EEQ"},           {"electronic", "electrical", "computer"},
         "electronics", "assembled", "电子电器", "组装"},
        {{"NMM", "NMP", "CEM"},            {"non-metallic mineral", "nonmetallic mineral", "cement"},
         "cement and glass", "made", "水泥和玻璃", "生产"},
        {{"COAL", "COA"},                  {"coal"},
         "coal", "mined", "煤炭", "开采"},
        {{"CHEM", "CHE", "PET", "OIL"},    {"petroleum", "chemical", "refin"},
         "fuels and chemicals", "made", "石油化工产品", "生产"},
        {{"MINE", "MIN", "MNG"},           {"mining", "ores", "quarr"},
         "oil, gas and ores", "extracted", "油气和矿石", "开采"},
        {{"METAL", "MET", "STL"},          {"metal", "steel", "smelting"},
         "steel and metals", "made", "钢铁和金属", "冶炼"},
        {{"AGR", "AGRI"},                  {"agricultur", "farming", "forestry", "fish"},
         "farm produce", "grown", "农产品", "种植"},
        {{"FOOD", "FOO"},                  {"food", "tobacco"},
         "food", "made", "食品", "加工"},
        {{"TEXT", "TEX"},                  {"textile", "clothing", "apparel"},
         "clothes and textiles", "made", "纺织服装", "生产"},
        {{"MACH", "MAC"},                  {"machinery", "vehicle", "transport equipment"},
         "machinery and vehicles", "assembled", "机械和汽车", "组装"},
        {{"CONS", "CON"},                  {"construction"},
         "construction", "", "建筑", ""},
        {{"TRANS", "TRA"},                 {"transport", "logistics", "storage"},
         "transport", "", "交通运输", ""},
        {{"LIGHT", "LIG"},                 {"light", "furniture", "paper", "other manufactur"},
         "wood, paper and other goods", "made", "木材、纸张等轻工产品", "生产"},
        {{},                               {"gas", "water"},
         "gas and water", "supplied", "燃气和水", "供应"},
        {{"SERV", "SER"},                  {"service", "trade", "retail", "wholesale"},
         "trade and services", "", "商业和服务", ""},
    };
    // clang-format on
    return table;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string upper(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return s;
}

const WordEntry* find_entry(const Sector& sector) {
    const std::string code = upper(sector.code);
    for (const auto& e : word_table())
        for (const char* c : e.codes)
            if (code == c) return &e;
    const std::string name = lower(sector.name_en);
    for (const auto& e : word_table())
        for (const char* k : e.keywords)
            if (name.find(k) != std::string::npos) return &e;
    return nullptr;
}

// "Electricity & heat" -> "electricity & heat" mid-sentence, but "ICT services" stays.
std::string mid_sentence(const std::string& name) {
    if (name.size() >= 2 && std::isupper(static_cast<unsigned char>(name[0])) &&
        std::islower(static_cast<unsigned char>(name[1])))
        return static_cast<char>(std::tolower(static_cast<unsigned char>(name[0]))) +
               name.substr(1);
    return name;
}

std::string capitalised(std::string s) {
    if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return s;
}

constexpr const char* kArrow = " \u2190 "; // " ← "

} // namespace

std::string region_name(const Region& region, Language language) {
    if (language == Language::Chinese && !region.name_zh.empty()) return region.name_zh;
    return region.name_en.empty() ? region.code : region.name_en;
}

std::string sector_name(const Sector& sector, Language language) {
    if (language == Language::Chinese && !sector.name_zh.empty()) return sector.name_zh;
    return sector.name_en.empty() ? sector.code : sector.name_en;
}

bool has_sector_words(const Sector& sector) {
    return find_entry(sector) != nullptr;
}

SectorWords sector_words(const Sector& sector, Language language) {
    const WordEntry* e = find_entry(sector);
    if (language == Language::English) {
        if (e) return {e->noun_en, e->made_en};
        return {mid_sentence(sector_name(sector, language)), "made"};
    }
    if (e) return {e->noun_zh, e->made_zh};
    return {sector_name(sector, language), "生产"};
}

std::string describe_path(const Model& model, const std::vector<int>& nodes, Language language,
                          const PathWording& wording) {
    std::string text;
    for (size_t t = 0; t < nodes.size(); ++t) {
        const Sector& sector = model.sectors[model.sector_of_node(nodes[t])];
        const std::string where =
            region_name(model.regions[model.region_of_node(nodes[t])], language);
        const SectorWords words = sector_words(sector, language);
        if (t > 0) text += kArrow;
        if (language == Language::English) {
            if (t == 0) {
                // The bought product: "Car assembled in Shanghai", "Construction in Shanghai".
                std::string noun = wording.product_en.empty() ? words.noun : wording.product_en;
                text += capitalised(noun);
                text += words.made.empty() ? " in " : " " + words.made + " in ";
                text += where;
            } else {
                text += words.noun + " from " + where;
            }
        } else {
            if (t == 0) {
                // "上海组装的汽车", "上海的建筑".
                std::string noun = wording.product_zh.empty() ? words.noun : wording.product_zh;
                text += where + words.made + "的" + noun;
            } else {
                text += where + "的" + words.noun;
            }
        }
    }
    return text;
}

} // namespace ctrail
