// Every visitor-facing string, one table per language: assets/text/en.tsv and zh.tsv.
// File format (UTF-8): one `key<TAB>text` per line; blank lines and lines starting with `#` are
// ignored; in the text `\n` is a line break, `\t` a tab, `\\` a backslash; `{name}` is a
// placeholder filled by format_text. Keys are [a-z0-9_.]+. A bad line is reported as
// "file:line: problem". A missing key never crashes: tr() falls back to English, then to
// "[key]", and records the miss (tests read missing()).
// Code looks strings up with tr() and the key as a string literal right inside the call
// parentheses: tests/ui scans ui/ for exactly that spelling and fails for a key missing from
// either table. A key built at run time escapes the check - avoid that.
#pragma once

#include <file_error.hpp>
#include <initializer_list>
#include <map>
#include <set>

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace ctrail::ui {

class TextError : public FileError {
  public:
    using FileError::FileError;
};

enum class Lang { En, Zh };
std::string_view lang_code(Lang lang);                 // "en", "zh"
bool lang_from_code(std::string_view code, Lang& out); // false for unknown codes

// One language's table.
class TextTable {
  public:
    static TextTable load(const std::string& path); // throws TextError
    static TextTable parse(std::string_view content, const std::string& name);

    const std::string* find(std::string_view key) const; // nullptr when absent
    std::vector<std::string> keys() const;               // sorted
    std::size_t size() const { return entries_.size(); }
    const std::map<std::string, std::string, std::less<>>& entries() const { return entries_; }
    const std::string& source() const { return source_; }
    // Where a key's text was read: the table's file (or an override's) and its line; 0 = none.
    struct Origin {
        std::string file;
        int line = 0;
    };
    Origin origin(std::string_view key) const;
    // Replaces (or adds) one key with `other`'s text for it, keeping `other`'s file and line:
    // a curator's override of one sentence (ui/overrides.hpp).
    void take(const TextTable& other, std::string_view key);

  private:
    std::map<std::string, std::string, std::less<>> entries_;
    std::map<std::string, Origin, std::less<>> origins_;
    std::string source_;
};

// Both languages and the current one. Not thread-safe: use from the UI thread.
class Texts {
  public:
    Texts() = default;
    Texts(TextTable en, TextTable zh);
    // Loads dir/en.tsv and dir/zh.tsv; throws TextError.
    static Texts load_dir(const std::string& dir);

    void set_language(Lang lang) { lang_ = lang; }
    Lang language() const { return lang_; }

    // Text for key in the current language (pointer stays valid while this Texts lives).
    const char* tr(std::string_view key) const;
    const char* tr(Lang lang, std::string_view key) const;
    bool has(Lang lang, std::string_view key) const;

    // Keys looked up but missing, as "en:key" / "zh:key", sorted.
    const std::set<std::string>& missing() const { return missing_; }
    void clear_missing() { missing_.clear(); }

    const TextTable& table(Lang lang) const { return lang == Lang::En ? en_ : zh_; }
    // Every text of both languages (for building font glyph ranges).
    std::vector<std::string_view> all_texts() const;

  private:
    TextTable en_, zh_;
    Lang lang_ = Lang::En;
    mutable std::set<std::string> missing_;
    mutable std::map<std::string, std::string, std::less<>> fallbacks_; // "[key]" strings
};

// The Texts the free tr() uses (set once by the app; nullptr -> "[key]" fallbacks).
void set_active_texts(const Texts* texts);
const Texts* active_texts();
// Lookup in the active table's current language.
const char* tr(std::string_view key);

// Fill `{name}` placeholders: format_text("Resetting in {n}…", {{"n", "10"}}).
// Unknown placeholders are left as written; `{{` and `}}` give literal braces.
struct TextArg {
    std::string_view name;
    std::string value;
};
std::string format_text(std::string_view pattern, std::initializer_list<TextArg> args);

// The one `{name}` scanner: a template as literal text (`{{`/`}}` already unescaped) and
// placeholders (`text` = the name between the braces, whatever it holds); a `{` without a
// closing `}` is `Unclosed` ("{"). Behind split_template, the text tables' placeholder check
// and the content check.
struct TemplateToken {
    enum Kind { Literal, Placeholder, Unclosed } kind = Literal;
    std::string_view text;
};
std::vector<TemplateToken> scan_template(std::string_view pattern);

// The `{name}` parser behind format_text and the screens' coloured runs: literal text
// (adjacent literals merged, unknown placeholders kept as written, `{{`/`}}` unescaped) and
// placeholders, as `arg` = the index of the name in `names`.
struct TemplatePiece {
    std::string text; // the literal text (arg < 0)
    int arg = -1;
};
std::vector<TemplatePiece> split_template(std::string_view pattern,
                                          const std::vector<std::string_view>& names);

} // namespace ctrail::ui
