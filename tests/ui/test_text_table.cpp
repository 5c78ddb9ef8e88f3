// Text tables: the ImHex-style check that every key the UI code uses exists in both languages,
// that both tables have the same keys, and the parser's errors and fallbacks.
#include "fonts.hpp"
#include "key_scanner.hpp"
#include "text_table.hpp"
#include "utf8.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

using namespace ctrail::ui;
namespace fs = std::filesystem;

namespace {

const std::string kTextDir = std::string(CTRAIL_SOURCE_DIR) + "/assets/text";

std::vector<std::string> keys_in(const std::string& code) {
    std::vector<std::string> keys;
    for (const auto& k : ctrail::ui::test::keys_in_code(code)) keys.push_back(k.key);
    return keys;
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Every ui/**/*.cpp|hpp|h file, with its path relative to the source tree.
std::vector<std::pair<std::string, std::string>> ui_sources() {
    std::vector<std::pair<std::string, std::string>> files;
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(CTRAIL_SOURCE_DIR) / "ui")) {
        if (!entry.is_regular_file()) continue;
        auto ext = entry.path().extension();
        if (ext != ".cpp" && ext != ".hpp" && ext != ".h") continue;
        files.emplace_back(entry.path().lexically_relative(CTRAIL_SOURCE_DIR).string(),
                           read_file(entry.path()));
    }
    std::sort(files.begin(), files.end());
    return files;
}

// Every key used in ui/, with where it was first seen.
std::map<std::string, std::string> keys_used_in_ui() {
    std::map<std::string, std::string> keys;
    for (const auto& [path, code] : ui_sources())
        for (const auto& k : ctrail::ui::test::keys_in_code(code))
            keys.emplace(k.key, path + ":" + std::to_string(k.line));
    return keys;
}

void expect_table_error(const std::string& text, int line, const std::string& fragment) {
    try {
        TextTable::parse(text, "t.tsv");
        FAIL("accepted a bad table (expected an error on line " << line << ")");
    } catch (const TextError& e) {
        INFO(e.what());
        CHECK(e.line() == line);
        CHECK(std::string(e.what()).find("t.tsv:" + std::to_string(line) + ": ") == 0);
        CHECK(std::string(e.what()).find(fragment) != std::string::npos);
    }
}

} // namespace

TEST_CASE("texts: the key scanner sees every form of lookup") {
    using V = std::vector<std::string>;
    CHECK(keys_in(R"(text(tr("about.title"));)") == V{"about.title"});
    CHECK(keys_in(R"(texts.tr(order[i], "unavailable.title"))") == V{"unavailable.title"});
    CHECK(keys_in(R"(d.texts.tr(other, "attract.title"), tr("a.b"))") == V{"attract.title", "a.b"});
    CHECK(keys_in(R"({"Central", "group.central"},)") == V{"group.central"});
    CHECK(keys_in(R"({"admin.back", kAdmin}, {"number.kg", "unit inside a number"},)") ==
          V{"admin.back", "number.kg"});
    // Ternaries inside tr(), also across lines.
    CHECK(keys_in(R"(tr(reboot ? "admin.confirm_reboot" : "admin.confirm_power_off"));)") ==
          V{"admin.confirm_reboot", "admin.confirm_power_off"});
    CHECK(
        keys_in("tr(in.log_lines.empty()\n ? \"admin.status.log_none\" : \"admin.status.log\")") ==
        V{"admin.status.log_none", "admin.status.log"});
    // Stored keys: assignments (a ternary too) and designated members named *key / *message.
    CHECK(keys_in(R"(admin.message = "admin.done";)") == V{"admin.done"});
    CHECK(keys_in(R"(admin.message = ok ? "admin.done" : "admin.failed";)") ==
          V{"admin.done", "admin.failed"});
    CHECK(
        keys_in(R"(m = can_try(now) ? "x.y" : "z.w"; admin.message = f(a, b) ? "p.q" : "r.s";)") ==
        V{"p.q", "r.s"});
    CHECK(keys_in(
              R"(const char* key = line == 0 ? "unavailable.title" : "unavailable.ask_staff";)") ==
          V{"unavailable.title", "unavailable.ask_staff"});
    CHECK(
        keys_in(
            R"({.minus_id = "admin.clock.day_minus", .label_key = "admin.clock.day", .step = 1})") ==
        V{"admin.clock.day"});
    CHECK(keys_in(R"(if (same(admin.message, "admin.pin.wait")))") == V{"admin.pin.wait"});
    // Key arrays, loops over keys, and key vectors.
    CHECK(keys_in("const char* keys[] = {\"trail.split.home\",\n \"trail.split.coast\"};") ==
          V{"trail.split.home", "trail.split.coast"});
    CHECK(keys_in(R"(for (const char* k : {"about.method", "about.caveat"}) add(k);)") ==
          V{"about.method", "about.caveat"});
    CHECK(keys_in(R"(keys.push_back("trail.step_of");)") == V{"trail.step_of"});
    // Not keys: placeholders, plain names, ids.
    CHECK(keys_in(R"(format_text(x, {{"n", std::to_string(3)}}))").empty());
    CHECK(keys_in(R"(const char* names[] = {"top1", "top2"};)").empty());
    CHECK(keys_in(R"(static const char* const ids[2] = {"admin.pin.1", "admin.pin.2"};)").empty());
    CHECK(keys_in(R"(secondary_button("admin.idle.plus", box, "+"))").empty());
    CHECK(keys_in(R"(figure("trail.range.low", range.low, "share", s);)").empty());
    // Where: the line of the literal.
    const auto found = ctrail::ui::test::keys_in_code("x;\ny = tr(a\n ? \"a.b\" : \"c.d\");");
    REQUIRE(found.size() == 2);
    CHECK(found[0].line == 3);
}

