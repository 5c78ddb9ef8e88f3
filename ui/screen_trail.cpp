// The trail: the product sits on the visitor's province; step by step, arcs run back along the
// chains that leave the buyer's province and bubbles grow on the provinces where the CO2 was
// released. The story panel carries the headline (with the ensemble's range), the total with an
// everyday comparison (the last step: the four-way split, its legend for the map's centre and
// west), the step's chains in plain words and the step indicator. Every number is the trace's.
#include "app_internal.hpp"
#include "number_format.hpp"

#include <algorithm>
#include <cmath>

namespace ctrail::ui {

void ExhibitApp::Impl::draw_trail() {
    const Box M = L.trail_map, S = L.trail_story; // layout.cpp
    fit_map(M);
    const int home = model_region(journey.region());
    const int home_p = home >= 0 ? model_to_map[home] : -1;
    const int step = journey.trail_step();
    const bool last = step >= journey.trail_steps();
    // The last step tells the four-way split: the central and western provinces get their own
    // fill, the one the split's legend shows.
    const ImU32 cw_fill = theme::mix(theme::map_land, theme::interior, 0.32f);
    std::vector<int> tinted;
    if (last && trace)
        for (std::size_t r = 0; r < model->regions().size(); ++r)
            if (model->regions()[r].zone == "centre_west" && model_to_map[r] >= 0 && int(r) != home)
                tinted.push_back(model_to_map[r]);
    draw_map_base(true, tinted, cw_fill);
    const float line = std::max(2.f, metrics.mm(0.5f));
    if (home_p >= 0)
        map_view->draw_highlight(dl, home_p, theme::mix(theme::map_land, theme::coast, 0.45f),
                                 theme::coast, line);
    draw_no_data_labels();
    const Product* p = product();
    const std::string product_word = p ? (zh() ? p->short_zh : p->short_en) : "";
    const std::string home_name = region_name(home);
    ImFont* head = fonts.headline ? fonts.headline : fonts.body;

    // Arcs first (under the bubbles): the province-to-province steps of the chains listed so
    // far (home <- the product's maker <- its supplier <- ...), each pair of provinces once, as
    // wide as the share of the chains that run along it.
    const float fade = trace ? Ease::in_out(now, trace_at, 0.5) : 0.f;
    if (trace && home_p >= 0) {
        const std::vector<TrailLeg> legs = trail_legs(*trace, home, step, kTrailPaths);
        const double top = legs.empty() ? 1 : legs.front().share;
        for (std::size_t i = legs.size(); i-- > 0;) {
            const TrailLeg& leg = legs[i];
            const int a = model_to_map[leg.from], b = model_to_map[leg.to];
            if (a < 0 || b < 0) continue;
            // Neighbours too close for an arc (Shanghai to Zhejiang) would show only a stub
            // under the product's marker: their bubbles tell it instead.
            const ImVec2 pa = map_view->anchor(a), pb = map_view->anchor(b);
            if (std::hypot(pb.x - pa.x, pb.y - pa.y) < metrics.mm(9.f)) continue;
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
        const float max_r = std::min(M.w(), M.h()) * 0.085f;
        for (std::size_t r = 0; r < nr; ++r) {
            if (model_to_map[r] < 0 || cur[r] <= 0.002) continue;
            const double s = prev[r] + (cur[r] - prev[r]) * grow;
            const ImVec2 c = map_view->anchor(model_to_map[r]);
            draw_bubble(dl, c, bubble_radius(float(s), max_r), theme::with_alpha(theme::co2, fade),
                        std::max(1.5f, line * 0.7f));
            // The bubble's core: labels may overlap a big bubble's rim, never its centre.
            label_dot(c, std::max(bubble_radius(float(cur[r]), max_r) * 0.55f, line * 1.8f));
        }
        labels = ranked_labels(t, home, cur, model_to_map, M.w() > metrics.mm(120) ? 6 : 4,
                               chain_regions(t, step));
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
        // (the sea), then north-east, then south (the East China Sea), then west.
        const float below = r + 3 + L.caption * 2.4f;
        ImVec2 c(a.x + r * 2.2f, a.y + r * 0.9f);
        for (const ImVec2 d : {ImVec2(2.2f, 0.9f), ImVec2(2.2f, -1.2f), ImVec2(1.6f, -2.6f),
                               ImVec2(0.6f, 2.4f), ImVec2(0.f, 2.8f), ImVec2(-2.2f, -1.2f)}) {
            // Pulled back inside the map sideways, but still clear of the province's own dot.
            const ImVec2 t(std::clamp(a.x + r * d.x, M.min.x + half, M.max.x - half),
                           a.y + r * d.y);
            const float dx = t.x - a.x, dy = t.y - a.y;
            if (dx * dx + dy * dy >= r * r * 3.2f && t.y + below <= M.max.y && t.y - r >= M.min.y) {
                c = t;
                break;
            }
        }
        c.x = std::clamp(c.x, M.min.x + half, M.max.x - half);
        c.y = std::clamp(c.y, M.min.y + r, M.max.y - below);
        dl->AddLine(a, c, theme::coast, line);
        dl->AddCircleFilled(a, line * 1.8f, theme::coast);
        label_dot(a, line * 1.8f);
        dl->AddCircleFilled(c, r, theme::background);
        dl->AddCircle(c, r, theme::coast, 0, line);
        if (p)
            if (auto icon = icon_from_name(p->icon))
                draw_icon(dl, *icon, c, r * 1.1f, theme::coast, icon_stroke(r * 1.1f));
        const float ly = c.y + r + 3;
        reserve(Box(c.x - half, c.y - r, c.x + half, ly + L.caption * 2.4f));
        // On a halo in the text colour: the caption may sit over the (teal) home province.
        dl->AddRectFilled(ImVec2(c.x - half, ly), ImVec2(c.x + half, ly + L.caption * 2.4f),
                          theme::with_alpha(theme::background, 0.7f), 4);
        text_centred(head, L.caption, Box(c.x - half, ly, c.x + half, ly + L.caption * 1.2f),
                     theme::text, home_name.c_str());
        text_centred(fonts.body, L.caption,
                     Box(c.x - half, ly + L.caption * 1.2f, c.x + half, ly + L.caption * 2.4f),
                     theme::text, yours.c_str());
    }

    // Labels for the largest bubbles, placed where they clash with nothing.
    if (trace) {
        const float max_r = std::min(M.w(), M.h()) * 0.085f;
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
            const auto pos = place_label(a, size, r, M);
            if (!pos) continue; // no room for this label: not on screen
            // A label moved away from its bubble keeps a thin line to it.
            const Box lb_box(*pos, ImVec2(pos->x + size.x, pos->y + size.y));
            const ImVec2 near(std::clamp(a.x, lb_box.min.x, lb_box.max.x),
                              std::clamp(a.y, lb_box.min.y, lb_box.max.y));
            if (std::hypot(near.x - a.x, near.y - a.y) > r + size.y * 0.8f)
                dl->AddLine(a, near, theme::with_alpha(theme::text, 0.6f * fade), 1.f);
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
    if (M.h() > metrics.mm(90) && trace) {
        float y = M.max.y - L.caption * (last ? 5.2f : 3.9f);
        const float x = M.min.x + L.pad;
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
        if (last) {
            y += L.caption * 1.3f;
            dl->AddRectFilled(ImVec2(x, y + 2), ImVec2(x + r * 2, y + 2 + r * 2), cw_fill, 2);
            text(fonts.body, L.caption, ImVec2(x + r * 2 + L.pad * 0.5f, y), theme::muted_text,
                 tr("trail.legend_centre_west"));
        }
    }

    // Story panel.
    panel_card(S);
    const Box in = S.inset(L.pad * 1.2f, L.pad);
    float y = in.min.y;
    // A short panel (800x480) leaves out what the headline already says (the caption), the
    // found-so-far words and the chains' bars, so that three chains fit.
    const bool compact = S.h() < metrics.mm(80);
    if (p && !compact) {
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
    // The step indicator is always at the bottom of the panel: dots, "Step 2 of 4: their
    // suppliers", and how much is found so far.
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
    const double so_far = trace ? share_through_step(*trace, step) : 0.0;
    const ShownFigure so_far_text =
        figure("trail.found_so_far", so_far, "share", format_percent(so_far));
    const std::string step_line = format_text(tr(compact ? "trail.step_of_short" : "trail.step_of"),
                                              {{"step", std::to_string(step)},
                                               {"count", std::to_string(journey.trail_steps())},
                                               {"what", step_words},
                                               {"share", so_far_text.shown}});
    // Compact: the step dots sit beside the chains' title instead.
    const float step_h = compact
                             ? 0.f
                             : L.caption * 0.9f + std::max(4.f, L.caption * 0.3f) + L.pad * 0.5f +
                                   measure(fonts.body, L.caption, step_line.c_str(), in.w()).y;
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

    // Headline: "64% of the CO2 behind your car was released outside Shanghai; the largest
    // shares: Zhejiang (11%) and Jiangsu (7%)." An inland buyer whose province released most of
    // it: "Most ... was released here in Sichuan; of the rest, the largest shares came from ...".
    const HeadlineChoice choice = choose_headline(t, home);
    const ShownFigure share = figure("trail.share_elsewhere", t.share_elsewhere, "share",
                                     format_percent(t.share_elsewhere));
    const ImU32 amber = theme::with_alpha(theme::interior, fade);
    std::vector<Arg> args{{"share", share.shown, amber},
                          {"product", product_word, txt},
                          {"home", home_name, theme::with_alpha(theme::coast, fade)}};
    const char* pattern = tr("trail.headline_home");
    if (choice.kind == HeadlineChoice::Kind::Two)
        pattern = tr(choice.mostly_here ? "trail.headline_here" : "trail.headline");
    else if (choice.kind == HeadlineChoice::Kind::One)
        pattern = tr(choice.mostly_here ? "trail.headline_here_one" : "trail.headline_one");
    const char* top_names[] = {"top1", "top2"};
    const char* top_share_names[] = {"top1_share", "top2_share"};
    std::vector<ShownFigure> top_figures;
    for (std::size_t i = 0; i < choice.top.size(); ++i) {
        const int r = choice.top[i];
        top_figures.push_back(
            figure("trail.top." + model->regions()[std::size_t(r)].code + ".share",
                   choice.top_share[i], "share", format_percent(choice.top_share[i])));
        args.push_back({top_names[i], region_name(r), amber});
        args.push_back({top_share_names[i], top_figures.back().shown, amber});
    }
    const auto headline = template_runs(pattern, txt, args);
    state.headline = plain(headline);
    y += runs(head, compact ? L.body : L.h1, ImVec2(in.min.x, y), in.w(), headline,
              compact ? 1.05f : 1.12f) +
         L.pad * 0.2f;
    if (!choice.mostly_here) record(share); // the "here" sentence does not show it
    for (auto& f : top_figures) record(f);

    // The ensemble's range of the main share: one small line, only when the model has ranges.
    const ExhibitRange& range = trace_ranges.share_elsewhere;
    if (range.known && !choice.mostly_here && choice.kind != HeadlineChoice::Kind::HomeOnly) {
        const ShownFigure lo =
            figure("trail.range.low", range.low, "share", format_percent(range.low));
        const ShownFigure hi =
            figure("trail.range.high", range.high, "share", format_percent(range.high));
        const std::string words =
            format_text(tr("trail.range"), {{"low", lo.shown}, {"high", hi.shown}});
        y += text(fonts.body, L.caption, ImVec2(in.min.x, y), theme::muted_text, words.c_str(),
                  in.w());
        record(lo);
        record(hi);
    }
    y += L.pad * (compact ? 0.2f : 0.4f);

    // The middle block has the same height on every step, so the chains below never jump:
    // steps 1..3 tell the total and its everyday comparison, the last step the four-way split
    // (a bar and its legend, whose centre-and-west colour is the map's).
    const float split_row = L.caption * (compact ? 1.05f : 1.25f);
    const float bar_h = compact ? 6.f : std::max(6.f, L.caption * 0.55f);
    const float middle_h = bar_h + L.pad * 0.5f + split_row * (compact ? 2.f : 4.f);
    const float middle_end = y + middle_h;
    if (!last) {
        const MassText mass = format_mass(t.total_kg, tr("number.kg"), tr("number.t"));
        const ShownFigure total =
            figure("trail.total_kg", t.total_kg, "kg", mass.number + " " + mass.unit);
        const std::string hero_text = format_text(tr("number.approx"), {{"value", total.shown}});
        const float hero = compact ? L.h1 : std::min(L.hero, std::max(L.h1, middle_h * 0.45f));
        float my = y;
        ImFont* hero_font = fonts.hero ? fonts.hero : head;
        const float hero_w = measure(hero_font, hero, hero_text.c_str()).x;
        my += text(hero_font, hero, ImVec2(in.min.x, my), theme::with_alpha(theme::co2, fade),
                   hero_text.c_str()) *
              0.98f;
        record(total);
        const Equivalent* e = p ? content.find_equivalent(p->equivalent) : nullptr;
        if (e) {
            const double n = t.total_kg / e->kg_co2_per_unit;
            const ShownFigure count =
                figure("trail.equivalent." + e->id, n, e->unit,
                       format_count(n, zh() ? tr("number.ten_thousand") : nullptr));
            const std::string sentence =
                format_text(zh() ? e->text_zh : e->text_en, {{"n", count.shown}});
            const ImU32 col = theme::with_alpha(theme::muted_text, fade);
            const float size = compact ? L.caption : L.body;
            const float eh = paragraph(fonts.body, size, ImVec2(in.min.x, my), in.w(), col,
                                       sentence.c_str(), false);
            // Under the number where it fits; else beside it (a small panel, a long language);
            // else no room: not on screen.
            const float beside_x = hero_w + L.pad;
            const float bh = paragraph(fonts.body, size, ImVec2(0, 0), in.w() - beside_x, col,
                                       sentence.c_str(), false);
            if (my + eh <= middle_end + L.pad * 0.5f) {
                paragraph(fonts.body, size, ImVec2(in.min.x, my), in.w(), col, sentence.c_str());
                record(count);
            } else if (y + bh <= middle_end + L.pad * 0.5f && in.w() - beside_x > in.w() * 0.4f) {
                paragraph(fonts.body, size, ImVec2(in.min.x + beside_x, y + L.pad * 0.2f),
                          in.w() - beside_x, col, sentence.c_str());
                record(count);
            }
        }
    } else {
        const auto parts = four_way_split(t.zones);
        const ImU32 colours[] = {theme::coast, theme::muted_text, theme::interior,
                                 theme::mix(theme::muted_text, theme::background, 0.45f)};
        const char* keys[] = {"trail.split.home", "trail.split.coast", "trail.split.centre_west",
                              "trail.split.northeast"};
        const char* short_keys[] = {"trail.split.home", "trail.split.coast_short",
                                    "trail.split.centre_west_short", "trail.split.northeast"};
        float bx = in.min.x;
        for (std::size_t i = 0; i < parts.size(); ++i) {
            const float w = in.w() * float(parts[i].tenths) / 1000.f;
            if (w > 0.5f)
                dl->AddRectFilled(ImVec2(bx, y), ImVec2(bx + w - 1, y + bar_h),
                                  theme::with_alpha(colours[i], fade));
            bx += w;
        }
        // Legend rows: swatch, words, the figure; two columns where the panel is short.
        const int cols = compact ? 2 : 1;
        const float cw = in.w() / float(cols);
        for (std::size_t i = 0; i < parts.size(); ++i) {
            const float cx = in.min.x + cw * float(int(i) % cols);
            const float cy = y + bar_h + L.pad * 0.5f + split_row * float(int(i) / cols);
            const std::string shown = format_text(
                tr("trail.split.percent"), {{"value", std::to_string(parts[i].tenths / 10) + "." +
                                                          std::to_string(parts[i].tenths % 10)}});
            const ShownFigure f =
                figure(std::string("trail.split.") + parts[i].key, parts[i].share, "share", shown);
            const std::string words =
                format_text(tr(compact ? short_keys[i] : keys[i]), {{"home", home_name}});
            const float sw = L.caption * 0.7f;
            dl->AddRectFilled(ImVec2(cx, cy + L.caption * 0.2f),
                              ImVec2(cx + sw, cy + L.caption * 0.2f + sw),
                              theme::with_alpha(colours[i], fade), 2);
            const ImVec2 fs = measure(head, L.caption, f.shown.c_str());
            const float fx = cx + cw - fs.x - (cols > 1 && int(i) % cols == 0 ? L.pad : 0.f);
            ImGui::PushClipRect(ImVec2(cx, cy), ImVec2(fx - 4, cy + split_row), true);
            text(fonts.body, L.caption, ImVec2(cx + sw + L.pad * 0.4f, cy), txt, words.c_str());
            ImGui::PopClipRect();
            dl->AddText(
                pick(head, L.caption), L.caption, ImVec2(fx, cy),
                theme::with_alpha(colours[i] == theme::muted_text ? theme::text : colours[i], fade),
                f.shown.c_str());
            record(f);
        }
    }
    y = middle_end + L.pad * (compact ? 0.3f : 0.6f);

    // The step's chains: those of this depth that leave the buyer's province (the last step:
    // the furthest trips), as many as fit.
    const StepChains list = chains_for_step(t, step);
    const float row = in.w() > metrics.mm(90) ? L.body : L.caption; // larger where there is room
    dl->AddLine(ImVec2(in.min.x, y), ImVec2(in.max.x, y),
                theme::with_alpha(theme::muted_text, 0.35f * fade), 1.f);
    y += L.pad * 0.5f;
    const std::string title = last ? std::string(tr("trail.chains_furthest"))
                              : list.all_leave
                                  ? format_text(tr("trail.chains_leaving"), {{"home", home_name}})
                                  : std::string(tr("trail.chains_step"));
    const float dot = L.caption * 0.9f;
    const float dots_w = compact ? float(journey.trail_steps()) * dot * 2.f : 0.f;
    if (compact)
        step_dots(ImVec2(in.max.x - dots_w + dot * 0.4f, y + L.caption * 0.45f),
                  journey.trail_steps(), step, dot);
    y += text(head, compact ? L.caption * 1.1f : L.h2 * 0.85f, ImVec2(in.min.x, y), txt,
              title.c_str(), in.w() - dots_w) +
         L.pad * 0.3f;
    if (list.paths.empty()) {
        const std::string none = format_text(tr("trail.chains_none"), {{"home", home_name}});
        text(fonts.body, row, ImVec2(in.min.x, y), theme::muted_text, none.c_str(), in.w());
    } else {
        const double top = list.paths[0]->share;
        const ShareRowStyle style{txt,
                                  theme::with_alpha(theme::co2, fade),
                                  theme::with_alpha(theme::co2, fade),
                                  theme::with_alpha(theme::background, fade),
                                  L.pad * 0.3f,
                                  L.pad * 0.45f};
        for (std::size_t i = 0; i < list.paths.size() && i < 5; ++i) {
            const TracePathView& path = *list.paths[i];
            const ShownFigure pct = figure("trail.chain." + std::to_string(i) + ".share",
                                           path.share, "share", format_percent(path.share));
            std::string words = zh() ? path.text_zh : path.text_en;
            // Compact: a chain that starts with the product made at home starts with the
            // product's name alone ("car ← steel and metals from Shanxi"); the headline says where.
            const std::size_t sep = words.find(path_step_separator(zh()));
            if (compact && path.nodes.size() > 1 && path.nodes[0].region == home &&
                sep != std::string::npos)
                words = product_word + words.substr(sep);
            if (!compact) {
                if (!share_row(in, y, bottom, row, words, pct, path.share / top, style)) break;
                continue;
            }
            // Compact: the words and the figure, no bar.
            const ImVec2 ps = measure(head, row, pct.shown.c_str());
            const float tw = in.w() - ps.x - L.pad;
            const float h = measure(fonts.body, row, words.c_str(), tw).y;
            if (y + h > bottom) break;
            text(fonts.body, row, ImVec2(in.min.x, y), txt, words.c_str(), tw);
            dl->AddText(pick(head, row), row, ImVec2(in.max.x - ps.x, y),
                        theme::with_alpha(theme::co2, fade), pct.shown.c_str());
            record(pct);
            y += h + L.pad * 0.25f;
        }
    }

    if (!compact) {
        step_dots(ImVec2(in.min.x, bottom), journey.trail_steps(), step, dot);
        text(fonts.body, L.caption,
             ImVec2(in.min.x, bottom + std::max(4.f, dot * 0.28f) + L.pad * 0.5f),
             theme::muted_text, step_line.c_str(), in.w());
        record(so_far_text);
    }

    // After the last step: the what-if lever (when its table is usable), then the big picture.
    const bool lever = !what_if_steps.empty();
    if (bottom_bar("next", last ? tr(lever ? "trail.to_what_if" : "trail.to_big_picture")
                                : tr("trail.next"))) {
        if (last && lever)
            journey.what_if();
        else if (last)
            journey.big_picture();
        else
            journey.next_step();
    }
}

} // namespace ctrail::ui
