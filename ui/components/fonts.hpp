// Loading the exhibit font (a build-time subset of a Debian CJK font, see assets/fonts/) into
// ImGui's atlas at the sizes the screens use, computed from millimetres via Metrics. Glyph
// ranges come from the actual texts, so the atlas stays small. If the font file is missing or
// unreadable, ImGui's built-in font is used instead (ASCII only) and `error` says why - the
// exhibit shows something rather than nothing.
#pragma once

#include "theme.hpp"

#include <imgui.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ctrail::ui {

// Sorted, merged ImWchar ranges (pairs, 0-terminated) covering printable ASCII, the symbols
// the screens use (← → · – … % ≈ × etc.) and every code point in `texts` (UTF-8; invalid bytes
// and code points above U+FFFF, which 16-bit ImWchar cannot hold, are skipped).
std::vector<ImWchar> glyph_ranges_for(const std::vector<std::string_view>& texts);

// Decode UTF-8 into code points (invalid sequences -> U+FFFD).
std::vector<char32_t> decode_utf8(std::string_view text);

struct FontSet {
    ImFont* body = nullptr;     // Metrics::body_font()
    ImFont* caption = nullptr;  // Metrics::caption_font()
    ImFont* headline = nullptr; // Metrics::headline_font() (bold face when available)
    ImFont* hero = nullptr;     // Metrics::hero_font(): digits, Latin and `hero_texts` only
    float body_px = 0, caption_px = 0, headline_px = 0, hero_px = 0;
    bool from_file = false; // false: ImGui's default font is standing in
    std::string error;      // why the file font was not used ("" when it was)
    // Glyph ranges must outlive the atlas build (ImFontConfig keeps pointers to them).
    std::shared_ptr<std::vector<ImWchar>> ranges, hero_ranges;
};

struct FontFiles {
    std::string regular;  // e.g. <share>/fonts/exhibit.ttf
    std::string bold;     // optional ("" or missing file -> regular is used for headlines)
    std::string fallback; // optional: glyphs the main faces lack (merged, never overriding)
};

// Clears io.Fonts, adds the fonts and builds the atlas. `texts`: every string the screens can
// show (Texts::all_texts() + model names); `hero_texts`: extra strings the hero size shows
// (units such as "千克", "吨"). Never throws for a missing/bad font file.
FontSet load_fonts(ImGuiIO& io, const FontFiles& files, const Metrics& metrics,
                   const std::vector<std::string_view>& texts,
                   const std::vector<std::string_view>& hero_texts = {});

} // namespace ctrail::ui
