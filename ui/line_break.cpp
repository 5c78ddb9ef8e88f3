#include "line_break.hpp"

#include "utf8.hpp"

#include <algorithm>
#include <cctype>

namespace ctrail::ui {

namespace {
bool starts_with_any(std::string_view s, std::size_t k,
                     std::initializer_list<std::string_view> set) {
    return std::any_of(set.begin(), set.end(),
                       [&](std::string_view p) { return s.substr(k, p.size()) == p; });
}
} // namespace

std::vector<std::string> line_units(std::string_view s,
                                    const std::vector<std::string>& keep_together) {
    // Chinese line-breaking rules (GB/T 15834 practice, kinsoku): these never start a line...
    auto closing = [&](std::size_t k) {
        return starts_with_any(s, k, {"，", "。", "、", "：", "；", "！", "？", "）",
                                      "”",  "’",  "》", "】", "…",  "％", "·",  ",",
                                      ".",  ";",  ":",  "!",  "?",  ")",  "%"});
    };
    // ...and these never end one.
    auto opening = [&](std::size_t k) {
        return starts_with_any(s, k, {"（", "“", "‘", "《", "【", "("});
    };
    struct Cp {
        std::size_t len;
        bool wide;
    };
    auto at = [&](std::size_t k) {
        std::size_t j = k;
        char32_t cp = 0;
        next_utf8(s, j, cp);
        return Cp{j - k, cp >= 0x2E80}; // CJK and beyond break between characters
    };
    auto word_char = [&](std::size_t k) {
        return k < s.size() && std::isalnum(static_cast<unsigned char>(s[k]));
    };
    // A protected name starting at k (Latin names only at a word start).
    auto kept = [&](std::size_t k) -> std::size_t {
        std::size_t best = 0;
        for (const std::string& w : keep_together) {
            if (w.empty() || w.size() <= best || s.substr(k, w.size()) != w) continue;
            const bool latin = !at(k).wide;
            if (latin && ((k > 0 && word_char(k - 1)) || word_char(k + w.size()))) continue;
            best = w.size();
        }
        return best;
    };
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < s.size()) {
        if (s[i] == '\n') {
            out.emplace_back("\n");
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < s.size() && s[j] != '\n' && opening(j)) j += at(j).len;
        if (j < s.size() && s[j] != '\n') {
            if (const std::size_t k = kept(j)) {
                j += k;
            } else if (at(j).wide) {
                j += at(j).len;
            } else {
                // A Latin word or a number, with its own punctuation ("3.0%", "1,200", "Hebei,").
                while (j < s.size() && s[j] != ' ' && s[j] != '\n' && !at(j).wide) {
                    if (j > i && opening(j) && s[j] == '(') break;
                    j += at(j).len;
                }
            }
        }
        while (j < s.size() && closing(j)) j += at(j).len;
        while (j < s.size() && s[j] == ' ') ++j;
        if (j == i) j = i + at(i).len;
        out.emplace_back(s.substr(i, j - i));
        i = j;
    }
    return out;
}

} // namespace ctrail::ui
