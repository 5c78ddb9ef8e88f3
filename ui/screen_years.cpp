// The big picture's year switch: a row of year buttons on the map, and in the story panel what
// the shown year's model says (which regions are net importers of CO2 from the rest of China,
// which changed sides since the trail's year, the largest change in a flow). The figures come
// from the engine's year comparison (YearSwitch, model_years.hpp).
#include "app_internal.hpp"
#include "number_format.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

namespace ctrail::ui {

namespace {

// "A, B and C" / "A、B和C": the regions named in a sentence.
std::string name_list(const std::vector<std::string>& names, bool zh) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += i + 1 == names.size() ? (zh ? "和" : " and ") : (zh ? "、" : ", ");
        out += names[i];
    }
    return out;
}

} // namespace

void ExhibitApp::Impl::draw_year_switch(Box row) {
    if (!years.enabled()) return; // the years were asked for at start (exhibit_app.cpp)
    const std::vector<int> list = years.buttons();
    const float gap = L.pad * 0.5f;
    // The buttons share the row, none wider than a comfortable target.
    const float n = float(list.size());
    const float w = std::min(L.touch * 2.f, (row.w() - gap * (n - 1)) / n);
    Box b(row.min.x, row.min.y, row.min.x + w, row.max.y);
    for (int year : list) {
        const std::string id = "year." + std::to_string(year), label = std::to_string(year);
        if (secondary_button(id.c_str(), b, label.c_str(), std::nullopt, year == years.chosen()))
            years.choose(year);
        b = Box(b.max.x + gap, b.min.y, b.max.x + gap + w, b.max.y);
    }
    if (years.pending() && b.min.x < row.max.x) { // the previous year stays until it is ready
        const std::string msg =
            format_text(tr("big.year_loading"), {{"year", std::to_string(years.chosen())}});
        const ImVec2 size = measure(fonts.body, L.caption, msg.c_str());
        if (b.min.x + size.x <= row.max.x)
            text(fonts.body, L.caption, ImVec2(b.min.x, row.min.y + (row.h() - size.y) / 2),
                 theme::muted_text, msg.c_str());
        animate_until(now + 0.1);
    }
}

float ExhibitApp::Impl::year_story(
    Box in, float y, const std::function<std::string(const std::string&)>& group_name) {
    const YearView* v = years.enabled() ? years.view() : nullptr;
    if (!v) return y;
    const ExhibitYearComparison& c = v->change;
    std::vector<std::string> importers, became_importers, became_exporters;
    std::string shown_importers; // the model's group names, for the state file
    for (std::size_t g = 0; g < c.groups.size(); ++g) {
        const YearGroupBalance& n = c.net[g];
        const std::string name = group_name(c.groups[g]);
        if (n.importer_b()) importers.push_back(name);
        if (v->year != c.year_a && n.importer_b() != n.importer_a())
            (n.importer_b() ? became_importers : became_exporters).push_back(name);
        if (n.importer_b()) shown_importers += (shown_importers.empty() ? "" : ",") + c.groups[g];
    }
    struct Line {
        std::string text;
        std::optional<ShownFigure> figure; // recorded once the line is drawn
    };
    std::vector<Line> lines;
    const std::string year = std::to_string(v->year), base = std::to_string(c.year_a);
    lines.push_back({format_text(tr("big.year_importers"),
                                 {{"year", year}, {"groups", name_list(importers, zh())}}),
                     std::nullopt});
    if (v->year != c.year_a) {
        if (!became_importers.empty())
            lines.push_back(
                {format_text(tr("big.year_became_importers"),
                             {{"base", base}, {"groups", name_list(became_importers, zh())}}),
                 std::nullopt});
        if (!became_exporters.empty())
            lines.push_back(
                {format_text(tr("big.year_became_exporters"),
                             {{"base", base}, {"groups", name_list(became_exporters, zh())}}),
                 std::nullopt});
        if (became_importers.empty() && became_exporters.empty())
            lines.push_back(
                {format_text(tr("big.year_no_change"), {{"base", base}}), std::nullopt});
        // The flow between two regions that changed most, in Mt.
        const YearGroupFlow* most = nullptr;
        for (const YearGroupFlow& f : c.flows)
            if (f.from != f.to && (!most || std::abs(f.flow.b_kg - f.flow.a_kg) >
                                                std::abs(most->flow.b_kg - most->flow.a_kg)))
                most = &f;
        if (most) {
            // Recorded as its size; the sign is said in front of it.
            const double change = (most->flow.b_kg - most->flow.a_kg) / 1e9;
            const ShownFigure mt = figure("big.year.largest_change_mt", std::abs(change), "Mt",
                                          format_sig(std::abs(change)));
            lines.push_back({format_text(tr("big.year_largest_change"),
                                         {{"base", base},
                                          {"from", group_name(c.groups[most->from])},
                                          {"to", group_name(c.groups[most->to])},
                                          {"change", (change < 0 ? "−" : "+") + mt.shown}}),
                             mt});
        }
    }
    // Each line is said whole or not at all (the panel is small on a 7" screen); the state
    // lists only what was drawn.
    state.year_importers.clear();
    float all = 0; // at body size when every line fits so (with room left), else at caption size
    for (const Line& l : lines)
        all += paragraph(fonts.body, L.body, ImVec2(in.min.x, y), in.w(), theme::text,
                         l.text.c_str(), false) +
               L.pad * 0.3f;
    const float size = y + all <= in.max.y - L.caption * 4 ? L.body : L.caption;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const char* line = lines[i].text.c_str();
        const float h =
            paragraph(fonts.body, size, ImVec2(in.min.x, y), in.w(), theme::text, line, false);
        if (y + h > in.max.y) break;
        y += paragraph(fonts.body, size, ImVec2(in.min.x, y), in.w(), theme::text, line) +
             L.pad * 0.3f;
        if (i == 0) state.year_importers = shown_importers;
        if (lines[i].figure) record(*lines[i].figure);
    }
    return y + L.pad * 0.5f;
}

std::string ExhibitApp::Impl::years_vs_paper() const {
    // Mi et al. 2017: net exporter in 2007, net importer by 2012 (the validation table's row).
    const YearView* v07 = years.ready(2007);
    const YearView* v12 = years.ready(2012);
    if (!v07 || !v12) return "";
    const ExhibitYearComparison& c = v07->change;
    int sw = -1;
    for (std::size_t g = 0; g < c.groups.size(); ++g)
        if (c.groups[g] == "Southwest") sw = int(g);
    if (sw < 0) return "";
    const bool imp07 = v07->change.net[sw].importer_b(), imp12 = v12->change.net[sw].importer_b();
    const char* side07 = tr(imp07 ? "about.net_importer" : "about.net_exporter");
    const char* side12 = tr(imp12 ? "about.net_importer" : "about.net_exporter");
    const bool agrees = !imp07 && imp12;
    return format_text(tr(agrees ? "about.mi_agrees" : "about.mi_differs"),
                       {{"y2007", side07}, {"y2012", side12}});
}

} // namespace ctrail::ui
