// "What if the interior cleaned up?" — the step after the trail. A lever of the curator's steps
// (what_if.tsv) changes the CO2 per unit made in the interior; the map's bubbles (CO2 released in
// each province) shrink towards the step's, today's size left as a ring, and the story panel
// reads "before → after" for the visitor's product, its share released elsewhere and all of
// China. Every figure is ExhibitModel::what_if's; the words call it an illustration of the model.
#include "app_internal.hpp"
#include "number_format.hpp"

#include <algorithm>
#include <cmath>

namespace ctrail::ui {

void ExhibitApp::Impl::draw_what_if() {
    fit_map(L.map);
    draw_map_base(true);
    draw_no_data_labels();
    const WhatIf* today = what_if_result(0);
    const WhatIf* shown = what_if_result(what_if_shown);
    const WhatIf* before = what_if_result(what_if_before);
    const float t = Ease::in_out(now, what_if_at, 0.8);
    if (today && shown) {
        double reference = 0;
        for (const RegionAccount& a : today->regions)
            reference = std::max(reference, a.territorial_kg);
        draw_bubbles(before ? &before->regions : nullptr, shown->regions, t, false, reference,
                     what_if_shown > 0 ? &today->regions : nullptr);
    }
    // Map legend: what a bubble is, and the ring.
    {
        const float x = L.map.min.x + L.pad;
        const float y = L.map.max.y - L.caption * 1.4f;
        const float r = L.caption * 0.35f;
        const char* legend = tr("what_if.legend");
        const float lw = L.map.w() - r * 2 - L.pad * 2;
        const ImVec2 ls = measure(fonts.body, L.caption, legend, lw);
        dl->AddRectFilled(ImVec2(x - 4, y - 2),
                          ImVec2(x + r * 2 + L.pad * 0.6f + ls.x + 6, y + ls.y + 2),
                          theme::with_alpha(theme::background, 0.75f), 4);
        dl->AddCircleFilled(ImVec2(x + r, y + L.caption * 0.6f), r,
                            theme::with_alpha(theme::interior, 0.55f));
        dl->AddCircle(ImVec2(x + r, y + L.caption * 0.6f), r * 1.6f,
                      theme::with_alpha(theme::text, 0.55f), 0, 1.f);
        text(fonts.body, L.caption, ImVec2(x + r * 2 + L.pad * 0.6f, y), theme::muted_text, legend,
             lw);
    }

    panel_card(L.story);
    const Box in = L.story.inset(L.pad * 1.2f, L.pad);
    const bool compact = in.h() < metrics.mm(80);
    const bool roomy = in.h() > metrics.mm(150); // a portrait panel: larger type
    const float story_size = roomy ? L.body : L.caption;
    ImFont* head = fonts.headline ? fonts.headline : fonts.body;
    float y = in.min.y;
    if (!compact) // a small panel keeps its room for the figures; the step's sentence says "if"
        y += text(fonts.body, L.caption, in.min, theme::coast, tr("what_if.caption"), in.w()) +
             L.pad * 0.3f;
    y += runs(head, compact ? L.h2 : L.h1, ImVec2(in.min.x, y), in.w(),
              {{tr("what_if.title"), theme::text}}, 1.1f) +
         L.pad * 0.5f;
    const float lever_h = L.touch;
    draw_lever(Box(ImVec2(in.min.x, y), ImVec2(in.max.x, y + lever_h)), "lever.");
    y += lever_h + L.pad * 0.6f;
    // The figures are measured first; the step's sentence and the caveat take the room they
    // leave. The caveat always shows: the whole sentence where it fits, else its short form,
    // whose room no figure takes (a figure row that does not fit is left out).
    struct Row {
        std::vector<Run> runs;
        std::vector<ShownFigure> figures;
        float h = 0;
    };
    std::vector<Row> rows;
    const float row_gap = L.pad * (compact ? 0.3f : 0.5f);
    const float size = compact ? L.caption : roomy ? L.h2 : L.body;
    const float note_h =
        paragraph(fonts.body, L.caption, ImVec2(0, 0), in.w(), 0, tr("what_if.note"), false);
    const float short_h =
        paragraph(fonts.body, L.caption, ImVec2(0, 0), in.w(), 0, tr("what_if.note_short"), false);
    const float bottom = in.max.y - short_h - L.pad * 0.2f;
    if (today && shown) {
        const bool changed = what_if_shown > 0;
        const ImU32 amber = theme::interior, muted = theme::muted_text;
        auto row = [&](const char* key_now, const char* key_change, std::vector<Arg> args,
                       const std::vector<ShownFigure>& figures) {
            Row r{template_runs(changed ? tr(key_change) : tr(key_now), theme::text, args), figures,
                  0};
            r.h = runs(fonts.body, size, ImVec2(in.min.x, y), in.w(), r.runs, 1.15f, false);
            rows.push_back(std::move(r));
        };
        auto mass = [&](const char* id, double kg) {
            const MassText m = format_mass(kg, tr("number.kg"), tr("number.t"));
            return figure(id, kg, "kg", m.number + " " + m.unit);
        };
        // Recorded as the number (the unit word differs by language), shown with "Mt".
        auto mt = [&](const char* id, double kg) {
            return figure(id, kg / 1e9, "Mt", format_sig(kg / 1e9));
        };
        auto with_mt = [&](const ShownFigure& f) {
            return format_text(tr("big.arc_mt"), {{"mt", f.shown}});
        };
        const Product* p = product();
        if (today->has_product && shown->has_product && p) {
            const ShownFigure b = mass("what_if.product_kg.before", today->product_kg);
            const ShownFigure a = mass("what_if.product_kg.after", shown->product_kg);
            const ShownFigure c =
                cut_figure("what_if.product_cut", today->product_kg, shown->product_kg);
            std::vector<ShownFigure> figs{b};
            if (changed) figs = {b, a, c};
            row("what_if.product_now", "what_if.product_change",
                {{"product", zh() ? p->short_zh : p->short_en, theme::text},
                 {"before", b.shown, changed ? muted : amber},
                 {"after", a.shown, amber},
                 {"cut", c.shown, amber}},
                figs);
            const ShownFigure eb =
                figure("what_if.elsewhere.before", today->product_share_elsewhere, "share",
                       format_percent(today->product_share_elsewhere));
            const ShownFigure ea = figure("what_if.elsewhere.after", shown->product_share_elsewhere,
                                          "share", format_percent(shown->product_share_elsewhere));
            figs = {eb};
            if (changed) figs = {eb, ea};
            row("what_if.elsewhere_now", "what_if.elsewhere_change",
                {{"home", region_name(model_region(journey.region())), theme::coast},
                 {"before", eb.shown, changed ? muted : amber},
                 {"after", ea.shown, amber}},
                figs);
        }
        const ShownFigure nb = mt("what_if.national_mt.before", today->national_territorial_kg);
        const ShownFigure na = mt("what_if.national_mt.after", shown->national_territorial_kg);
        const ShownFigure nc = cut_figure("what_if.national_cut", today->national_territorial_kg,
                                          shown->national_territorial_kg);
        std::vector<ShownFigure> figs{nb};
        if (changed) figs = {nb, na, nc};
        row("what_if.national_now", "what_if.national_change",
            {{"before", with_mt(nb), changed ? muted : amber},
             {"after", with_mt(na), amber},
             {"cut", nc.shown, amber}},
            figs);
    }
    float rows_h = 0;
    for (const Row& r : rows) rows_h += r.h + row_gap;
    if (rows.empty()) rows_h = L.body * 1.5f; // "Loading…" or the failure

    // What the step assumes, in words, where the figures leave room for it.
    const int step = std::min(journey.lever(), int(what_if_steps.size()) - 1);
    if (step >= 0) {
        const WhatIfStep& s = what_if_steps[std::size_t(step)];
        const char* words = (zh() ? s.text_zh : s.text_en).c_str();
        const float gap = L.pad * (compact ? 0.2f : 0.4f);
        const float h =
            paragraph(fonts.body, story_size, ImVec2(in.min.x, y), in.w(), 0, words, false);
        if (y + h + gap + rows_h <= bottom)
            y += paragraph(fonts.body, story_size, ImVec2(in.min.x, y), in.w(), theme::muted_text,
                           words) +
                 gap;
    }
    if (!today || !shown) {
        const char* msg = what_if_failed ? tr("what_if.failed") : tr("trail.loading");
        runs(fonts.body, L.body, ImVec2(in.min.x, y), in.w(), {{msg, theme::text}});
        if (!what_if_failed) animate_until(now + 0.1);
    }
    for (const Row& r : rows) {
        if (y + r.h > bottom) break;
        y += runs(fonts.body, size, ImVec2(in.min.x, y), in.w(), r.runs, 1.15f) + row_gap;
        for (const ShownFigure& f : r.figures) record(f);
    }
    const bool whole = y + note_h <= in.max.y;
    const char* note = whole ? tr("what_if.note") : tr("what_if.note_short");
    const float h = whole ? note_h : short_h;
    paragraph(fonts.body, L.caption, ImVec2(in.min.x, in.max.y - h), in.w(), theme::muted_text,
              note);
    state.what_if_caveat = note;
    if (bottom_bar("next", tr("trail.to_big_picture"))) journey.big_picture();
}

} // namespace ctrail::ui
