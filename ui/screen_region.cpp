// Where do you live? Tap a province on the map (hit-tested on the real shapes), or pick one of
// the large buttons (the accessible path): coastal provinces first, the rest on further pages.
// Tibet is on the map as "no data" and not selectable.
#include "app_internal.hpp"

#include <algorithm>
#include <cmath>

namespace ctrail::ui {

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
    map_view->draw_outlines(dl, theme::map_border, std::max(1.f, metrics.mm(0.25f)));
    draw_no_data_labels();

    // The map itself is a target; a tap picks the province under the finger.
    const bool map_tapped = hit("map", map_box);
    const ImVec2 tap = ImGui::GetIO().MousePos;
    for (std::size_t r = 0; r < regions.size(); ++r)
        if (model_to_map[r] >= 0) {
            const ImVec2 a = map_view->anchor(model_to_map[r]);
            const float h = std::max(4.f, metrics.mm(1.5f));
            targets["map." + regions[r].code] = Box(a.x - h, a.y - h, a.x + h, a.y + h);
        }
    if (map_tapped) {
        const int p = map_view->hit_test(tap);
        if (p >= 0 && map_to_model[p] >= 0) {
            journey.choose_region(regions[map_to_model[p]].code);
            log(6, "region chosen on the map: " + regions[map_to_model[p]].code);
        }
    }

    // Story panel: the question and the province buttons, coastal first.
    ImFont* head = fonts.headline ? fonts.headline : fonts.body;
    float y = s.min.y;
    y += runs(head, L.h1, ImVec2(s.min.x, y), s.w(), {{tr("where.title"), theme::text}});
    y += L.pad * 0.4f;
    y += runs(fonts.body, L.body, ImVec2(s.min.x, y), s.w(),
              {{tr("where.hint"), theme::muted_text}});
    y += L.gap;

    std::vector<int> order;
    for (std::size_t r = 0; r < regions.size(); ++r)
        if (!regions[r].external && regions[r].coastal) order.push_back(int(r));
    const std::size_t coastal = order.size();
    for (std::size_t r = 0; r < regions.size(); ++r)
        if (!regions[r].external && !regions[r].coastal) order.push_back(int(r));

    // Targets at least 15 mm; larger where the panel is large (all provinces in two pages).
    const float bh = std::max(L.touch, std::min((s.max.y - y) / 7.5f, L.touch * 1.25f));
    const float min_w = std::max(L.touch * 1.6f, s.w() / 4.f - L.gap);
    const int cols = std::max(1, int((s.w() + L.gap * 0.6f) / (min_w + L.gap * 0.6f)));
    const int rows = std::max(1, int((s.max.y - y + L.gap * 0.6f) / (bh + L.gap * 0.6f)));
    const int per_page = cols * rows;
    // Pages: the coastal provinces first (as many pages as they need), then the others.
    std::vector<std::vector<int>> pages;
    for (std::size_t i = 0; i < order.size();) {
        std::vector<int> page;
        const std::size_t end =
            i < coastal ? std::min(coastal, i + per_page) : std::min(order.size(), i + per_page);
        for (; i < end; ++i) page.push_back(order[i]);
        pages.push_back(std::move(page));
    }
    if (pages.empty()) return;
    const int region_page = std::clamp(journey.region_page(), 0, int(pages.size()) - 1);
    const float bw = (s.w() - (cols - 1) * L.gap * 0.6f) / cols;
    const auto& page = pages[region_page];
    for (std::size_t i = 0; i < page.size(); ++i) {
        const int c = int(i) % cols, row = int(i) / cols;
        Box b(s.min.x + c * (bw + L.gap * 0.6f), y + row * (bh + L.gap * 0.6f), 0, 0);
        b.max = ImVec2(b.min.x + bw, b.min.y + bh);
        const ExhibitRegion& reg = regions[page[i]];
        const std::string id = "region." + reg.code;
        const std::string name = region_name(page[i]);
        if (secondary_button(id.c_str(), b, name.c_str(), std::nullopt, false,
                             bh > L.touch * 1.1f ? L.h2 : L.body)) {
            journey.choose_region(reg.code);
            log(6, "region chosen by button: " + reg.code);
        }
        if (reg.coastal) // colour is never alone: the coastal ones carry a coast-coloured edge
            dl->AddRectFilled(b.min, ImVec2(b.min.x + std::max(3.f, metrics.mm(1.f)), b.max.y),
                              theme::coast, metrics.corner_radius());
    }
    // The bar's action pages through the provinces (the visitor's step is to pick one).
    const char* more =
        region_page + 1 < int(pages.size()) ? tr("where.more") : tr("where.first_page");
    if (bottom_bar("region.page", pages.size() > 1 ? more : nullptr, true, false))
        journey.set_region_page((region_page + 1) % int(pages.size()));
}

} // namespace ctrail::ui
