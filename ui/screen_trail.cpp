// The trail: the product sits on the visitor's province; step by step, arcs run back along the
// top supply chains and bubbles grow on the provinces where the CO2 was released. The story
// panel carries the trace's headline, the total in kg or tonnes with an everyday comparison,
// the top chains in plain words and the step indicator. Every number comes from the trace.
#include "app_internal.hpp"
#include "number_format.hpp"

#include <algorithm>
#include <cmath>

namespace ctrail::ui {

void ExhibitApp::Impl::draw_trail() {
    fit_map(L.map);
    draw_map_base(true);
    const int home = model_region(journey.region());
    const int home_p = home >= 0 ? model_to_map[home] : -1;
    const float line = std::max(2.f, metrics.mm(0.5f));
    if (home_p >= 0)
        map_view->draw_highlight(dl, home_p, theme::mix(theme::map_land, theme::coast, 0.45f),
                                 theme::coast, line);
    draw_no_data_labels();
    const Product* p = product();
    const std::string product_word = p ? (zh() ? p->short_zh : p->short_en) : "";
    const std::string home_name = region_name(home);
    ImFont* head = fonts.headline ? fonts.headline : fonts.body;
    const int step = journey.trail_step();
    const bool last = step >= journey.trail_steps();

    // Arcs first (under the bubbles): the province-to-province steps of the top supply chains
    // revealed so far (home <- the product's maker <- its supplier <- ...), each pair of
    // provinces once, as wide as the share of the chains that run along it.
    const float fade = trace ? Ease::in_out(now, trace_at, 0.5) : 0.f;
    if (trace && home_p >= 0) {
        const std::vector<TrailLeg> legs = trail_legs(*trace, home, step, kTrailPaths);
        const double top = legs.empty() ? 1 : legs.front().share;
        for (std::size_t i = legs.size(); i-- > 0;) {
            const TrailLeg& leg = legs[i];
            const int a = model_to_map[leg.from], b = model_to_map[leg.to];
            if (a < 0 || b < 0) continue;
            // New legs run out from the consumer's side over ~1.3 s; earlier ones stay drawn.
            const float progress =
                leg.reveal == step ? Ease::in_out(now, step_at + 0.08 * i, 1.3) : 1.f;
            const float w = line * (0.8f + 3.2f * float(std::sqrt(leg.share / top)));
            ArcStyle style{theme::with_alpha(theme::interior, 0.8f * fade), w, w * 0.6f, 0.22f,
                           true};
            draw_arc(dl, map_view->anchor(a), map_view->anchor(b), progress, style);
        }
    }

    // Bubbles: CO2 released in each province so far; area = share. They grow into each step.
    std::vector<BubbleLabel> labels;
    if (trace) {
        const ExhibitTrace& t = *trace;
        const std::size_t nr = model->regions().size();
        const auto cur = shares_through_step(t, step, nr),
                   prev = shares_through_step(t, step - 1, nr);
        const float grow = Ease::in_out(now, std::max(step_at, trace_at), 0.9);
        const float max_r = std::min(L.map.w(), L.map.h()) * 0.085f;
        for (std::size_t r = 0; r < nr; ++r) {
            if (model_to_map[r] < 0 || cur[r] <= 0.002) continue;
            const double s = prev[r] + (cur[r] - prev[r]) * grow;
            draw_bubble(dl, map_view->anchor(model_to_map[r]), bubble_radius(float(s), max_r),
                        theme::with_alpha(theme::co2, fade), std::max(1.5f, line * 0.7f));
        }
        labels = ranked_labels(t, home, cur, model_to_map, L.map.w() > metrics.mm(120) ? 6 : 4);
    }

    // The product on the visitor's province, out at sea so it never hides a bubble.
    if (home_p >= 0) {
        const ImVec2 a = map_view->anchor(home_p);
        const float r = metrics.mm(5.f); // a marker, not a target
        const std::string yours =
            format_text(tr("trail.your_product"), {{"product", product_word}});
        const float half = std::max({r, measure(head, L.caption, home_name.c_str()).x / 2,
                                     measure(fonts.body, L.caption, yours.c_str()).x / 2}) +
                           2;
        // Inside the map area with its two label lines below it: east of the province first
        // (the sea), then north-east, then west.
        const float below = r + 3 + L.caption * 2.4f;
        ImVec2 c(a.x + r * 2.2f, a.y + r * 0.9f);
        for (const ImVec2 d :
             {ImVec2(2.2f, 0.9f), ImVec2(2.2f, -1.2f), ImVec2(1.6f, -2.6f), ImVec2(-2.2f, -1.2f)}) {
            const ImVec2 t(a.x + r * d.x, a.y + r * d.y);
            if (t.x + half <= L.map.max.x && t.x - half >= L.map.min.x &&
                t.y + below <= L.map.max.y && t.y - r >= L.map.min.y) {
                c = t;
                break;
            }
        }
        c.x = std::clamp(c.x, L.map.min.x + half, L.map.max.x - half);
        c.y = std::clamp(c.y, L.map.min.y + r, L.map.max.y - below);
        dl->AddLine(a, c, theme::coast, line);
        dl->AddCircleFilled(a, line * 1.8f, theme::coast);
        dl->AddCircleFilled(c, r, theme::background);
        dl->AddCircle(c, r, theme::coast, 0, line);
        if (p)
            if (auto icon = icon_from_name(p->icon))
                draw_icon(dl, *icon, c, r * 1.1f, theme::coast, icon_stroke(r * 1.1f));
        const float ly = c.y + r + 3;
        reserve(Box(c.x - half, c.y - r, c.x + half, ly + L.caption * 2.4f));
        text_centred(head, L.caption, Box(c.x - half, ly, c.x + half, ly + L.caption * 1.2f),
                     theme::coast, home_name.c_str());
        text_centred(fonts.body, L.caption,
                     Box(c.x - half, ly + L.caption * 1.2f, c.x + half, ly + L.caption * 2.4f),
                     theme::text, yours.c_str());
    }

    // Labels for the largest bubbles, placed where they clash with nothing.
    if (trace) {
        const float max_r = std::min(L.map.w(), L.map.h()) * 0.085f;
        for (const BubbleLabel& lb : labels) {
            const ExhibitRegion& reg = model->regions()[lb.region];
            const ImVec2 a = map_view->anchor(model_to_map[lb.region]);
            const float r = bubble_radius(float(lb.share), max_r);
            const ShownFigure pct = figure("trail.region." + reg.code + ".share", lb.share, "share",
                                           format_percent(lb.share));
            const std::string name = region_name(lb.region);
            const ImVec2 ns = measure(fonts.body, L.caption, name.c_str());
            const ImVec2 ps = measure(head, L.caption, pct.shown.c_str());
            const ImVec2 size(ns.x + ps.x + 12, ns.y + 2);
            const auto pos = place_label(a, size, r, L.map);
            if (!pos) continue; // no room for this label: not on screen
            const ImU32 halo = theme::with_alpha(theme::background, 0.6f * fade);
            dl->AddRectFilled(*pos, ImVec2(pos->x + size.x, pos->y + size.y), halo, 4);
            dl->AddText(pick(fonts.body, L.caption), L.caption, ImVec2(pos->x + 3, pos->y + 1),
                        theme::with_alpha(theme::text, fade), name.c_str());
            dl->AddText(pick(head, L.caption), L.caption, ImVec2(pos->x + ns.x + 9, pos->y + 1),
                        theme::with_alpha(theme::co2, fade), pct.shown.c_str());
            record(pct);
        }
    }

    // Legend (where the map has room): colour is never alone, each mark says what it means.
    if (L.map.h() > metrics.mm(90) && trace) {
        float y = L.map.max.y - L.caption * 3.9f;
        const float x = L.map.min.x + L.pad;
        const float r = L.caption * 0.4f;
        draw_bubble(dl, ImVec2(x + r, y + L.caption * 0.55f), r, theme::co2, 1.5f);
        text(fonts.body, L.caption, ImVec2(x + r * 2 + L.pad * 0.5f, y), theme::muted_text,
             tr("trail.legend_bubble"));
        y += L.caption * 1.3f;
        draw_arc(dl, ImVec2(x, y + L.caption * 0.8f), ImVec2(x + r * 2.4f, y + L.caption * 0.2f),
                 1.f, ArcStyle{theme::interior, 2.f, 4.f, 0.3f, false});
        text(fonts.body, L.caption, ImVec2(x + r * 2 + L.pad * 0.5f, y), theme::muted_text,
             tr("trail.legend_arc"));
        y += L.caption * 1.3f;
        dl->AddRectFilled(ImVec2(x, y + 2), ImVec2(x + r * 2, y + 2 + r * 2), theme::no_data, 2);
        text(fonts.body, L.caption, ImVec2(x + r * 2 + L.pad * 0.5f, y), theme::muted_text,
             tr("trail.legend_no_data"));
    }

    // Story panel.
    panel_card(L.story);
    const Box in = L.story.inset(L.pad * 1.2f, L.pad);
    float y = in.min.y;
    if (p) {
        const float isz = L.caption * 1.3f;
        if (auto icon = icon_from_name(p->icon))
            draw_icon(dl, *icon, ImVec2(in.min.x + isz / 2, y + L.caption * 0.6f), isz,
                      theme::coast, icon_stroke(isz));
        const std::string bought = format_text(
            tr("trail.story_caption"), {{"product", product_word}, {"province", home_name}});
        y += text(fonts.body, L.caption, ImVec2(in.min.x + isz + L.pad * 0.5f, y), theme::coast,
                  bought.c_str(), in.w() - isz - L.pad) +
             L.pad * 0.5f;
    }
    // The step indicator is always at the bottom of the panel.
    const float step_h = L.caption * 1.25f + std::max(4.f, L.caption * 0.3f) + L.pad * 0.5f;
    const float bottom = in.max.y - step_h;
    if (!trace) {
        const char* msg = trace_failed ? tr("trail.failed") : tr("trail.loading");
        y += runs(head, L.h1, ImVec2(in.min.x, y), in.w(), {{msg, theme::text}});
        if (!trace_failed) {
            // Three dots, one lit at a time, a full cycle in 1.5 s (no flashing).
            const int lit = int(std::fmod(now / 0.5, 3.0));
            for (int i = 0; i < 3; ++i)
                dl->AddCircleFilled(ImVec2(in.min.x + L.body * (0.4f + i * 1.1f), y + L.body),
                                    L.body * 0.25f, i == lit ? theme::interior : theme::muted_text);
            animate_until(now + 0.1);
        }
        bottom_bar("", nullptr);
        return;
    }
    const ExhibitTrace& t = *trace;
    const ImU32 txt = theme::with_alpha(theme::text, fade);

    // Headline: "71% of the CO2 behind your car was released outside Shanghai, most in Hebei and
    // Inner Mongolia." from the trace's share elsewhere and its top regions outside home.
    const HeadlineChoice choice = choose_headline(t, home);
    const ShownFigure share = figure("trail.share_elsewhere", t.share_elsewhere, "share",
                                     format_percent(t.share_elsewhere));
    std::vector<Arg> args{{"share", share.shown, theme::with_alpha(theme::interior, fade)},
                          {"product", product_word, txt},
                          {"home", home_name, theme::with_alpha(theme::coast, fade)}};
    const char* pattern = tr("trail.headline_home");
    if (choice.kind == HeadlineChoice::Kind::Two)
        pattern = tr("trail.headline");
    else if (choice.kind == HeadlineChoice::Kind::One)
        pattern = tr("trail.headline_one");
    const char* top_names[] = {"top1", "top2"};
    for (std::size_t i = 0; i < choice.top.size(); ++i)
        args.push_back(
            {top_names[i], region_name(choice.top[i]), theme::with_alpha(theme::interior, fade)});
    const auto headline = template_runs(pattern, txt, args);
    state.headline = plain(headline);
    y += runs(head, L.h1, ImVec2(in.min.x, y), in.w(), headline, 1.12f) + L.pad * 0.4f;
    record(share);

    // On a small panel the story cannot hold the total, its comparison and the chains at once:
    // the early steps tell the total, the later ones (further back along the chains) trade the
    // comparison for the chains in words and keep the total on one smaller line.
    const bool compact = bottom - y < metrics.mm(55);
    const bool chains_first = compact && step >= 3;

    // The total, rounded to two significant figures, and its everyday comparison.
    const MassText mass = format_mass(t.total_kg, tr("number.kg"), tr("number.t"));
    const ShownFigure total =
        figure("trail.total_kg", t.total_kg, "kg", mass.number + " " + mass.unit);
    const std::string hero_text = format_text(tr("number.approx"), {{"value", total.shown}});
    const float hero = chains_first ? L.h1 : std::min(L.hero, std::max(L.h1, (bottom - y) * 0.3f));
    if (chains_first) {
        y += text(fonts.hero ? fonts.hero : head, hero, ImVec2(in.min.x, y),
                  theme::with_alpha(theme::co2, fade), hero_text.c_str()) +
             L.pad * 0.2f;
        record(total);
    } else if (y + hero * 1.05f < bottom) {
        y += text(fonts.hero ? fonts.hero : head, hero, ImVec2(in.min.x, y),
                  theme::with_alpha(theme::co2, fade), hero_text.c_str()) *
             0.98f;
        record(total);
        const char* unit_words =
            t.total_kg >= 999.5 ? tr("trail.mass_words_t") : tr("trail.mass_words_kg");
        if (y + L.body * 1.2f < bottom)
            y += text(fonts.body, L.body, ImVec2(in.min.x, y), txt, unit_words, in.w());
    }
    const Equivalent* e = p && !chains_first ? content.find_equivalent(p->equivalent) : nullptr;
    if (e) {
        const double n = t.total_kg / e->kg_co2_per_unit;
        const ShownFigure count =
            figure("trail.equivalent." + e->id, n, e->unit,
                   format_count(n, zh() ? tr("number.ten_thousand") : nullptr));
        const std::string sentence =
            format_text(zh() ? e->text_zh : e->text_en, {{"n", count.shown}});
        const ImU32 col = theme::with_alpha(theme::muted_text, fade);
        const float eh = paragraph(fonts.body, L.body, ImVec2(in.min.x, y), in.w(), col,
                                   sentence.c_str(), false);
        if (y + eh < bottom) { // else no room: not on screen
            y += paragraph(fonts.body, L.body, ImVec2(in.min.x, y), in.w(), col, sentence.c_str());
            record(count);
        }
    }
    y += L.pad;

    // Top supply chains, as many as fit.
    const int n_paths = std::min<int>(5, int(t.paths.size()));
    const float row = in.w() > metrics.mm(90) ? L.body : L.caption; // larger where there is room
    if (chains_first) y -= L.pad * 0.6f; // the chains follow the total directly, without a title
    if (n_paths > 0 && (chains_first || y + L.h2 * 1.3f + row * 3 < bottom)) {
        dl->AddLine(ImVec2(in.min.x, y), ImVec2(in.max.x, y),
                    theme::with_alpha(theme::muted_text, 0.35f * fade), 1.f);
        y += L.pad * 0.8f;
        if (!chains_first)
            y += text(head, L.h2 * 0.85f, ImVec2(in.min.x, y), txt, tr("trail.top_chains")) +
                 L.pad * 0.4f;
        const double top = t.paths[0].share;
        const ShareRowStyle style{txt,
                                  theme::with_alpha(theme::co2, fade),
                                  theme::with_alpha(theme::co2, fade),
                                  theme::with_alpha(theme::background, fade),
                                  L.pad,
                                  L.pad * 0.7f};
        for (int i = 0; i < n_paths; ++i) {
            const TracePathView& path = t.paths[i];
            const ShownFigure pct = figure("trail.path." + std::to_string(i) + ".share", path.share,
                                           "share", format_percent(path.share));
            if (!share_row(in, y, bottom, row, zh() ? path.text_zh : path.text_en, pct,
                           path.share / top, style))
                break;
        }
    }

    // Step indicator: dots, "Step 2 of 4 — their suppliers", and how much is found so far.
    const float dot = L.caption * 0.9f;
    step_dots(ImVec2(in.min.x, bottom), journey.trail_steps(), step, dot);
    const char* step_words = nullptr;
    switch (std::clamp(step, 1, kTrailSteps)) {
    case 1:
        step_words = tr("trail.step1");
        break;
    case 2:
        step_words = tr("trail.step2");
        break;
    case 3:
        step_words = tr("trail.step3");
        break;
    default:
        step_words = tr("trail.step4");
        break;
    }
    const double so_far = share_through_step(t, step);
    const ShownFigure so_far_text =
        figure("trail.found_so_far", so_far, "share", format_percent(so_far));
    const std::string step_line =
        format_text(tr("trail.step_of"), {{"step", std::to_string(step)},
                                          {"count", std::to_string(journey.trail_steps())},
                                          {"what", step_words},
                                          {"share", so_far_text.shown}});
    text(fonts.body, L.caption,
         ImVec2(in.min.x, bottom + std::max(4.f, dot * 0.28f) + L.pad * 0.5f), theme::muted_text,
         step_line.c_str(), in.w());
    record(so_far_text);

    if (bottom_bar("next", last ? tr("trail.to_big_picture") : tr("trail.next"))) {
        if (last)
            journey.big_picture();
        else
            journey.next_step();
    }
}

} // namespace ctrail::ui
