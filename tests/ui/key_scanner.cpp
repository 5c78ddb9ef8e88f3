#include "key_scanner.hpp"

#include <cctype>
#include <cstddef>

namespace ctrail::ui::test {
namespace {

struct Token {
    std::string text; // identifier, punctuation ("==" is one), or a literal's contents
    bool literal = false;
    int line = 0;
};

bool ident_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// C++ code as tokens, comments and character literals left out (a scanner, not a parser).
std::vector<Token> tokens(const std::string& code) {
    std::vector<Token> out;
    int line = 1;
    for (std::size_t i = 0; i < code.size();) {
        const char c = code[i];
        if (c == '\n') {
            ++line, ++i;
        } else if (std::isspace(static_cast<unsigned char>(c))) {
            ++i;
        } else if (code.compare(i, 2, "//") == 0) {
            i = code.find('\n', i);
            if (i == std::string::npos) i = code.size();
        } else if (code.compare(i, 2, "/*") == 0) {
            const std::size_t end = code.find("*/", i + 2);
            const std::size_t stop = end == std::string::npos ? code.size() : end + 2;
            for (; i < stop; ++i) line += code[i] == '\n';
        } else if (c == 'R' && code.compare(i, 2, "R\"") == 0) { // raw string: skipped whole
            const std::size_t open = code.find('(', i);
            const std::string close = ")" + code.substr(i + 2, open - i - 2) + "\"";
            const std::size_t end = code.find(close, open);
            const std::size_t stop = end == std::string::npos ? code.size() : end + close.size();
            for (; i < stop; ++i) line += code[i] == '\n';
        } else if (c == '"' || c == '\'') {
            std::string text;
            std::size_t j = i + 1;
            for (; j < code.size() && code[j] != c; ++j) {
                if (code[j] == '\\') text += code[j++];
                text += code[j];
            }
            if (c == '"') out.push_back({text, true, line});
            i = j + 1;
        } else if (ident_char(c)) {
            std::size_t j = i;
            while (j < code.size() && ident_char(code[j])) ++j;
            out.push_back({code.substr(i, j - i), false, line});
            i = j;
        } else if ((c == '=' || c == '!') && i + 1 < code.size() && code[i + 1] == '=') {
            out.push_back({code.substr(i, 2), false, line});
            i += 2;
        } else {
            out.push_back({std::string(1, c), false, line});
            ++i;
        }
    }
    return out;
}

bool dotted(const Token& t) {
    if (!t.literal || t.text.empty() || !std::islower(static_cast<unsigned char>(t.text[0])))
        return false;
    bool dot = false;
    for (std::size_t i = 0; i < t.text.size(); ++i) {
        const char c = t.text[i];
        if (c == '.') {
            if (i + 1 == t.text.size() || t.text[i + 1] == '.') return false;
            dot = true;
        } else if (!(std::islower(static_cast<unsigned char>(c)) ||
                     std::isdigit(static_cast<unsigned char>(c)) || c == '_')) {
            return false;
        }
    }
    return dot;
}

bool is(const std::vector<Token>& t, std::size_t i, const char* text) {
    return i < t.size() && !t[i].literal && t[i].text == text;
}

bool ends_with(const std::string& s, const std::string& end) {
    return s.size() >= end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0;
}

// A variable or member that holds a text key: key, label_key, message, ...
bool key_name(const Token& t) {
    return !t.literal && (ends_with(t.text, "key") || ends_with(t.text, "message"));
}

bool opener(const Token& t) {
    return !t.literal && (t.text == "(" || t.text == "[" || t.text == "{");
}
bool closer(const Token& t) {
    return !t.literal && (t.text == ")" || t.text == "]" || t.text == "}");
}

// Collects the dotted literals from t[i] on: the bracketed span when t[i] opens one, otherwise
// an expression that ends at ';' or ',' or a closer at its own depth.
void collect(const std::vector<Token>& t, std::size_t i, std::vector<FoundKey>& out) {
    const bool span = i < t.size() && opener(t[i]);
    int depth = 0;
    for (; i < t.size(); ++i) {
        if (opener(t[i])) {
            ++depth;
        } else if (closer(t[i])) {
            if (--depth <= 0 && (span || depth < 0)) return;
        } else if (depth == 0 && !span && (is(t, i, ";") || is(t, i, ","))) {
            return;
        } else if (dotted(t[i])) {
            out.push_back({t[i].text, t[i].line});
        }
    }
}

} // namespace

std::vector<FoundKey> dotted_literals(const std::string& code) {
    std::vector<FoundKey> out;
    for (const Token& t : tokens(code))
        if (dotted(t)) out.push_back({t.text, t.line});
    return out;
}

std::vector<FoundKey> keys_in_code(const std::string& code) {
    const std::vector<Token> t = tokens(code);
    std::vector<FoundKey> out;
    for (std::size_t i = 0; i < t.size(); ++i) {
        // tr(...), texts.tr(LANG, ...): every dotted literal between the brackets.
        if (is(t, i, "tr") && is(t, i + 1, "(")) collect(t, i + 1, out);
        // {"Model name", "ns.key"} tables, and {"ns.key", "what it is"} / {"ns.key", kWhy} ones.
        else if (is(t, i, "{") && i + 4 < t.size() && is(t, i + 2, ",") && is(t, i + 4, "}") &&
                 (t[i + 1].literal || t[i + 3].literal) && dotted(t[i + 1]) != dotted(t[i + 3]))
            out.push_back(dotted(t[i + 1]) ? FoundKey{t[i + 1].text, t[i + 1].line}
                                           : FoundKey{t[i + 3].text, t[i + 3].line});
        // key = ..., admin.message = a ? "x" : "y", .label_key = "x", message == "x".
        else if (key_name(t[i]) && (is(t, i + 1, "=") || is(t, i + 1, "==") || is(t, i + 1, "!=")))
            collect(t, i + 2, out);
        // same(admin.message, "x"): the comparison helper.
        else if (is(t, i, "same") && is(t, i + 1, "(")) {
            std::size_t j = i + 2;
            while (j < t.size() && !is(t, j, ",") && !is(t, j, ")")) ++j;
            if (j < t.size() && is(t, j, ",") && key_name(t[j - 1])) collect(t, j + 1, out);
        }
        // const char* keys[] = {...};  keys.push_back("x").
        else if (!t[i].literal && ends_with(t[i].text, "keys")) {
            if (is(t, i + 1, "[")) {
                std::size_t j = i + 2;
                while (j < t.size() && !is(t, j, "]")) ++j;
                if (is(t, j + 1, "=") && is(t, j + 2, "{")) collect(t, j + 2, out);
            } else if (is(t, i + 1, ".") && i + 3 < t.size() &&
                       (t[i + 2].text == "push_back" || t[i + 2].text == "emplace_back") &&
                       is(t, i + 3, "(")) {
                collect(t, i + 3, out);
            }
        }
        // for (const char* k : {...}).
        else if (is(t, i, "for") && is(t, i + 1, "(") && is(t, i + 2, "const") &&
                 is(t, i + 3, "char") && is(t, i + 4, "*") &&
                 (is(t, i + 5, "k") || is(t, i + 5, "key")) && is(t, i + 6, ":") &&
                 is(t, i + 7, "{"))
            collect(t, i + 7, out);
    }
    return out;
}

} // namespace ctrail::ui::test
