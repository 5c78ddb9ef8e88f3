// The big picture's two views and its what-if lever: a row over the map toggles the province
// bubbles between "where it was released" (territorial accounts) and "whose shopping caused it"
// (consumption-based), beside the lever's steps; the story panel gives the visitor's province and
// China in the chosen view, in Mt, and one sentence on why the two views differ. The accounts are
// the engine's (BigPicture today, ExhibitModel::what_if for a lever step), as `ctrail accounts`.
#include "app_internal.hpp"
#include "number_format.hpp"

#include <algorithm>

namespace ctrail::ui {

namespace {
// The control row's height and the gap under it.
float controls_h(const Layout& L) {
    return L.touch;
}
} // namespace

Box ExhibitApp::Impl::big_map_area() const {
    return Box(ImVec2(L.map.min.x, L.map.min.y + controls_h(L) + L.gap), L.map.max);
}

// The accounts the big picture shows: the lever's step once computed, else today's.
static const std::vector<RegionAccount>* big_accounts(const ExhibitApp::Impl& d) {
    if (d.journey.lever() > 0 && d.what_if_shown > 0)
        if (const WhatIf* w = d.what_if_result(d.what_if_shown)) return &w->regions;
    return d.big ? &d.big->regions : nullptr;
}

void ExhibitApp::Impl::draw_big_bubbles() {
    reserve(Box(L.map.min, ImVec2(L.map.max.x, L.map.min.y + controls_h(L) + L.gap)));
    const std::vector<RegionAccount>* to = big_accounts(*this);
    if (!to || !big) return;
    const bool consumption = journey.consumption_view();
    // One scale for both views and every step: the largest province either way, today.
    double reference = 0;
    for (const RegionAccount& a : big->regions)
        if (a.region >= 0 && !model->regions()[std::size_t(a.region)].external)
            reference = std::max({reference, a.territorial_kg, a.consumption_kg});
    const WhatIf* before = journey.lever() > 0 ? what_if_result(what_if_before) : nullptr;
    draw_bubbles(before ? &before->regions : nullptr, *to, Ease::in_out(now, what_if_at, 0.8),
                 consumption, reference, journey.lever() > 0 ? &big->regions : nullptr);
}

void ExhibitApp::Impl::draw_big_controls() {
    const Box row(L.map.min, ImVec2(L.map.max.x, L.map.min.y + controls_h(L)));
    const float gap = std::max(L.gap * 0.5f, metrics.mm(2.f));
    // The toggle takes 2/5 of the row beside a lever, the whole row without one.
    const bool lever = !what_if_steps.empty();
    const float toggle_w = lever ? (row.w() - gap * 2) * 0.4f : row.w();
    const bool consumption = journey.consumption_view();
    const float half = (toggle_w - gap) / 2;
    const Box a(row.min, ImVec2(row.min.x + half, row.max.y));
    const Box b(ImVec2(a.max.x + gap, row.min.y), ImVec2(row.min.x + toggle_w, row.max.y));
    if (choice_button("big.view.territorial", a, tr("big.view_territorial"), !consumption))
        journey.set_consumption_view(false);
    if (choice_button("big.view.consumption", b, tr("big.view_consumption"), consumption))
        journey.set_consumption_view(true);
    if (lever) {
        const Box l(ImVec2(b.max.x + gap * 2, row.min.y), row.max);
        dl->AddLine(ImVec2(b.max.x + gap, row.min.y + 6), ImVec2(b.max.x + gap, row.max.y - 6),
                    theme::with_alpha(theme::muted_text, 0.4f), 1.f);
        draw_lever(l, "big.lever.");
    }
}

float ExhibitApp::Impl::draw_big_accounts(Box in, float y) {
    const std::vector<RegionAccount>* accounts = big_accounts(*this);
    if (!accounts || !model) return y;
    const bool consumption = journey.consumption_view();
    const char* view = consumption ? "consumption" : "territorial";
    auto kg_of = [consumption](const RegionAccount& a) {
        return consumption ? a.consumption_kg : a.territorial_kg;
    };
    auto mt = [&](const std::string& id, double kg) {
        return figure(id, kg / 1e9, "Mt", format_sig(kg / 1e9)); // the number; "Mt" beside
    };
    auto with_mt = [&](const ShownFigure& f) {
        return format_text(tr("big.arc_mt"), {{"mt", f.shown}});
    };
    // China: every province (and its households); consumption leaves out other countries'.
    auto china_of = [&](const std::vector<RegionAccount>& list) {
        double china = 0;
        for (const RegionAccount& a : list)
            if (!model->regions()[std::size_t(a.region)].external) china += kg_of(a);
        return china;
    };
    // A lever step shown: each figure as today → after with the cut in percent, where the
    // panel has room for it; else the figures after the step alone.
    const std::vector<RegionAccount>* today = accounts != &big->regions ? &big->regions : nullptr;
    const int home = model_region(journey.region());
    auto build = [&](bool change, std::vector<ShownFigure>& figures) {
        auto value = [&](const std::string& id, double kg, double today_kg) {
            figures.push_back(mt(id, kg));
            const std::string after = with_mt(figures.back());
            if (!change) return after;
            // A figure the step leaves as it was (e.g. a coastal province's own power) reads
            // "unchanged", not "170 Mt → 170 Mt (−0%)".
            const ShownFigure cut = cut_figure(id + ".cut", today_kg, kg);
            if (cut.engine == 0) return format_text(tr("big.view_unchanged"), {{"value", after}});
            figures.push_back(mt(id + ".today", today_kg));
            const std::string before = with_mt(figures.back());
            figures.push_back(cut);
            return format_text(
                tr("big.view_change"),
                {{"before", before}, {"after", after}, {"cut", figures.back().shown}});
        };
        std::vector<Run> line;
        if (home >= 0 && std::size_t(home) < accounts->size()) {
            const std::string id =
                std::string("big.") + view + "." + model->regions()[home].code + ".mt";
            const std::string v = value(id, kg_of((*accounts)[std::size_t(home)]),
                                        today ? kg_of((*today)[std::size_t(home)]) : 0);
            line = template_runs(
                tr("big.view_home"), theme::text,
                {{"home", region_name(home), theme::coast}, {"value", v, theme::interior}});
            line.push_back({"  ·  ", theme::muted_text});
        }
        const std::string v = value(std::string("big.") + view + ".china.mt", china_of(*accounts),
                                    today ? china_of(*today) : 0);
        for (Run& r :
             template_runs(tr("big.view_china"), theme::text, {{"value", v, theme::interior}}))
            line.push_back(std::move(r));
        return line;
    };
    std::vector<ShownFigure> figures;
    std::vector<Run> line = build(today != nullptr, figures);
    float h = runs(fonts.body, L.body, ImVec2(in.min.x, y), in.w(), line, 1.15f, false);
    if (today && y + h > in.max.y) {
        figures.clear();
        line = build(false, figures);
        h = runs(fonts.body, L.body, ImVec2(in.min.x, y), in.w(), line, 1.15f, false);
    }
    if (y + h > in.max.y) return y;
    y += runs(fonts.body, L.body, ImVec2(in.min.x, y), in.w(), line, 1.15f) + L.pad * 0.3f;
    for (ShownFigure& f : figures) record(std::move(f));
    std::string why = tr(consumption ? "big.view_why_consumption" : "big.view_why_territorial");
    const int step = journey.lever();
    if (step > 0 && step < int(what_if_steps.size())) {
        const WhatIfStep& s = what_if_steps[std::size_t(step)];
        why +=
            " " + format_text(tr("big.view_scenario"), {{"step", zh() ? s.label_zh : s.label_en}});
    }
    const float wh =
        paragraph(fonts.body, L.caption, ImVec2(in.min.x, y), in.w(), 0, why.c_str(), false);
    if (y + wh <= in.max.y)
        y += paragraph(fonts.body, L.caption, ImVec2(in.min.x, y), in.w(), theme::muted_text,
                       why.c_str()) +
             L.pad;
    return y;
}

} // namespace ctrail::ui
