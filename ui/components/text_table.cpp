// Text tables: parsing (with file:line errors), lookup with recorded, visible fallbacks, and
// placeholder formatting. See text_table.hpp for the file format.
#include "text_table.hpp"

#include "utf8.hpp"

#include <algorithm>
#include <small_file.hpp>

#include <fstream>
#include <sstream>

namespace ctrail::ui {

namespace {

bool valid_key(std::string_view key) {
    if (key.empty()) return false;
    for (char c : key)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.'))
            return false;
    return true;
}

bool valid_utf8(std::string_view s) {
    char32_t cp = 0;
    for (std::size_t i = 0; i < s.size();)
        if (!next_utf8(s, i, cp)) return false;
    return true;
}

const Texts* g_active = nullptr;

} // namespace

std::string_view lang_code(Lang lang) {
    return lang == Lang::En ? "en" : "zh";
}

bool lang_from_code(std::string_view code, Lang& out) {
    if (code == "en")
        out = Lang::En;
    else if (code == "zh")
        out = Lang::Zh;
    else
        return false;
    return true;
}

TextTable TextTable::load(const std::string& path) {
    // 1 MB: the shipped tables are 12 kB each.
    return parse(read_small_file<TextError>(path, 1 << 20, "text table"), path);
}

TextTable TextTable::parse(std::string_view content, const std::string& name) {
    TextTable t;
    t.source_ = name;
    if (content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3); // tolerate a BOM
    int line_no = 0;
    std::size_t pos = 0;
    while (pos < content.size()) {
        std::size_t end = content.find('\n', pos);
        if (end == std::string_view::npos) end = content.size();
        std::string_view line = content.substr(pos, end - pos);
        pos = end + 1;
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line[0] == '#') continue;
        if (!valid_utf8(line)) throw TextError(name, line_no, "not valid UTF-8");
        std::size_t tab = line.find('\t');
        if (tab == std::string_view::npos)
            throw TextError(name, line_no, "expected key<TAB>text (no tab on this line)");
        std::string_view key = line.substr(0, tab);
        std::string_view raw = line.substr(tab + 1);
        if (!valid_key(key))
            throw TextError(name, line_no,
                            "bad key '" + std::string(key) + "' (use a-z, 0-9, '_' and '.')");
        if (raw.empty())
            throw TextError(name, line_no, "empty text for key '" + std::string(key) + "'");
        if (raw.find('\t') != std::string_view::npos)
            throw TextError(name, line_no, "more than one tab (write a tab in the text as \\t)");
        std::string text;
        text.reserve(raw.size());
        for (std::size_t i = 0; i < raw.size(); ++i) {
            if (raw[i] != '\\') {
                text += raw[i];
                continue;
            }
            if (i + 1 >= raw.size())
                throw TextError(name, line_no, "text ends with a lone backslash");
            char e = raw[++i];
            if (e == 'n')
                text += '\n';
            else if (e == 't')
                text += '\t';
            else if (e == '\\')
                text += '\\';
            else
                throw TextError(name, line_no,
                                std::string("unknown escape \\") + e + " (use \\n, \\t or \\\\)");
        }
        // Placeholders must be well formed: {name} with a key-like name, or {{ / }}.
        for (const TemplateToken& p : scan_template(text))
            if (p.kind == TemplateToken::Unclosed ||
                (p.kind == TemplateToken::Placeholder && !valid_key(p.text)))
                throw TextError(name, line_no, "bad placeholder (write {name}, or {{ for a brace)");
        if (!t.entries_.emplace(std::string(key), std::move(text)).second)
            throw TextError(name, line_no,
                            "key '" + std::string(key) + "' defined twice (first on line " +
                                std::to_string(t.origins_.find(key)->second.line) + ")");
        t.origins_.emplace(std::string(key), Origin{name, line_no});
    }
    return t;
}

TextTable::Origin TextTable::origin(std::string_view key) const {
    auto it = origins_.find(key);
    return it == origins_.end() ? Origin{source_, 0} : it->second;
}

void TextTable::take(const TextTable& other, std::string_view key) {
    const std::string* text = other.find(key);
    if (!text) return;
    entries_.insert_or_assign(std::string(key), *text);
    origins_.insert_or_assign(std::string(key), other.origin(key));
}

