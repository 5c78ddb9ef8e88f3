// UTF-8 decoding and encoding shared by the text tables (validation), the fonts (glyph lists)
// and the content check (naming a character).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ctrail::ui {

// Reads the code point starting at s[i] into cp and advances i past it. On a malformed
// sequence returns false, sets cp to U+FFFD and advances i by one byte.
inline bool next_utf8(std::string_view s, std::size_t& i, char32_t& cp) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const int extra = c < 0x80             ? 0
                      : (c & 0xE0) == 0xC0 ? 1
                      : (c & 0xF0) == 0xE0 ? 2
                      : (c & 0xF8) == 0xF0 ? 3
                                           : -1;
    cp = extra == 0 ? c : extra == 1 ? (c & 0x1F) : extra == 2 ? (c & 0x0F) : (c & 0x07);
    bool ok = extra >= 0 && i + std::size_t(extra) < s.size() + (extra == 0 ? 1 : 0);
    for (int k = 1; ok && k <= extra; ++k) {
        const unsigned char cc = static_cast<unsigned char>(s[i + std::size_t(k)]);
        if ((cc & 0xC0) != 0x80)
            ok = false;
        else
            cp = (cp << 6) | (cc & 0x3F);
    }
    if (!ok) {
        cp = 0xFFFD;
        ++i;
        return false;
    }
    i += std::size_t(extra) + 1;
    return true;
}

// The UTF-8 bytes of one code point (U+0000..U+10FFFF).
inline std::string utf8_encode(char32_t c) {
    std::string out;
    if (c < 0x80) {
        out += char(c);
    } else if (c < 0x800) {
        out += char(0xC0 | (c >> 6)), out += char(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += char(0xE0 | (c >> 12)), out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    } else {
        out += char(0xF0 | (c >> 18)), out += char(0x80 | ((c >> 12) & 0x3F));
        out += char(0x80 | ((c >> 6) & 0x3F)), out += char(0x80 | (c & 0x3F));
    }
    return out;
}

} // namespace ctrail::ui
