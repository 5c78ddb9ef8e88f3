// The curator's table of the what-if lever (assets/content/what_if.tsv): its steps in order, each
// with the intensity scales it applies (engine specs REGION.SECTOR=FACTOR), a short button label
// and the sentence that says what the step assumes. The first step is the model as built.
#pragma once

#include "content.hpp"

#include <functional>
#include <string>
#include <vector>

namespace ctrail::ui {

struct WhatIfStep {
    std::string id;
    std::vector<std::string> scales; // empty for the first step ("today")
    std::string label_en, label_zh;  // the lever's button
    std::string text_en, text_zh;    // "If electricity made in ... released 25% less CO2 ..."
    int line = 0;                    // its row (curators' error messages)
};

// Parses the table (`name` in errors). Throws ContentError (file, line, problem) on: a missing
// column or empty cell, a duplicate id, fewer than 2 or more than 4 steps, a first step with
// scales or a later one without, a malformed scale or a factor outside 0..1.
std::vector<WhatIfStep> parse_what_if(const std::string& text, const std::string& name);
std::vector<WhatIfStep> load_what_if(const std::string& path);

// The model's check of every step's scales (unknown province, group, zone or sector):
// `problem_of(specs)` returns "" or the problem; throws ContentError on the first bad row.
void check_what_if(const std::vector<WhatIfStep>& steps, const std::string& name,
                   const std::function<std::string(const std::vector<std::string>&)>& problem_of);

} // namespace ctrail::ui