const std::string* TextTable::find(std::string_view key) const {
    auto it = entries_.find(key);
    return it == entries_.end() ? nullptr : &it->second;
}

std::vector<std::string> TextTable::keys() const {
    std::vector<std::string> out;
    out.reserve(entries_.size());
    for (const auto& [k, v] : entries_) out.push_back(k);
    return out;
}

Texts::Texts(TextTable en, TextTable zh) : en_(std::move(en)), zh_(std::move(zh)) {}

Texts Texts::load_dir(const std::string& dir) {
    return Texts(TextTable::load(dir + "/en.tsv"), TextTable::load(dir + "/zh.tsv"));
}

bool Texts::has(Lang lang, std::string_view key) const {
    return table(lang).find(key) != nullptr;
}

const char* Texts::tr(std::string_view key) const {
    return tr(lang_, key);
}

const char* Texts::tr(Lang lang, std::string_view key) const {
    if (const std::string* s = table(lang).find(key)) return s->c_str();
    missing_.insert(std::string(lang_code(lang)) + ":" + std::string(key));
    // Chinese missing: English is better than nothing. Both missing: show the key, bracketed,
    // so a curator sees which string to add (ASCII, so the font can always draw it).
    if (lang != Lang::En)
        if (const std::string* s = en_.find(key)) return s->c_str();
    auto it = fallbacks_.find(key);
    if (it == fallbacks_.end())
        it = fallbacks_.emplace(std::string(key), "[" + std::string(key) + "]").first;
    return it->second.c_str();
}

std::vector<std::string_view> Texts::all_texts() const {
    std::vector<std::string_view> out;
    for (const TextTable* t : {&en_, &zh_})
        for (const auto& [k, v] : t->entries()) out.push_back(v);
    return out;
}

void set_active_texts(const Texts* texts) {
    g_active = texts;
}
const Texts* active_texts() {
    return g_active;
}

const char* tr(std::string_view key) {
    if (g_active) return g_active->tr(key);
    static Texts empty; // no tables loaded: every key falls back to "[key]"
    return empty.tr(key);
}

std::vector<TemplateToken> scan_template(std::string_view pattern) {
    std::vector<TemplateToken> out;
    std::size_t start = 0; // of the pending literal run
    auto flush = [&](std::size_t end) {
        if (end > start)
            out.push_back({TemplateToken::Literal, pattern.substr(start, end - start)});
    };
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if ((c == '{' || c == '}') && i + 1 < pattern.size() && pattern[i + 1] == c) {
            flush(i + 1); // the run up to and including one brace
            start = i + 2;
            ++i;
        } else if (c == '{') {
            flush(i);
            const std::size_t close = pattern.find('}', i);
            if (close == std::string_view::npos) {
                out.push_back({TemplateToken::Unclosed, pattern.substr(i, 1)});
                start = i + 1;
                continue;
            }
            out.push_back({TemplateToken::Placeholder, pattern.substr(i + 1, close - i - 1)});
            start = close + 1;
            i = close;
        }
    }
    flush(pattern.size());
    return out;
}

std::vector<TemplatePiece> split_template(std::string_view pattern,
                                          const std::vector<std::string_view>& names) {
    std::vector<TemplatePiece> out;
    auto literal = [&](std::string_view t) {
        if (out.empty() || out.back().arg >= 0) out.push_back({});
        out.back().text += t;
    };
    for (const TemplateToken& t : scan_template(pattern)) {
        if (t.kind != TemplateToken::Placeholder) {
            literal(t.text);
            continue;
        }
        const auto at = std::find(names.begin(), names.end(), t.text);
        if (at == names.end()) { // unknown: kept as written
            literal("{");
            literal(t.text);
            literal("}");
        } else {
            out.push_back({"", int(at - names.begin())});
        }
    }
    return out;
}

std::string format_text(std::string_view pattern, std::initializer_list<TextArg> args) {
    std::vector<std::string_view> names;
    for (const TextArg& a : args) names.push_back(a.name);
    std::string out;
    out.reserve(pattern.size() + 16);
    for (const TemplatePiece& p : split_template(pattern, names))
        out += p.arg >= 0 ? (args.begin() + p.arg)->value : p.text;
    return out;
}

} // namespace ctrail::ui
