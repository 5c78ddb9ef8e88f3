// The text boxes of every screen, each copied from the screen code it names (a change there
// belongs here too: tests/ui fails for a key the code uses without a box or a reason).
#include "text_boxes.hpp"

#include <algorithm>

namespace ctrail::ui {

std::vector<TextBox> text_boxes(const Layout& L, const Metrics& metrics) {
    std::vector<TextBox> out;
    auto add = [&](std::string key, std::string screen, TextFace face, float size, float width,
                   int lines, float gap = 1.25f, int only_lang = -1) {
        out.push_back(
            {std::move(key), std::move(screen), face, size, width, lines, gap, only_lang});
    };
    const TextFace B = TextFace::Body, C = TextFace::Caption, H = TextFace::Headline;
    const float floor_px = 16.f; // buttons shrink their label down to this (controls.cpp)

    // Bottom bar (controls.cpp bottom_bar, layout.cpp): the next action is a primary button
    // whose label ("label  →", button.with_arrow) shrinks to 16 px inside its padding.
    const float next_w = L.next.w() - 2 * L.pad;
    for (const char* k :
         {"trail.next", "trail.to_big_picture", "trail.to_what_if", "about.finish", "about.button"})
        add(k, "bottom bar: next button", H, floor_px, next_w, 1);
    // The regions' page button is a secondary button (inset 0.6 pad each side).
    for (const char* k : {"where.more", "where.first_page"})
        add(k, "bottom bar: next button", B, floor_px, L.next.w() - 1.2f * L.pad, 1);
    // Home and Back size themselves to their word; the bar has room for about a fifth each.
    add("home.button", "bottom bar: Home", B, L.body, L.bar.w() * 0.2f - L.touch * 0.9f, 1);
    add("nav.back", "bottom bar: Back", B, L.body, L.bar.w() * 0.2f - L.touch * 0.5f, 1);
    // The language pair: each word centred in half of the pair (controls.cpp language_switch).
    for (const char* k : {"lang.en", "lang.zh"})
        add(k, "bottom bar: language", B, L.body, L.lang.w() / 2 - L.pad, 1);

    // Attract (screen_attract.cpp): the question at hero size in its language, then in the other
    // language at h2, in the story column; the start button and its hint below.
    const Box s =
        L.portrait ? L.story : Box(L.story.min, ImVec2(L.story.max.x, L.bar.min.y - L.gap));
    const float wrap = s.w();
    const float q_en = std::max(L.h1, std::min(L.hero, wrap / 10.5f));
    add("attract.title", "attract: the question", TextFace::Hero, q_en, wrap, 4, 1.12f,
        int(Lang::En));
    add("attract.title", "attract: the question", H, std::max(L.h1, wrap / 9.f), wrap, 4, 1.12f,
        int(Lang::Zh));
    add("attract.title", "attract: the question in the other language", B, L.h2, wrap, 3, 1.15f);
    add("attract.brand", "attract: brand line", B, L.caption, wrap, 1);
    add("attract.touch_to_start", "attract: start button", H, floor_px, wrap - 2 * L.pad, 1);
    add("attract.tap_button", "attract: hint under the button", B, L.body, wrap, 1);
    add("attract.subtitle", "attract: hint under the button", B, L.body, wrap, 1);

    // Overlays (overlays.cpp): the idle countdown and Start again? card.
    const float card_w =
        std::min(L.canvas.w() - 2 * L.outer, std::max(L.touch * 7.f, L.canvas.w() * 0.5f));
    const float in_w = card_w - 3 * L.pad;
    add("idle.resetting", "countdown card: title", H, L.h1, in_w, 1);
    add("idle.touch_to_stay", "countdown card", B, L.body, in_w, 2);
    add("home.confirm_title", "Start again? card: title", H, L.h1, in_w, 1);
    add("home.confirm_body", "Start again? card", B, L.body, in_w, 1);
    const float card_button = (in_w - L.gap) / 2;
    add("home.confirm_yes", "Start again? card: button", H, floor_px, card_button - 2 * L.pad, 1);
    add("home.confirm_no", "Start again? card: button", B, floor_px, card_button - 1.2f * L.pad, 1);

    // Where do you live? (screen_region.cpp): the question and hint in the story column, the
    // section headings, a notice card over the map (draw_notice).
    add("where.title", "province: the question", H, L.h1, L.story.w(), 2, 1.1f);
    add("where.hint", "province: hint", B, L.body, L.story.w(), 2, 1.1f);
    for (const char* k : {"where.home_heading", "where.home_or_region", "where.choose_region"})
        add(k, "province: section heading", C, L.caption, L.story.w() * 0.75f, 1);
    const float notice_w = L.map.w() - 4 * L.pad;
    for (const char* k : {"region.no_data_inventory", "region.no_data_tables"})
        add(k, "province: notice over the map", B, L.body, notice_w, 3);
    // A region button: at least min_w wide (the grid may only add columns), label >= 16 px.
    const float min_w = std::max(L.touch * 1.6f, L.story.w() / 4.f - L.gap);
    for (const char* k : {"group.beijing_tianjin", "group.northern_coastal",
                          "group.eastern_coastal", "group.southern_coastal", "group.central",
                          "group.northeast", "group.northwest", "group.southwest"})
        add(k, "province: region button", B, floor_px, min_w - 1.2f * L.pad, 1);
    add("map.no_data", "map: no-data label", C, L.caption, L.touch * 2.5f, 1);

    // What did you buy? (screen_product.cpp): the cards of a 4-column grid (2 in portrait).
    const Box c = L.content;
    add("where.you_live_in", "product: first line", B, L.body, c.w(), 1);
    add("what.title", "product: the question", H, L.h1, c.w(), 1, 1.1f);
    const int cols = L.portrait ? 2 : 4;
    const float g = L.gap * 0.8f;
    const float card = (c.w() - (cols - 1) * g) / cols - 1.6f * L.pad;
    const bool large = card > metrics.mm(60);
    add("product.name", "product: card name", large ? H : B, large ? L.h2 : L.body, card, 2);
    add("what.price", "product: card price", C, large ? L.body : L.caption, card, 1);

    // The trail (screen_trail.cpp): its story panel is layout.cpp's trail_story; a short panel
    // is compact (headline at body size, no caption, short step line).
    const Box S = L.trail_story;
    const Box tin = S.inset(L.pad * 1.2f, L.pad);
    const bool compact = S.h() < metrics.mm(80);
    const float headline = compact ? L.body : L.h1;
    for (const char* k : {"trail.headline", "trail.headline_one", "trail.headline_home",
                          "trail.headline_here", "trail.headline_here_one"})
        add(k, "trail: headline", H, headline, tin.w(), compact ? 5 : 6, 1.1f);
    add("trail.range", "trail: range line", B, L.caption, tin.w(), 2, 1.0f);
    add("equivalent.text", "trail: everyday comparison", B, L.caption, tin.w(), 3);
    add(compact ? "trail.step_of_short" : "trail.step_of", "trail: step line", B, L.caption,
        tin.w(), 2, 1.0f);
    const float dots_w = compact ? 4 * L.caption * 0.9f * 2.f : 0.f;
    add("trail.chains_leaving", "trail: chains title", H, compact ? L.caption * 1.1f : L.h2 * 0.85f,
        tin.w() - dots_w, 1);
    add("trail.chains_furthest", "trail: chains title", H,
        compact ? L.caption * 1.1f : L.h2 * 0.85f, tin.w() - dots_w, 1);
    add("trail.chains_step", "trail: chains title", H, compact ? L.caption * 1.1f : L.h2 * 0.85f,
        tin.w() - dots_w, 1);
    const float row = tin.w() > metrics.mm(90) ? L.body : L.caption;
    add("trail.chains_none", "trail: no chains", B, row, tin.w(), 2, 1.0f);
    for (const char* k : {"trail.failed", "trail.loading"})
        add(k, "trail: waiting or failed", H, L.h1, tin.w(), 3, 1.1f);
    // Under the buyer's province on the map: the product marker's label.
    add("trail.your_product", "trail: map label", B, L.caption, L.trail_map.w() * 0.5f, 1);

    // The big picture (screen_big_picture.cpp): story card.
    const Box bin = L.story.inset(L.pad * 1.2f, L.pad);
    add("big.caption", "big picture: caption", B, L.caption, bin.w(), 1);
    add("big.headline", "big picture: headline", H, L.h1, bin.w(), 5, 1.12f);
    add("big.policy", "big picture: policy point", B, L.body, bin.w(), 6);
    add("big.flows_title", "big picture: flows title", B, L.caption, bin.w(), 2, 1.0f);
    add("big.failed", "big picture: failed", H, L.h1, bin.w(), 3, 1.1f);

    // The big picture's views (big_picture_views.cpp): the toggle's two buttons share 2/5 of the
    // map's width with the lever (labels shrink to 16 px, two lines at most); the sentence why.
    const float choice_gap = std::max(L.gap * 0.5f, metrics.mm(2.f));
    const float toggle_w = ((L.map.w() - choice_gap * 2) * 0.4f - choice_gap) / 2 - 0.8f * L.pad;
    const int toggle_lines = std::max(1, int((L.touch - 0.4f * L.pad) / (floor_px * 1.25f)));
    for (const char* k : {"big.view_territorial", "big.view_consumption"})
        add(k, "big picture: responsibility toggle", B, floor_px, toggle_w, toggle_lines);
    for (const char* k : {"big.view_why_territorial", "big.view_why_consumption"})
        add(k, "big picture: why the views differ", B, L.caption, bin.w(), 5);

    // What if? (screen_what_if.cpp): story card and the map's legend.
    add("what_if.caption", "what if: caption", B, L.caption, bin.w(), 1);
    add("what_if.title", "what if: title", H, L.h1, bin.w(), 2, 1.1f);
    add("what_if.note", "what if: note", B, L.caption, bin.w(), 3);
    // The short form is what a small panel keeps room for: one line.
    add("what_if.note_short", "what if: short note", B, L.caption, bin.w(), 1);
    add("what_if.failed", "what if: failed", B, L.body, bin.w(), 3, 1.15f);
    add("what_if.legend", "what if: map legend", B, L.caption, L.map.w() - L.caption - 2 * L.pad,
        2);

    // About (screen_about.cpp): two columns where the panel is wide enough. The paragraphs
    // drop to caption size when they do not all fit at body size: together they share the
    // column below the title and the year, none more than 40 % of it.
    const bool two = !L.portrait && c.w() > metrics.mm(120);
    const float col_w = two ? (c.w() - L.gap * 2) / 2 : c.w();
    add("about.title", "about: title", H, L.h1, col_w, 1, 1.1f);
    add("about.model_year", "about: year line", B, L.body, col_w, 1, 1.0f);
    const float para_room = c.h() - L.h1 * 1.1f - L.body - 1.3f * L.pad - 3 * L.pad * 0.8f;
    const int para_lines = std::max(1, int(para_room * 0.4f / (L.caption * 1.25f)));
    for (const char* k : {"about.method", "about.caveat", "about.ranges"})
        add(k, "about: paragraph", B, L.caption, col_w, para_lines);
    add("about.sources", "about: sources heading", H, L.h2, col_w, 1);
    add("about.more_sources", "about: more sources button", B, floor_px, col_w - 1.2f * L.pad, 1);
    // One source must fit on a page of its own (the whole width, under the heading).
    add("equivalent.source", "about: a source", C, L.caption, c.w(),
        std::max(1, int((c.h() - L.h2 * 2) / (L.caption * 1.25f))));

    // Unavailable (screen_unavailable.cpp): centred, one line each in both languages.
    const float uw = std::min(L.canvas.w() - 2 * L.outer, L.h1 * 22);
    add("unavailable.title", "resting screen: title", H, L.h1, uw, 1);
    add("unavailable.ask_staff", "resting screen", B, L.body, uw, 1);
    return out;
}

const std::vector<UnboxedKey>& unboxed_keys() {
    static const char* const kAdmin = "admin mode (staff only)";
    static const std::vector<UnboxedKey> keys = {
        {"button.with_arrow", "wraps the next button's label (measured with it)"},
        {"attract.credit", "left out where its line has no room (small panels)"},
        {"number.kg", "unit inside a number"},
        {"number.t", "unit inside a number"},
        {"number.ten_thousand", "unit inside a number"},
        {"number.yuan", "unit inside a number"},
        {"number.approx", "the trail's big number"},
        {"trail.step1", "inside the step line"},
        {"trail.step2", "inside the step line"},
        {"trail.step3", "inside the step line"},
        {"trail.step4", "inside the step line"},
        {"trail.step_of", "the step line of a large panel (not at 800x480)"},
        {"trail.story_caption", "the story caption of a large panel (not at 800x480)"},
        {"trail.split.home", "a label of the share bar, shortened where it is narrow"},
        {"trail.split.coast", "a label of the share bar, shortened where it is narrow"},
        {"trail.split.centre_west", "a label of the share bar, shortened where it is narrow"},
        {"trail.split.northeast", "a label of the share bar, shortened where it is narrow"},
        {"trail.split.coast_short", "a label of the share bar"},
        {"trail.split.centre_west_short", "a label of the share bar"},
        {"trail.split.percent", "a number"},
        {"trail.legend_bubble", "map legend of a large panel (not at 800x480)"},
        {"trail.legend_arc", "map legend of a large panel (not at 800x480)"},
        {"trail.legend_no_data", "map legend of a large panel (not at 800x480)"},
        {"trail.legend_centre_west", "map legend of a large panel (not at 800x480)"},
        {"big.arc_mt", "a number on the map"},
        {"big.view_home", "a figure row: wraps with its numbers, left out when no room"},
        {"big.view_china", "a figure row: wraps with its numbers, left out when no room"},
        {"big.view_change", "a figure in big.view_home / big.view_china when a lever step shows"},
        {"big.view_unchanged",
         "a figure in big.view_home / big.view_china that a lever step leaves as it was"},
        {"big.view_scenario", "inside the big picture's why sentence"},
        {"what_if.product_now", "a figure row: wraps with its numbers, left out when no room"},
        {"what_if.product_change", "a figure row: wraps with its numbers, left out when no room"},
        {"what_if.elsewhere_now", "a figure row: wraps with its numbers, left out when no room"},
        {"what_if.elsewhere_change", "a figure row: wraps with its numbers, left out when no room"},
        {"what_if.national_now", "a figure row: wraps with its numbers, left out when no room"},
        {"what_if.national_change", "a figure row: wraps with its numbers, left out when no room"},
        {"big.flow_row", "a share row: its words are clipped beside the figure"},
        {"big.year_importers", "filled with region names; said only where it fits whole"},
        {"big.year_became_importers", "filled with region names; said only where it fits whole"},
        {"big.year_became_exporters", "filled with region names; said only where it fits whole"},
        {"big.year_no_change", "the year switch's finding; said only where it fits whole"},
        {"big.year_largest_change", "filled with region names; said only where it fits whole"},
        {"big.year_loading", "one short line under the year buttons"},
        {"about.mi_source", "a source in About's list (paged like the others)"},
        {"about.mi_agrees", "follows about.mi_source in About's list (paged like the others)"},
        {"about.mi_differs", "follows about.mi_source in About's list (paged like the others)"},
        {"about.net_importer", "a word in about.mi_agrees / about.mi_differs"},
        {"about.net_exporter", "a word in about.mi_agrees / about.mi_differs"},
        {"big.legend_coast", "map legend"},
        {"big.legend_interior", "map legend"},
        {"big.legend_arc", "map legend"},
        // Admin mode's pages are for staff, not curators: looked at in both languages at every
        // panel size when they change, not measured here.
        {"admin.back", kAdmin},
        {"admin.cal.hint", kAdmin},
        {"admin.calibrate", kAdmin},
        {"admin.clock", kAdmin},
        {"admin.clock.set", kAdmin},
        {"admin.export", kAdmin},
        {"admin.leave", kAdmin},
        {"admin.no", kAdmin},
        {"admin.pin.clear", kAdmin},
        {"admin.pin.ok", kAdmin},
        {"admin.pin.title", kAdmin},
        {"admin.pin.wait", kAdmin},
        {"admin.power_off", kAdmin},
        {"admin.reboot", kAdmin},
        {"admin.restart", kAdmin},
        {"admin.save", kAdmin},
        {"admin.save_restart", kAdmin},
        {"admin.settings", kAdmin},
        {"admin.settings.home", kAdmin},
        {"admin.settings.home_none", kAdmin},
        {"admin.settings.idle", kAdmin},
        {"admin.settings.language", kAdmin},
        {"admin.status", kAdmin},
        {"admin.status.clock", kAdmin},
        {"admin.status.disk", kAdmin},
        {"admin.status.frames", kAdmin},
        {"admin.status.model", kAdmin},
        {"admin.status.top", kAdmin},
        {"admin.status.uptime", kAdmin},
        {"admin.status.version", kAdmin},
        {"admin.status.visits", kAdmin},
        {"admin.status.visits_none", kAdmin},
        {"admin.title", kAdmin},
        {"admin.touch.hint", kAdmin},
        {"admin.touch_test", kAdmin},
        {"admin.unknown", kAdmin},
        {"admin.update", kAdmin},
        {"admin.year", kAdmin},
        {"admin.year.now", kAdmin},
        {"admin.yes", kAdmin},
    };
    return keys;
}

std::vector<std::string> keys_the_code_uses() {
    std::vector<std::string> keys;
    for (const TextBox& b : text_boxes(Layout{}, Metrics{}))
        if (b.key.find('.') != std::string::npos && b.key.rfind("product.", 0) != 0 &&
            b.key.rfind("equivalent.", 0) != 0)
            keys.push_back(b.key);
    // Both step lines are used whatever the panel (the table lists the one of its layout).
    keys.push_back("trail.step_of");
    keys.push_back("trail.step_of_short");
    for (const UnboxedKey& u : unboxed_keys()) keys.emplace_back(u.key);
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    return keys;
}

} // namespace ctrail::ui
