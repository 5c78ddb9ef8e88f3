#include "what_if_table.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <map>
#include <sstream>

namespace ctrail::ui {

namespace {

// The form of one spec; whether its names exist is the model's question (check_what_if).
void check_spec(const std::string& spec, const std::string& name, int line) {
    const std::size_t dot = spec.find('.'), eq = spec.rfind('=');
    if (dot == std::string::npos || eq == std::string::npos || dot > eq || dot == 0 ||
        eq == dot + 1)
        throw ContentError(name, line,
                           "scales: '" + spec + "' is not REGION.SECTOR=FACTOR (e.g. " +
                               "centre_west.POWER=0.75)");
    const std::string factor = spec.substr(eq + 1);
    char* end = nullptr;
    errno = 0;
    const double f = std::strtod(factor.c_str(), &end);
    if (factor.empty() || *end != '\0' || errno != 0 || !std::isfinite(f) || f < 0 || f > 1)
        throw ContentError(name, line,
                           "scales: the factor in '" + spec + "' must be a number from 0 to 1");
}

} // namespace

std::vector<WhatIfStep> parse_what_if(const std::string& text, const std::string& name) {
    std::vector<WhatIfStep> steps;
    std::map<std::string, int> ids;
    int last_line = 0;
    for (const ContentRow& r : read_content_table(
             text, name, {"id", "scales", "label_en", "label_zh", "text_en", "text_zh"})) {
        WhatIfStep s;
        s.id = r.cells.at("id");
        s.line = last_line = r.line;
        if (ids.count(s.id))
            throw ContentError(name, r.line,
                               "id '" + s.id + "' already used on line " +
                                   std::to_string(ids[s.id]));
        ids[s.id] = r.line;
        const std::string& scales = r.cells.at("scales");
        if (scales != "-") {
            std::istringstream words(scales);
            for (std::string spec; words >> spec;) {
                check_spec(spec, name, r.line);
                s.scales.push_back(spec);
            }
        }
        if (steps.empty() && !s.scales.empty())
            throw ContentError(name, r.line,
                               "the first step is the model as built: its scales must be -");
        if (!steps.empty() && s.scales.empty())
            throw ContentError(name, r.line,
                               "scales: only the first step may leave the model as built");
        s.label_en = r.cells.at("label_en");
        s.label_zh = r.cells.at("label_zh");
        s.text_en = r.cells.at("text_en");
        s.text_zh = r.cells.at("text_zh");
        steps.push_back(std::move(s));
    }
    if (steps.size() < 2)
        throw ContentError(name, last_line,
                           "the lever needs 2 to 4 steps, found " + std::to_string(steps.size()));
    if (steps.size() > 4)
        throw ContentError(name, last_line,
                           std::to_string(steps.size()) + " steps: the lever has room for 4");
    return steps;
}

std::vector<WhatIfStep> load_what_if(const std::string& path) {
    return parse_what_if(read_content_file(path), path);
}

void check_what_if(const std::vector<WhatIfStep>& steps, const std::string& name,
                   const std::function<std::string(const std::vector<std::string>&)>& problem_of) {
    for (const WhatIfStep& s : steps)
        if (const std::string problem = problem_of(s.scales); !problem.empty())
            throw ContentError(name, s.line, "scales: " + problem);
}

} // namespace ctrail::ui