TEST_CASE("templates: one scanner for {name}, {{ }} and an unclosed brace") {
    using K = TemplateToken;
    const auto t = scan_template("a{b}c{{d}}{");
    REQUIRE(t.size() == 5);
    CHECK((t[0].kind == K::Literal && t[0].text == "a"));
    CHECK((t[1].kind == K::Placeholder && t[1].text == "b"));
    CHECK((t[2].kind == K::Literal && t[2].text == "c{"));
    CHECK((t[3].kind == K::Literal && t[3].text == "d}"));
    CHECK((t[4].kind == K::Unclosed && t[4].text == "{"));
    CHECK(scan_template("").empty());
    CHECK(format_text("{n} of {m} {x} {{n}}", {{"n", "1"}, {"m", "2"}}) == "1 of 2 {x} {n}");
    // The table parser rejects what the scanner calls unclosed or a bad name.
    CHECK_THROWS_AS(TextTable::parse("a.b\tx {n\n", "t.tsv"), TextError);
    CHECK_THROWS_AS(TextTable::parse("a.b\tx {N M}\n", "t.tsv"), TextError);
    CHECK_NOTHROW(TextTable::parse("a.b\tx {n} {{ }}\n", "t.tsv"));
}

TEST_CASE("utf8: encoding round-trips through the decoder") {
    CHECK(utf8_encode(U'A') == "A");
    CHECK(utf8_encode(0xE9) == "\xC3\xA9");
    CHECK(utf8_encode(0x4E2D) == "\xE4\xB8\xAD"); // 中
    CHECK(utf8_encode(0x1F600) == "\xF0\x9F\x98\x80");
    for (char32_t c : {char32_t(0x24), char32_t(0x7FF), char32_t(0x800), char32_t(0xFFFF),
                       char32_t(0x10000), char32_t(0x10FFFF)}) {
        const std::string s = utf8_encode(c);
        std::size_t i = 0;
        char32_t back = 0;
        CHECK(next_utf8(s, i, back));
        CHECK(back == c);
        CHECK(i == s.size());
    }
}

TEST_CASE("texts: the key scanner sees every literal of ui/ that names a text key") {
    // A literal equal to a key of en.tsv that no form of the scanner sees means a new way of
    // using keys: teach the scanner, or a typo in such a key would go unnoticed.
    TextTable en = TextTable::load(kTextDir + "/en.tsv");
    auto used = keys_used_in_ui();
    std::vector<std::string> problems;
    for (const auto& [path, code] : ui_sources())
        for (const auto& lit : ctrail::ui::test::dotted_literals(code))
            if (en.find(lit.key) && !used.count(lit.key))
                problems.push_back("'" + lit.key + "' at " + path + ":" + std::to_string(lit.line) +
                                   " is a text key the scanner does not see");
    for (const std::string& p : problems) FAIL_CHECK(p);
    CHECK(problems.empty());
}

