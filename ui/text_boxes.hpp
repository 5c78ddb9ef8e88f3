// Where each screen text is laid out: its face, size, wrap width and the lines the screen leaves
// room for, derived from the same Layout the screens draw with (text_boxes.cpp sits beside
// layout.cpp and names the screen line each box copies). `carbontrail --check-content` and the
// curator override (overrides.hpp) measure every text against its box with the real fonts and
// line-breaking rules; tests/ui checks that every key the code looks up has a box here or a
// reason why it has none.
#pragma once

#include "app_internal.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace ctrail::ui {

enum class TextFace { Body, Caption, Headline, Hero };

struct TextBox {
    std::string key;    // a text-table key, or "product.name" / "product.short" /
                        // "equivalent.text" / "equivalent.source" for content cells
    std::string screen; // where it shows, for the curator's message
    TextFace face = TextFace::Body;
    float size = 16;   // px; a label that shrinks to fit is measured at its floor
    float width = 0;   // px: the wrap width (one line: the room on that line)
    int max_lines = 1; // lines the screen has room for
    float line_gap = 1.25f;
    // Only in this language (a text shown in the other language's size too gets two boxes).
    int only_lang = -1; // -1 both, else int(Lang)
};

// The boxes for a computed layout (ExhibitApp::Impl::compute_layout) on a panel of `metrics`.
std::vector<TextBox> text_boxes(const Layout& L, const Metrics& metrics);

// Keys the code looks up that have no box of their own, each with why (a unit inside a number,
// a word inside another text, a screen not shown at 800x480). With the boxes' keys: every key
// the code uses (tests/ui compares this with a scan of ui/).
struct UnboxedKey {
    std::string_view key, why;
};
const std::vector<UnboxedKey>& unboxed_keys();
// Every key the exhibit's code looks up (boxed or not), sorted.
std::vector<std::string> keys_the_code_uses();

} // namespace ctrail::ui
