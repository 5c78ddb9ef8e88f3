// The curator's checks of the texts and content tables (`carbontrail --check-content`, and the
// exhibit before it takes an override): translations, the keys the code uses, sectors, icons,
// sources, characters the shipped fonts lack, and texts too long for their box at 800x480
// (measured with the real fonts and the screens' line-breaking rules, text_boxes.hpp).
// Every problem names a file, a line and what is wrong.
#pragma once

#include "content.hpp"
#include "fonts.hpp"
#include "text_table.hpp"
#include "what_if_table.hpp"

#include <imgui.h>

#include <string>
#include <vector>

namespace ctrail::ui {

struct ContentProblem {
    ContentProblem() = default;
    ContentProblem(std::string f, int l, std::string p, std::string k = "", Lang la = Lang::En)
        : file(std::move(f)), line(l), problem(std::move(p)), key(std::move(k)), lang(la) {}
    std::string file;
    int line = 0;
    std::string problem;
    std::string key; // the text key ("" for a content row): lets an override drop just this key
    Lang lang = Lang::En;
    std::string text() const; // "file:line: problem"
};

// What the model and map know: codes and names a check compares with.
struct ModelWords {
    std::vector<std::string> sectors;                // sector codes ("" list: not checked)
    std::vector<std::string> regions_en, regions_zh; // province names (placeholders)
};

// The `{name}` placeholders of a text, sorted and joined ("{home} {share}"; "" for none).
std::string placeholders_of(const std::string& text);

// Without fonts: a key in one language only, placeholders that differ between the languages, a key
// the code uses missing from a table, an unknown icon or sector, an equivalent without its source.
std::vector<ContentProblem> check_tables(const Texts& texts, const Content& content,
                                         const ModelWords& model);

// With the fonts: a character the fonts lack (the font is subset at build time: a package
// rebuild is needed), a text too long for its box on a `canvas` panel. The what-if lever's
// words (read from `what_if_file`) are checked for characters only. Creates and destroys its
// own ImGui context (the caller's current one, if any, is restored).
std::vector<ContentProblem> check_glyphs_and_fit(const Texts& texts, const Content& content,
                                                 const ModelWords& model, const FontFiles& fonts,
                                                 ImVec2 canvas = ImVec2(800, 480),
                                                 const std::vector<WhatIfStep>& what_if = {},
                                                 const std::string& what_if_file = "");

} // namespace ctrail::ui
