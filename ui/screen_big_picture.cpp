// The big picture: embodied CO2 flowing between China's economic regions (engine group flows,
// drawn as arcs between the regions' centres, with a legend), the national share tied to
// consumption in another province, the paper's policy point, and the largest flows in Mt with
// what their percentage is of.
#include "app_internal.hpp"
#include "number_format.hpp"
#include "region_list.hpp"

#include <algorithm>
#include <cmath>

namespace ctrail::ui {

static std::string group_label(const ExhibitApp::Impl& d, const std::string& group) {
    // The model names its region groups in English; their labels are in the text tables.
    const char* key = group_text_key(group);
    if (key) return d.texts.tr(d.lang(), key);
    return group;
}

void ExhibitApp::Impl::draw_big_picture() {
    fit_map(big_map_area());
    draw_map_base(true);
    draw_no_data_labels();
    draw_big_bubbles();
    ImFont* head = fonts.headline ? fonts.headline : fonts.body;
    const float line = std::max(2.f, metrics.mm(0.5f));
    if (!big) {
        const char* msg = big_failed ? tr("big.failed") : tr("trail.loading");
        runs(head, L.h1, L.story.min, L.story.w(), {{msg, theme::text}});
        bottom_bar("", nullptr);
        if (!big_failed) animate_until(now + 0.1);
        return;
    }
    const BigPicture& b = years.view() ? years.view()->big : *big; // the year switch's year
    const float appear = Ease::in_out(now, screen_at + 0.2, 1.4);

    // Centre of each domestic group: the mean of its provinces' capitals on screen.
    std::vector<ImVec2> centre(b.groups.size(), ImVec2(0, 0));
    std::vector<bool> placed(b.groups.size(), false);
    for (std::size_t g = 0; g < b.groups.size(); ++g) {
        if (b.groups[g].external) continue;
        ImVec2 sum(0, 0);
        int n = 0;
        for (int r : b.groups[g].regions)
            if (r >= 0 && r < int(model_to_map.size()) && model_to_map[r] >= 0) {
                ImVec2 a = map_view->anchor(model_to_map[r]);
                sum = ImVec2(sum.x + a.x, sum.y + a.y);
                ++n;
            }
        if (n > 0) {
            centre[g] = ImVec2(sum.x / n, sum.y / n);
            placed[g] = true;
        }
    }
    // Flows between different domestic groups, the largest first.
    std::vector<const GroupFlow*> flows;
    for (const auto& f : b.flows)
        if (f.from != f.to && f.from >= 0 && f.to >= 0 && placed[f.from] && placed[f.to])
            flows.push_back(&f);
    const std::size_t shown = std::min<std::size_t>(flows.size(), 12);
    const double top = shown ? flows[0]->share : 1;
    for (std::size_t i = shown; i-- > 0;) {
        const GroupFlow& f = *flows[i];
        const float w = line * (0.6f + 4.f * float(std::sqrt(f.share / top)));
        ArcStyle style{theme::with_alpha(theme::interior, 0.75f), w * 0.5f, w, 0.2f, true};
        draw_arc(dl, centre[f.from], centre[f.to],
                 std::clamp(appear * 1.3f - float(i) * 0.03f, 0.f, 1.f), style);
    }
    for (std::size_t g = 0; g < b.groups.size(); ++g) {
        if (!placed[g]) continue;
        const ImU32 col = b.groups[g].coastal ? theme::coast : theme::interior;
        dl->AddCircleFilled(centre[g], line * 3.f, col);
        dl->AddCircle(centre[g], line * 3.f + 2, theme::background, 0, 2.f);
        reserve(Box(centre[g].x - line * 3.5f, centre[g].y - line * 3.5f, centre[g].x + line * 3.5f,
                    centre[g].y + line * 3.5f));
    }
    for (std::size_t g = 0; g < b.groups.size(); ++g) {
        if (!placed[g]) continue;
        const std::string name = group_label(*this, b.groups[g].name);
        const ImVec2 size = measure(fonts.body, L.caption, name.c_str());
        const auto pos = place_label(centre[g], ImVec2(size.x + 6, size.y + 2), line * 3.5f, L.map);
        if (!pos) continue;
        dl->AddRectFilled(*pos, ImVec2(pos->x + size.x + 6, pos->y + size.y + 2),
                          theme::with_alpha(theme::background, 0.6f), 4);
        dl->AddText(pick(fonts.body, L.caption), L.caption, ImVec2(pos->x + 3, pos->y + 1),
                    theme::text, name.c_str());
    }
    // The three largest arrows carry their Mt, at the middle of the curve, once they are drawn.
    if (appear >= 1.f)
        for (std::size_t i = 0; i < std::min<std::size_t>(shown, 3); ++i) {
            const GroupFlow& f = *flows[i];
            const ShownFigure mt = figure("big.arc." + std::to_string(i) + ".mt", f.kg / 1e9, "Mt",
                                          format_sig(f.kg / 1e9));
            const std::string label = format_text(tr("big.arc_mt"), {{"mt", mt.shown}});
            const ImVec2 size = measure(fonts.body, L.caption, label.c_str());
            const ImVec2 mid = arc_point(centre[f.from], centre[f.to], 0.5f, 0.2f);
            const auto pos = place_label(mid, ImVec2(size.x + 6, size.y + 2), line * 1.5f, L.map);
            if (!pos) continue;
            dl->AddRectFilled(*pos, ImVec2(pos->x + size.x + 6, pos->y + size.y + 2),
                              theme::with_alpha(theme::background, 0.75f), 4);
            dl->AddText(pick(fonts.body, L.caption), L.caption, ImVec2(pos->x + 3, pos->y + 1),
                        theme::interior, label.c_str());
            record(mt);
        }

    // Legend: what the dots' colours and the arcs mean.
    {
        const float r = L.caption * 0.35f;
        const float x = L.map.min.x + L.pad;
        float ly = L.map.max.y - L.caption * 3.9f;
        const ImU32 cols[] = {theme::coast, theme::interior};
        const char* keys[] = {"big.legend_coast", "big.legend_interior"};
        for (int i = 0; i < 2; ++i) {
            dl->AddCircleFilled(ImVec2(x + r, ly + L.caption * 0.6f), r, cols[i]);
            text(fonts.body, L.caption, ImVec2(x + r * 2 + L.pad * 0.5f, ly), theme::muted_text,
                 tr(keys[i]));
            ly += L.caption * 1.3f;
        }
        draw_arc(dl, ImVec2(x, ly + L.caption * 0.8f), ImVec2(x + r * 2.6f, ly + L.caption * 0.2f),
                 1.f, ArcStyle{theme::interior, 2.f, 4.f, 0.3f, false});
        text(fonts.body, L.caption, ImVec2(x + r * 2 + L.pad * 0.5f, ly), theme::muted_text,
             tr("big.legend_arc"));
    }

    // Story panel.
    panel_card(L.story);
    const Box in = L.story.inset(L.pad * 1.2f, L.pad);
    float y = in.min.y;
    y +=
        text(fonts.body, L.caption, in.min, theme::coast, tr("big.caption"), in.w()) + L.pad * 0.5f;
    // The year switch heads the story it changes, where the panel leaves room under it for the
    // headline and the visitor's figures.
    const bool year_switch_first = years.enabled() && in.h() >= L.touch * 3.3f;
    if (year_switch_first) {
        draw_year_switch(Box(in.min.x, y, in.max.x, y + L.touch));
        y += L.touch + L.pad * 0.8f;
    }
    const ShownFigure share = figure("big.national_outside_share", b.national_outside_share,
                                     "share", format_percent(b.national_outside_share));
    auto head_runs =
        template_runs(tr("big.headline"), theme::text, {{"share", share.shown, theme::interior}});
    y += runs(head, L.h1, ImVec2(in.min.x, y), in.w(), head_runs, 1.12f) + L.pad;
    record(share);
    y = draw_big_accounts(in, y);
    // A panel too short for the switch above the headline (a 480 px wide portrait) has it here,
    // under the visitor's figures, where it fits.
    if (years.enabled() && !year_switch_first && y + L.touch <= in.max.y) {
        draw_year_switch(Box(in.min.x, y, in.max.x, y + L.touch));
        y += L.touch + L.pad * 0.8f;
    }

    // Another year than the trail's: what that year shows comes first (a small panel has no
    // room for both); in the trail's year, the paper's policy point comes first: the lesson.
    auto year_findings = [&] {
        y = year_story(in, y, [this](const std::string& g) { return group_label(*this, g); });
    };
    const bool year_first = years.shown() != years.trail_year();
    if (year_first) year_findings();
    // The paper's policy point comes before the detail: it is the lesson.
    const float policy_h = paragraph(fonts.body, L.body, ImVec2(in.min.x, y), in.w(), theme::text,
                                     tr("big.policy"), false);
    if (y + policy_h <= in.max.y)
        y += paragraph(fonts.body, L.body, ImVec2(in.min.x, y), in.w(), theme::text,
                       tr("big.policy")) +
             L.pad;
    if (!year_first) year_findings();
    if (y + L.caption * 2 < in.max.y) {
        dl->AddLine(ImVec2(in.min.x, y), ImVec2(in.max.x, y),
                    theme::with_alpha(theme::muted_text, 0.35f), 1.f);
        y += L.pad * 0.6f;
    }
    // The largest flows between regions, in words and Mt, with bars (as many as fit); the
    // percentage is of all of China's industrial CO2, and the title says so.
    const float bottom = in.max.y;
    if (y + L.caption * 3 < bottom)
        y += text(fonts.body, L.caption, ImVec2(in.min.x, y), theme::muted_text,
                  tr("big.flows_title"), in.w()) +
             L.pad * 0.3f;
    const float row_size = in.w() > metrics.mm(90) ? L.body : L.caption;
    const std::size_t rows = std::min<std::size_t>(shown, 6);
    const ShareRowStyle style{theme::text, theme::interior, theme::interior, theme::background,
                              3.f,         L.pad * 0.6f};
    for (std::size_t i = 0; i < rows; ++i) {
        const GroupFlow& f = *flows[i];
        const ShownFigure pct = figure("big.flow." + std::to_string(i) + ".share", f.share, "share",
                                       format_percent(f.share));
        const std::string from = group_label(*this, b.groups[f.from].name),
                          to = group_label(*this, b.groups[f.to].name);
        // Mt from the engine's kilograms, whatever the model's own unit.
        const ShownFigure mt = figure("big.flow." + std::to_string(i) + ".mt", f.kg / 1e9, "Mt",
                                      format_sig(f.kg / 1e9));
        const std::string row =
            format_text(tr("big.flow_row"), {{"from", from}, {"to", to}, {"mt", mt.shown}});
        if (!share_row(in, y, bottom, row_size, row, pct, f.share / top, style)) break;
        record(mt);
    }
    draw_big_controls();
    if (bottom_bar("next", tr("about.button"))) journey.about();
}

} // namespace ctrail::ui
