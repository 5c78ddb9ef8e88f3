#include "trace_text.hpp"

#include "error.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>

namespace ctrail {

extern const char* const kEngineWords; // engine_words.cpp, generated from the data file

namespace {

const char* const kPhraseKeys[] = {"arrow",      "product_made", "product",      "supplier",
                                   "two_rounds", "many_rounds",  "generic_made", "generic_process"};

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::string cell;
    std::istringstream in(s);
    while (std::getline(in, cell, sep)) out.push_back(cell);
    if (!s.empty() && s.back() == sep) out.emplace_back();
    return out;
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

const WordTable::Entry* find_entry(const Sector& sector) {
    const WordTable& table = word_table();
    const std::string code = upper(sector.code);
    for (const auto& e : table.sectors)
        for (const auto& c : e.codes)
            if (code == c) return &e;
    const std::string name = lower(sector.name_en);
    for (const auto& e : table.sectors)
        for (const auto& k : e.keywords)
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

// Fills {key} placeholders; unknown ones stay as written.
std::string fill(const std::string& pattern,
                 const std::vector<std::pair<std::string, std::string>>& values) {
    std::string out = pattern;
    for (const auto& [key, value] : values) {
        const std::string slot = "{" + key + "}";
        for (size_t at = out.find(slot); at != std::string::npos;
             at = out.find(slot, at + value.size()))
            out.replace(at, slot.size(), value);
    }
    return out;
}

} // namespace

const std::string& WordTable::phrase(const std::string& key, Language language) const {
    const auto& p = phrases.at(key);
    return language == Language::English ? p.first : p.second;
}

WordTable parse_word_table(const std::string& text, const std::string& name) {
    WordTable t;
    std::istringstream in(text);
    int line_no = 0;
    for (std::string line; std::getline(in, line);) {
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        const std::vector<std::string> cells = split(line, '\t');
        if (cells[0] == "phrase") {
            if (cells.size() != 4)
                throw ModelError(name, line_no,
                                 "a phrase row has 4 tab-separated cells, this one " +
                                     std::to_string(cells.size()));
            if (std::find(std::begin(kPhraseKeys), std::end(kPhraseKeys), cells[1]) ==
                std::end(kPhraseKeys))
                throw ModelError(name, line_no, "unknown phrase '" + cells[1] + "'");
            if (!t.phrases.emplace(cells[1], std::make_pair(cells[2], cells[3])).second)
                throw ModelError(name, line_no, "phrase '" + cells[1] + "' given twice");
        } else if (cells[0] == "sector") {
            if (cells.size() != 9)
                throw ModelError(name, line_no,
                                 "a sector row has 9 tab-separated cells, this one " +
                                     std::to_string(cells.size()));
            WordTable::Entry e;
            for (const auto& c : split(cells[1], ' '))
                if (!c.empty()) e.codes.push_back(upper(c));
            for (const auto& k : split(cells[2], '|'))
                if (!k.empty()) e.keywords.push_back(lower(k));
            e.en = {cells[3], cells[4], cells[5]};
            e.zh = {cells[6], cells[7], cells[8]};
            if (e.en.noun.empty() || e.zh.noun.empty() || e.en.process.empty() ||
                e.zh.process.empty())
                throw ModelError(name, line_no, "a sector row needs its nouns and processes");
            if (e.codes.empty() && e.keywords.empty())
                throw ModelError(name, line_no, "a sector row needs a code or a keyword");
            t.sectors.push_back(std::move(e));
        } else {
            throw ModelError(name, line_no,
                             "rows start with 'phrase' or 'sector', not '" + cells[0] + "'");
        }
    }
    for (const char* key : kPhraseKeys)
        if (!t.phrases.count(key))
            throw ModelError(name, 0, std::string("phrase '") + key + "' is missing");
    return t;
}

const WordTable& word_table() {
    static const WordTable table = parse_word_table(kEngineWords, "engine-words.tsv");
    return table;
}

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
    if (const WordTable::Entry* e = find_entry(sector))
        return language == Language::English ? e->en : e->zh;
    const WordTable& t = word_table();
    const std::string name = sector_name(sector, language);
    return {language == Language::English ? mid_sentence(name) : name,
            t.phrase("generic_made", language), t.phrase("generic_process", language)};
}

std::string describe_path(const Model& model, const std::vector<int>& nodes, Language language,
                          const PathWording& wording) {
    const WordTable& t = word_table();
    std::string text;
    for (size_t t0 = 0; t0 < nodes.size();) {
        // A run of identical steps (a sector supplying itself) reads once, with its rounds.
        size_t t1 = t0 + 1;
        while (t1 < nodes.size() && nodes[t1] == nodes[t0]) ++t1;
        const Sector& sector = model.sectors[model.sector_of_node(nodes[t0])];
        const std::string where =
            region_name(model.regions[model.region_of_node(nodes[t0])], language);
        const SectorWords words = sector_words(sector, language);
        std::string noun = words.noun, pattern = t.phrase("supplier", language);
        if (t0 == 0) {
            // The bought product: "Car assembled in Shanghai", "Construction in Shanghai".
            const std::string& product =
                language == Language::English ? wording.product_en : wording.product_zh;
            if (!product.empty()) noun = product;
            pattern = t.phrase(words.made.empty() ? "product" : "product_made", language);
        }
        std::string step = fill(
            pattern,
            {{"Noun", capitalised(noun)}, {"noun", noun}, {"made", words.made}, {"region", where}});
        if (t1 - t0 >= 2)
            step = fill(t.phrase(t1 - t0 == 2 ? "two_rounds" : "many_rounds", language),
                        {{"step", step}, {"process", words.process}});
        if (t0 > 0) text += t.phrase("arrow", language);
        text += step;
        t0 = t1;
    }
    return text;
}

} // namespace ctrail