TEST_CASE("texts: ui/ repeats none of the engine's path phrases") {
    // The engine's words (assets/content/engine-words.tsv) are its data; a screen that needs one
    // asks the engine (e.g. path_step_separator) instead of copying it.
    std::ifstream words(std::string(CTRAIL_SOURCE_DIR) + "/assets/content/engine-words.tsv");
    std::vector<std::string> phrases;
    for (std::string line; std::getline(words, line);) {
        if (line.rfind("phrase\t", 0) != 0) continue;
        std::istringstream fields(line);
        std::string kind, key, en_words, zh_words;
        std::getline(fields, kind, '\t');
        std::getline(fields, key, '\t');
        std::getline(fields, en_words, '\t');
        std::getline(fields, zh_words, '\t');
        if (key == "arrow") phrases.push_back('"' + en_words + '"');
    }
    REQUIRE(phrases.size() == 1);
    for (const auto& [path, code] : ui_sources())
        for (const std::string& p : phrases) CHECK_MESSAGE(code.find(p) == std::string::npos, path);
}

TEST_CASE("texts: the About line on ranges is one sentence") {
    Texts texts = Texts::load_dir(kTextDir);
    for (Lang lang : {Lang::En, Lang::Zh}) {
        const std::string s = texts.tr(lang, "about.ranges");
        int ends = 0;
        for (const char* stop : {". ", "。", "；", "; ", "! ", "? "})
            for (std::size_t at = s.find(stop); at != std::string::npos; at = s.find(stop, at + 1))
                ++ends;
        INFO(lang_code(lang) << ": " << s);
        CHECK(ends == (lang == Lang::Zh ? 1 : 0)); // zh ends with 。, en with a bare '.'
    }
}

TEST_CASE("texts: every tr() key used in ui/ exists in en.tsv and zh.tsv") {
    Texts texts = Texts::load_dir(kTextDir);
    auto used = keys_used_in_ui();
    // The components themselves use none; once screens exist this must find their keys.
    MESSAGE(used.size() << " distinct tr() keys in ui/");
    std::vector<std::string> problems;
    for (const auto& [key, where] : used)
        for (Lang lang : {Lang::En, Lang::Zh})
            if (!texts.has(lang, key))
                problems.push_back(std::string(lang_code(lang)) + ".tsv lacks '" + key +
                                   "' (used at " + where + ")");
    for (const std::string& p : problems) FAIL_CHECK(p);
    CHECK(problems.empty());
}

TEST_CASE("texts: en.tsv and zh.tsv have the same keys") {
    TextTable en = TextTable::load(kTextDir + "/en.tsv");
    TextTable zh = TextTable::load(kTextDir + "/zh.tsv");
    CHECK(en.size() > 20);
    std::vector<std::string> problems;
    for (const std::string& k : en.keys())
        if (!zh.find(k)) problems.push_back("zh.tsv lacks '" + k + "' (present in en.tsv)");
    for (const std::string& k : zh.keys())
        if (!en.find(k)) problems.push_back("en.tsv lacks '" + k + "' (present in zh.tsv)");
    for (const std::string& p : problems) FAIL_CHECK(p);
    CHECK(problems.empty());
    // Placeholders must match too, or a translation silently drops a number.
    const std::regex ph(R"(\{([a-z0-9_.]+)\})");
    for (const std::string& k : en.keys()) {
        if (!zh.find(k)) continue;
        auto names = [&](const std::string& s) {
            std::set<std::string> out;
            for (std::sregex_iterator it(s.begin(), s.end(), ph), end; it != end; ++it)
                out.insert((*it)[1].str());
            return out;
        };
        INFO(k);
        CHECK(names(*en.find(k)) == names(*zh.find(k)));
    }
}

TEST_CASE("texts: the journey's basic strings are there") {
    Texts texts = Texts::load_dir(kTextDir);
    CHECK(std::string(texts.tr(Lang::En, "attract.title")) ==
          "Where was the carbon in your things released?");
    CHECK(std::string(texts.tr(Lang::En, "lang.zh")) == "中文"); // own language
    CHECK(std::string(texts.tr(Lang::Zh, "lang.en")) == "English");
    CHECK(std::string(texts.tr(Lang::En, "map.province_no_data")) == "{province}\nno data");
    CHECK(texts.missing().empty());
}

