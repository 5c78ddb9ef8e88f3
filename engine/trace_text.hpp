// Plain-language wording of a supply-chain path, in English and Chinese, from the model's labels:
// "Car assembled in Shanghai ← steel from Hebei ← electricity from Inner Mongolia" /
// "上海组装的汽车 ← 河北的钢铁 ← 内蒙古的电力". Consecutive identical steps read once:
// "steel and metals from Shanghai, through several rounds of steelmaking".
// Every word and phrase comes from ONE data file, assets/content/engine-words.tsv (its header
// says the format), embedded at build time; sector words are keyed by sector code, with
// English-name keywords as a second key, so a renamed code still matches; any other sector reads
// "<sector> from <region>".
#pragma once

#include "model.hpp"

#include <map>
#include <string>
#include <vector>

namespace ctrail {

enum class Language { English, Chinese };

// How one sector reads in a path.
struct SectorWords {
    std::string noun;    // "steel", "钢铁": the sector's goods, lower case in English
    std::string made;    // "made", "assembled", "grown"; "制造", "组装", "种植"; may be empty
    std::string process; // "steelmaking", "冶炼": what a repeated step goes through
};

// The parsed word file.
struct WordTable {
    struct Entry {
        std::vector<std::string> codes;
        std::vector<std::string> keywords; // lower-case substrings of name_en
        SectorWords en, zh;
    };
    std::vector<Entry> sectors;                                         // in file order
    std::map<std::string, std::pair<std::string, std::string>> phrases; // key -> (en, zh)
    const std::string& phrase(const std::string& key, Language language) const;
};

// Parses the word file's text; throws ModelError(name, line, problem) on a malformed row, an
// unknown or missing phrase.
WordTable parse_word_table(const std::string& text, const std::string& name);
// The table embedded from assets/content/engine-words.tsv (parsed once, thread-safe).
const WordTable& word_table();

SectorWords sector_words(const Sector& sector, Language language);
// True when the sector has its own words in the table (false: the generic fallback).
bool has_sector_words(const Sector& sector);

struct PathWording {
    std::string product_en; // optional name of the bought product, e.g. "Car"
    std::string product_zh; // e.g. "汽车"
};

// nodes: production nodes, the bought product's supplier first (as in Path::nodes).
std::string describe_path(const Model& model, const std::vector<int>& nodes, Language language,
                          const PathWording& wording = {});

// Region and sector names in a language (Chinese falls back to English when absent).
std::string region_name(const Region& region, Language language);
std::string sector_name(const Sector& sector, Language language);

} // namespace ctrail
