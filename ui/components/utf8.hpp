// UTF-8 decoding shared by the text tables (validation) and the fonts (glyph lists).
#pragma once

#include <cstddef>
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

} // namespace ctrail::ui