TEST_CASE("texts: parsing, escapes, errors with file:line") {
    TextTable t = TextTable::parse(
        "# comment\n\nhello\tHello, {name}!\r\ntwo.lines\tA\\nB\\\\C\\tD\n", "t.tsv");
    CHECK(t.size() == 2);
    CHECK(*t.find("hello") == "Hello, {name}!");
    CHECK(*t.find("two.lines") == "A\nB\\C\tD");

    expect_table_error("a\tA\nno tab here\n", 2, "no tab");
    expect_table_error("a\tA\na\tB\n", 2, "defined twice");
    expect_table_error("Bad-Key\tx\n", 1, "bad key");
    expect_table_error("k\t\n", 1, "empty text");
    expect_table_error("k\tx\\q\n", 1, "unknown escape");
    expect_table_error("k\tx\\\n", 1, "lone backslash");
    expect_table_error("k\tsee {oops\n", 1, "placeholder");
    expect_table_error("k\ta\tb\n", 1, "more than one tab");
    expect_table_error("#\nk\t\xC3\x28\n", 2, "UTF-8");
    CHECK_THROWS_WITH_AS(TextTable::load("/nonexistent/en.tsv"),
                         doctest::Contains("/nonexistent/en.tsv"), TextError);
}

TEST_CASE("texts: a missing key never crashes, shows a fallback and is recorded") {
    Texts texts(TextTable::parse("both\tBoth\nonly.en\tOnly English\n", "en"),
                TextTable::parse("both\t两者\n", "zh"));
    texts.set_language(Lang::Zh);
    CHECK(std::string(texts.tr("both")) == "两者");
    CHECK(std::string(texts.tr("only.en")) == "Only English"); // English stands in
    CHECK(std::string(texts.tr("nowhere")) == "[nowhere]");
    const char* p1 = texts.tr("nowhere");
    CHECK(p1 == texts.tr("nowhere")); // stable pointer, no growth per frame
    CHECK(texts.missing() == std::set<std::string>{"zh:nowhere", "zh:only.en"});
    texts.clear_missing();
    CHECK(texts.missing().empty());

    // The free tr() uses the active table; with none it still returns something.
    set_active_texts(nullptr);
    CHECK(std::string(tr("anything")) == "[anything]");
    set_active_texts(&texts);
    texts.set_language(Lang::En);
    CHECK(std::string(tr("both")) == "Both");
    set_active_texts(nullptr);
}

TEST_CASE("texts: format_text fills placeholders") {
    CHECK(format_text("Resetting in {n}…", {{"n", "10"}}) == "Resetting in 10…");
    CHECK(format_text("{a}{b}{a}", {{"a", "x"}, {"b", "y"}}) == "xyx");
    CHECK(format_text("keep {unknown} and {{braces}}", {}) == "keep {unknown} and {braces}");
    CHECK(format_text("在{province}买的{product}", {{"province", "上海"}, {"product", "汽车"}}) ==
          "在上海买的汽车");
    CHECK(format_text("{", {}) == "{");
}

TEST_CASE("fonts: glyph ranges come from the texts") {
    auto r = glyph_ranges_for({"上海 CO₂", "\xFF bad byte"});
    REQUIRE(r.size() % 2 == 1);
    CHECK(r.back() == 0);
    auto covered = [&](ImWchar c) {
        for (std::size_t i = 0; i + 1 < r.size(); i += 2)
            if (c >= r[i] && c <= r[i + 1]) return true;
        return false;
    };
    for (std::size_t i = 2; i + 1 < r.size(); i += 2) CHECK(r[i] > r[i - 1] + 1); // sorted, merged
    CHECK(covered(u'A'));
    CHECK(covered(u'~'));
    CHECK(covered(u'上'));
    CHECK(covered(u'海'));
    CHECK(covered(u'₂'));
    CHECK(covered(u'…'));
    CHECK(covered(0xFFFD)); // invalid byte -> replacement character
    CHECK_FALSE(covered(u'中'));
    CHECK(decode_utf8("a中") == std::vector<char32_t>{U'a', U'中'});
    // Everything in the real tables is covered.
    Texts texts = Texts::load_dir(kTextDir);
    auto all = texts.all_texts();
    auto rr = glyph_ranges_for(all);
    for (std::string_view t : all)
        for (char32_t c : decode_utf8(t)) {
            if (c < 0x20) continue;
            bool ok = false;
            for (std::size_t i = 0; i + 1 < rr.size(); i += 2)
                if (c >= rr[i] && c <= rr[i + 1]) ok = true;
            CHECK(ok);
        }
}
