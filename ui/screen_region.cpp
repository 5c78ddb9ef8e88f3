// Where do you live? Tap a province on the map (small provinces within a finger radius of their
// dot; a drag that ends on another province picks nothing; a province without data says why),
// or pick one of the large buttons: the museum's own province first, then the provinces under
// their region names. Where all of them fit, one page; else a first page of the home province
// and the region names, and one page per region (any province within two touches).
#include "app_internal.hpp"
#include "region_list.hpp"

#include <algorithm>
#include <cmath>

namespace ctrail::ui {

void ExhibitApp::Impl::region_map_taps(Box map_box) {
    const auto& regions = model->regions();
    const auto& provinces = map_asset->provinces();
    const bool map_tapped = hit("map", map_box);
    // The finger radius (~7 mm on the configured panel): small provinces are hit near their dot.
    const float radius = metrics.mm(7.f);
    std::vector<MapSpot> spots;
    for (std::size_t p = 0; p < provinces.size(); ++p) {
        const ImVec2 a = map_view->to_screen(provinces[p].bbox_min);
        const ImVec2 b = map_view->to_screen(provinces[p].bbox_max);
        const bool small = std::max(std::fabs(b.x - a.x), std::fabs(b.y - a.y)) < 2 * radius;
        const bool data = map_to_model[p] >= 0;
        const ImVec2 at = data ? map_view->anchor(int(p)) : map_view->bbox_centre(int(p));
        spots.push_back({int(p), at, small});
        // Script targets at each dot (tests tap the map like a visitor).
        const float h = std::max(4.f, metrics.mm(1.5f));
        targets["map." + provinces[p].code] = Box(at.x - h, at.y - h, at.x + h, at.y + h);
    }
    if (!map_tapped) return;
    const ImGuiIO& io = ImGui::GetIO();
    auto pick = [&](ImVec2 at) { return pick_province(at, map_view->hit_test(at), spots, radius); };
    const int pressed = pick(io.MouseClickedPos[0]), released = pick(io.MousePos);
    if (released < 0) return;
    if (pressed != released) { // a drag across provinces: the finger did not mean one
        log(7, "map: a drag from one province to another picks nothing");
        return;
    }
    const int r = map_to_model[std::size_t(released)];
    if (r >= 0 && !regions[std::size_t(r)].external) {
        journey.choose_region(regions[std::size_t(r)].code);
        log(6, "region chosen on the map: " + regions[std::size_t(r)].code);
        return;
    }
    // No data: Tibet is in the tables but not in the emission inventories; Taiwan, Hong Kong
    // and Macao are not in the national input-output tables at all.
    const Province& p = provinces[std::size_t(released)];
    notice = format_text(tr(p.in_model ? "region.no_data_inventory" : "region.no_data_tables"),
                         {{"province", zh() ? p.name_zh : p.name_en}});
    notice_until = now + 5.0; // not an animation: a screenshot need not wait for it
}

void ExhibitApp::Impl::draw_notice(Box over) {
    if (now >= notice_until || notice.empty()) return;
    const float w = over.w() - 2 * L.pad;
    const float h = paragraph(fonts.body, L.body, ImVec2(0, 0), w - 2 * L.pad, theme::text,
                              notice.c_str(), false);
    Box card(over.min.x + L.pad, over.max.y - h - 3 * L.pad, over.max.x - L.pad,
             over.max.y - L.pad);
    dl->AddRectFilled(card.min, card.max, theme::with_alpha(theme::panel, 0.95f),
                      metrics.corner_radius() * 1.5f);
    paragraph(fonts.body, L.body, ImVec2(card.min.x + L.pad, card.min.y + L.pad), w - 2 * L.pad,
              theme::text, notice.c_str());
}

void ExhibitApp::Impl::draw_region() {
    // The province buttons need more room than a story: the map takes half the width here.
    Box map_box = L.map, s = L.story;
    if (!L.portrait) {
        map_box.max.x = L.content.min.x + L.content.w() * 0.5f;
        s.min.x = map_box.max.x + L.gap;
    }
    fit_map(map_box);
    draw_map_base(true);
    const auto& regions = model->regions();
    // Coastal provinces light up: they are where most visitors live and buy.
    for (std::size_t r = 0; r < regions.size(); ++r)
        if (model_to_map[r] >= 0 && regions[r].coastal)
            map_view->draw_province(dl, model_to_map[r],
                                    theme::mix(theme::map_land, theme::coast, 0.35f));
    if (home >= 0 && model_to_map[std::size_t(home)] >= 0)
        map_view->draw_province(dl, model_to_map[std::size_t(home)],
                                theme::mix(theme::map_land, theme::coast, 0.6f));
    map_view->draw_outlines(dl, theme::map_border, std::max(1.f, metrics.mm(0.25f)));
    draw_no_data_labels();
    region_map_taps(map_box);

    // Story panel: the question, then the province buttons.
    ImFont* head = fonts.headline ? fonts.headline : fonts.body;
    float y = s.min.y;
    y += runs(head, L.h1, ImVec2(s.min.x, y), s.w(), {{tr("where.title"), theme::text}});
    y += L.pad * 0.4f;
    const float hint_h = runs(fonts.body, L.body, ImVec2(s.min.x, y), s.w(),
                              {{tr("where.hint"), theme::muted_text}}, 1.1f, false);

    const std::vector<RegionSection> sections = region_sections(regions, home);
    const std::size_t first_group = home >= 0 ? 1 : 0;
    const std::size_t groups = sections.size() - first_group;
    // Targets at least 15 mm; larger where the panel is large.
    const float g = L.gap * 0.5f;
    const float bh = std::max(L.touch, std::min((s.max.y - y) / 7.5f, L.touch * 1.25f));
    const float head_h = L.caption * 1.35f;
    const float min_w = std::max(L.touch * 1.6f, s.w() / 4.f - L.gap);
    int cols = std::max(1, int((s.w() + g) / (min_w + g)));
    const float text_size = bh > L.touch * 1.1f ? L.h2 : L.body;
    auto rows = [&](std::size_t n) {
        return float((n + std::size_t(cols) - 1) / std::size_t(cols));
    };
    float all_h = hint_h + L.gap;
    for (const RegionSection& sec : sections) all_h += head_h + rows(sec.regions.size()) * (bh + g);
    // Everything on one page where it fits (large panels); else pages, the hint shortened to
    // the first page's heading so three rows of full-size buttons fit at 800x480.
    const bool one_page = all_h <= s.max.y - y;
    if (one_page) {
        runs(fonts.body, L.body, ImVec2(s.min.x, y), s.w(),
             {{tr("where.hint"), theme::muted_text}});
        y += hint_h + L.gap;
    } else {
        // The first page holds the home province and every region name: as many columns as
        // its rows need.
        const int rows_fit = std::max(1, int((s.max.y - y - head_h + g) / (bh + g)));
        const int cells = int(first_group + groups);
        cols = std::max(cols, (cells + rows_fit - 1) / rows_fit);
    }
    const float bw = (s.w() - (cols - 1) * g) / cols;

    auto heading = [&](const char* words) {
        text(fonts.caption, L.caption, ImVec2(s.min.x, y + L.caption * 0.2f), theme::muted_text,
             words);
        y += head_h;
    };
    auto section_name = [&](const RegionSection& sec) {
        if (sec.group.empty()) return tr("where.home_heading");
        const char* key = group_text_key(sec.group);
        return key ? tr(key) : sec.group.c_str();
    };
    // One grid of buttons from y down; `label` and `press` per cell.
    auto grid = [&](std::size_t n, auto&& draw_cell) {
        for (std::size_t i = 0; i < n; ++i) {
            const int c = int(i) % cols, row = int(i) / cols;
            Box b(s.min.x + c * (bw + g), y + row * (bh + g), 0, 0);
            b.max = ImVec2(b.min.x + bw, b.min.y + bh);
            draw_cell(i, b);
        }
        y += rows(n) * (bh + g);
    };
    auto province_cell = [&](int r, Box b) {
        const ExhibitRegion& reg = regions[std::size_t(r)];
        const std::string id = "region." + reg.code;
        const std::string name = region_name(r);
        if (secondary_button(id.c_str(), b, name.c_str(), std::nullopt, r == home, text_size)) {
            journey.choose_region(reg.code);
            log(6, "region chosen by button: " + reg.code);
        }
        if (reg.coastal) { // colour is never alone: the coastal ones carry a coast-coloured edge
            // The button's own rounded shape, clipped to its left edge: the bar follows the
            // corners instead of poking out of them.
            dl->PushClipRect(b.min, ImVec2(b.min.x + std::max(3.f, metrics.mm(1.f)), b.max.y),
                             true);
            dl->AddRectFilled(b.min, b.max, theme::coast, metrics.corner_radius() * 1.5f);
            dl->PopClipRect();
        }
    };

    // Page 0 (several pages): the home province and the region names; page g: region g.
    const int pages = one_page ? 1 : int(groups) + 1;
    const int page = std::clamp(journey.region_page(), 0, pages - 1);
    const float heading_y = y;
    if (one_page) {
        for (const RegionSection& sec : sections) {
            heading(section_name(sec));
            grid(sec.regions.size(),
                 [&](std::size_t i, Box b) { province_cell(sec.regions[i], b); });
        }
    } else if (page == 0) {
        heading(tr(home >= 0 ? "where.home_or_region" : "where.choose_region"));
        const std::size_t n = first_group + groups;
        grid(n, [&](std::size_t i, Box b) {
            if (i < first_group) {
                province_cell(home, b);
                return;
            }
            const RegionSection& sec = sections[i];
            const std::string id = "region.group." + group_slug(sec.group);
            if (secondary_button(id.c_str(), b, section_name(sec), std::nullopt, false, text_size))
                journey.set_region_page(int(i - first_group) + 1);
        });
    } else {
        const RegionSection& sec = sections[first_group + std::size_t(page - 1)];
        heading(section_name(sec));
        grid(sec.regions.size(), [&](std::size_t i, Box b) { province_cell(sec.regions[i], b); });
    }
    if (pages > 1) {
        // Page indicator: one dot per page, the current one filled.
        const float dot = std::max(4.f, L.caption * 0.4f);
        const float x0 = s.max.x - pages * dot * 2.2f;
        for (int i = 0; i < pages; ++i)
            dl->AddCircleFilled(
                ImVec2(x0 + i * dot * 2.2f + dot, heading_y + head_h * 0.5f), dot * 0.5f,
                i == page ? theme::text : theme::with_alpha(theme::muted_text, 0.4f));
    }
    draw_notice(map_box);
    // The bar's action pages on through the regions (Back returns to the first page).
    const char* more = page + 1 < pages ? tr("where.more") : tr("where.first_page");
    if (bottom_bar("region.page", pages > 1 ? more : nullptr, true, false))
        journey.set_region_page((page + 1) % pages);
}

} // namespace ctrail::ui
