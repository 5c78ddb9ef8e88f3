// Where things go: millimetre rules from the style guide (via Metrics), fitted to the canvas.
#include "app_internal.hpp"

#include <algorithm>

namespace ctrail::ui {

void ExhibitApp::Impl::compute_layout(ImVec2 size) {
    Layout& l = L;
    const Metrics& m = metrics;
    l.canvas = Box(ImVec2(0, 0), size);
    l.portrait = size.y > size.x;
    l.touch = m.touch_target();
    l.outer = std::min(m.margin(), std::min(size.x, size.y) * 0.045f);
    l.gap = std::min(m.gap(), std::min(size.x, size.y) * 0.035f);
    l.pad = l.gap;

    // Bottom bar: Home and the language switch on the left, the one next action on the right.
    const float bar_h = std::max(l.touch, std::min(m.primary_button_height(), size.y * 0.2f));
    l.bar = Box(l.outer, size.y - l.outer - bar_h, size.x - l.outer, size.y - l.outer);
    l.content = Box(l.outer, l.outer, size.x - l.outer, l.bar.min.y - l.gap);

    // Type sizes: the components' font sizes, made smaller where the panel is narrow (small
    // screens) but never below the 16 px floor.
    const float body = std::max(16.f, fonts.body_px);
    l.body = body;
    l.caption = std::max(16.f, fonts.caption_px);
    if (l.portrait) {
        const float map_h = l.content.h() * 0.46f;
        l.map = Box(l.content.min, ImVec2(l.content.max.x, l.content.min.y + map_h));
        l.story = Box(l.content.min.x, l.map.max.y + l.gap, l.content.max.x, l.content.max.y);
    } else {
        const float map_w = l.content.w() * 0.6f;
        l.map = Box(l.content.min, ImVec2(l.content.min.x + map_w, l.content.max.y));
        l.story = Box(l.map.max.x + l.gap, l.content.min.y, l.content.max.x, l.content.max.y);
    }
    const float story_w = l.story.w() - 2 * l.pad;
    l.h1 = std::clamp(story_w / 15.f, body * 1.15f, std::max(body * 1.15f, fonts.headline_px));
    l.h2 = std::clamp(l.h1 * 0.8f, body * 1.05f, l.h1);
    l.hero = std::clamp(std::min(story_w / 7.f, l.story.h() * 0.2f), l.h1,
                        std::max(l.h1, fonts.hero_px));

    trail_split();

    // The bar's pieces: Home (icon + word), the language pair, Back, the next action.
    const float home_w = std::max(l.touch * 1.9f, measure(fonts.body, body, tr("home.button")).x +
                                                      l.touch * 0.9f + l.pad);
    l.home = Box(l.bar.min, ImVec2(l.bar.min.x + home_w, l.bar.max.y));
    const float lang_w = std::max(l.touch * 2.6f, measure(fonts.body, body, "English").x * 2.6f);
    l.lang = Box(l.home.max.x + l.gap, l.bar.min.y, l.home.max.x + l.gap + lang_w, l.bar.max.y);
    // Back (one step, no question) follows the language pair; the next action takes the rest.
    const float back_w =
        std::max(l.touch * 1.4f, measure(fonts.body, body, tr("nav.back")).x + l.touch * 0.5f);
    const float room = l.bar.max.x - l.lang.max.x - l.gap;
    // Landscape always keeps one bar (the next action shrinks); portrait moves it up a row.
    if (!l.portrait || room >= back_w + l.gap + l.touch * 3.f) {
        l.back = Box(l.lang.max.x + l.gap, l.bar.min.y, l.lang.max.x + l.gap + back_w, l.bar.max.y);
        const float next_room = l.bar.max.x - l.back.max.x - l.gap;
        const float next_w = std::min(next_room, std::max(l.touch * 4.f, size.x * 0.3f));
        l.next = Box(l.bar.max.x - next_w, l.bar.min.y, l.bar.max.x, l.bar.max.y);
    } else {
        // Narrow: the next action gets its own full-width row above Home + language (+ Back
        // where it fits, else at the row's left).
        l.next = Box(l.bar.min.x, l.bar.min.y - l.gap - bar_h, l.bar.max.x, l.bar.min.y - l.gap);
        if (room >= back_w) {
            l.back = Box(l.bar.max.x - back_w, l.bar.min.y, l.bar.max.x, l.bar.max.y);
        } else {
            l.back = Box(l.next.min.x, l.next.min.y, l.next.min.x + back_w, l.next.max.y);
            l.next.min.x = l.back.max.x + l.gap;
        }
        l.content.max.y = l.next.min.y - l.gap;
        const float map_h = l.content.h() * 0.46f;
        l.map = Box(l.content.min, ImVec2(l.content.max.x, l.content.min.y + map_h));
        l.story = Box(l.content.min.x, l.map.max.y + l.gap, l.content.max.x, l.content.max.y);
        trail_split();
    }
}

void ExhibitApp::Impl::trail_split() {
    Layout& l = L;
    // A narrow landscape panel (800x480) cannot hold the story and three chains: the trail
    // gives the story half the width there (a small portrait one, more of the height).
    l.trail_map = l.map;
    l.trail_story = l.story;
    if (!l.portrait && l.story.w() < metrics.mm(75)) {
        const float mid = l.content.min.x + (l.content.w() - l.gap) * 0.5f;
        l.trail_map = Box(l.content.min, ImVec2(mid, l.content.max.y));
        l.trail_story = Box(mid + l.gap, l.content.min.y, l.content.max.x, l.content.max.y);
    } else if (l.portrait && l.story.h() < metrics.mm(80)) {
        // A small portrait panel: the story takes more of the height.
        const float mid = l.content.min.y + (l.content.h() - l.gap) * 0.36f;
        l.trail_map = Box(l.content.min, ImVec2(l.content.max.x, mid));
        l.trail_story = Box(l.content.min.x, mid + l.gap, l.content.max.x, l.content.max.y);
    }
}

} // namespace ctrail::ui
