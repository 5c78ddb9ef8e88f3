// ExhibitApp's insides, shared by the files that draw its screens (screen_*.cpp), its controls,
// text layout, map layers, overlays and its frame logic. Not part of the ui library's public
// interface.
#pragma once

#include "admin_ui.hpp"
#include "box.hpp"
#include "content.hpp"
#include "exhibit_app.hpp"
#include "exhibit_state.hpp"
#include "journey.hpp"
#include "label_placement.hpp"
#include "story_data.hpp"
#include "visit_observer.hpp"
#include "what_if_table.hpp"
#include "year_switch.hpp"

#include "fonts.hpp"
#include "icons.hpp"
#include "map_asset.hpp"
#include "map_view.hpp"
#include "text_table.hpp"
#include "theme.hpp"
#include "worker.hpp"

#include <exhibit_model.hpp>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ctrail::ui {

// Where things go on the canvas (landscape: map left ~60 %, story right; portrait: map on top),
// and the type sizes that fit the story panel.
struct Layout {
    bool portrait = false;
    Box canvas, content, map, story, bar;
    Box home, lang, back, next;
    // The trail's own split (a narrow or short panel gives the story more room than `story`);
    // text_boxes.cpp measures its texts in trail_story too.
    Box trail_map, trail_story;
    float outer = 0, gap = 0, pad = 0;
    float caption = 16, body = 20, h2 = 24, h1 = 32, hero = 60;
    float touch = 0;
};

struct Ease {
    // 0..1 progress of an animation that started at `start` and lasts `duration` seconds,
    // ease-in-out (style guide: 250–600 ms transitions).
    static float in_out(double now, double start, double duration);
};

struct ExhibitApp::Impl {
    AppConfig config;
    Metrics metrics;
    FontSet fonts;
    Texts texts;
    Content content;
    std::optional<MapAsset> map_asset;
    std::unique_ptr<MapView> map_view;
    Box map_fitted;
    // Shared with the worker's jobs: no lifetime depends on member order.
    std::shared_ptr<const ctrail::ExhibitModel> model;
    std::vector<int> map_to_model, model_to_map; // province index <-> model region index
    JobSlot<BigPicture> big_job;
    std::optional<BigPicture> big;
    bool big_failed = false; // the engine could not compute it (logged)
    YearSwitch years;        // the big picture's 2007 / 2012 / 2017 (year_switch.hpp)
    Journey journey;
    std::vector<std::string> keep_words; // never split across lines: the province names
    int home = -1; // model index of the museum's own province (AppConfig::home_region), or -1
    // A brief message over the screen until notice_until (e.g. why Tibet has no data).
    std::string notice;
    double notice_until = 0;
    // About: how its sources were paged this frame (for the state file).
    int about_pages = 0, about_source_count = 0, about_sources_in_chinese = 0;
    std::string about_sources;
    ExhibitState state;
    std::map<std::string, Box, std::less<>> targets, last_targets;

    // The trace behind the trail, computed off the UI thread.
    JobSlot<ExhibitTrace> trace_job;
    std::optional<ExhibitTrace> trace;
    std::string trace_request;       // "region/product" of the running or last trace
    double trace_at = -1;            // when the result arrived (fade-in)
    bool trace_failed = false;       // the engine refused the request (logged)
    ExhibitTraceRanges trace_ranges; // the ensemble's ranges beside it (known = false: none)

    // The what-if lever (what_if_view.cpp): the curator's steps (empty: no lever, the table was
    // unusable and logged) and the engine's figures per step for this visit's product, computed
    // on the worker one step at a time; the screens show the last arrived step until the asked
    // one comes.
    std::vector<WhatIfStep> what_if_steps;
    using WhatIfOutcome = std::pair<int, WhatIf>; // step, figures
    JobSlot<WhatIfOutcome> what_if_job;
    std::map<int, WhatIf> what_if_results;       // by step, for what_if_key
    std::string what_if_key;                     // "region/product" of the results
    int what_if_asked = -1;                      // the step the running job computes
    int what_if_shown = -1, what_if_before = -1; // the step shown, the one it grew from
    double what_if_at = 0;                       // when the shown step arrived (animation)
    bool what_if_failed = false;                 // the engine refused (logged)

    double now = 0;
    bool first_frame = true;
    double screen_at = 0; // when the current screen appeared
    VisitObserver visits; // reports the visit to config.visit_events
    Screen last_screen = Screen::Attract;
    int last_step = 0;
    double step_at = 0;           // when the current trail step began
    double busy_until = 0;        // animations run until then (settled())
    double transitions_until = 0; // screen, step and trace fades end then (drawn())
    bool input_blocked = false;   // an overlay swallows this frame's touches
    bool overlay_swallow = false;
    ImDrawList* dl = nullptr;
    Layout L;
    AdminUi admin;
    bool display_off = false; // outside the opening hours (set by the platform)
    // Last member: destroyed first, so its thread has joined before anything else goes.
    Worker worker;

    // --- exhibit_app.cpp
    void log(int level, const std::string& message) const;
    void become_unavailable(const std::string& reason);
    // DATA_DIR/text and DATA_DIR/content over the packaged ones (overrides.hpp), logged.
    void apply_curator_overrides();
    void start_trace();
    void poll_jobs();
    void animate_until(double t) {
        if (t > busy_until) busy_until = t;
    }
    // A one-off fade (new screen, trail step, trace arrived): a screenshot waits for its end.
    void transition_until(double t) {
        animate_until(t);
        if (t > transitions_until) transitions_until = t;
    }
    // The one way a visit ends (Start again, About's finish, the idle reset): everything the
    // visitor chose or caused is forgotten, a running trace is dropped.
    // About's Finish button ends a visit without naming a reason: the visitor finished.
    void end_visit(VisitEnd why = VisitEnd::Finished);
    bool visit_in_progress() const; // past the sleeping attract screen
    bool zh() const { return journey.language() == "zh"; }
    Lang lang() const { return zh() ? Lang::Zh : Lang::En; }
    const ExhibitRegion* region(int model_index) const;
    std::string region_name(int model_index) const;
    int model_region(const std::string& code) const;
    const Product* product() const;
    void fit_map(Box area);

    // --- layout.cpp
    void compute_layout(ImVec2 canvas);
    void trail_split(); // L.trail_map and L.trail_story from L.map and L.story

    // --- text_layout.cpp
    ImVec2 measure(ImFont* font, float size, const char* text, float wrap = 0) const;
    // The loaded face that renders `size` best: a font drawn well below the size its atlas was
    // built at loses thin strokes (dots, hyphens), so smaller sizes move to a smaller face.
    ImFont* pick(ImFont* font, float size) const;
    // Draws wrapped text; returns its height.
    float text(ImFont* font, float size, ImVec2 pos, ImU32 colour, const char* text,
               float wrap = 0);
    float text_centred(ImFont* font, float size, Box b, ImU32 colour, const char* text);
    // A line of coloured runs ("58%" in amber, " of your car's CO2" in white), wrapped by the
    // rules of line_break.hpp (spaces in English, between characters in Chinese, never inside
    // a number or a province name). Returns the height.
    struct Run {
        std::string text;
        ImU32 colour;
    };
    float runs(ImFont* font, float size, ImVec2 pos, float wrap, const std::vector<Run>& runs,
               float line_gap = 1.1f, bool draw = true);
    // A wrapped paragraph (Chinese wraps between any two characters); returns its height.
    float paragraph(ImFont* font, float size, ImVec2 pos, float wrap, ImU32 colour,
                    const char* text, bool draw = true) {
        return runs(font, size, pos, wrap, {{text, colour}}, 1.25f, draw);
    }
    // Text with {name} placeholders as coloured runs (placeholders in their own colours).
    struct Arg {
        const char* name;
        std::string value;
        ImU32 colour;
    };
    std::vector<Run> template_runs(const char* pattern, ImU32 base,
                                   const std::vector<Arg>& args) const;
    std::string plain(const std::vector<Run>& runs) const;

    // --- controls.cpp
    bool hit(const char* id, Box b); // tappable area; true when tapped
    bool primary_button(const char* id, Box b, const char* label, bool arrow = true);
    bool secondary_button(const char* id, Box b, const char* label,
                          std::optional<IconId> icon = std::nullopt, bool selected = false,
                          float text_size = 0); // 0: body
    // A number on screen is recorded in the state (with the engine value it came from) once
    // it has been drawn, never before: what the state file lists is what a visitor sees.
    static ShownFigure figure(std::string id, double engine, std::string unit, std::string shown) {
        return {std::move(id), engine, std::move(unit), std::move(shown)};
    }
    void record(ShownFigure f);
    // One row of a share list (the trail's chains, the big picture's flows): the words, the
    // figure on the right and a bar `fraction` of the width long. Draws and records it and
    // moves y on, or returns false (nothing drawn) when it does not fit above `bottom`.
    struct ShareRowStyle {
        ImU32 words, figure, bar, track;
        float fit_margin; // room the row needs beyond itself
        float gap_after;
    };
    bool share_row(Box in, float& y, float bottom, float size, const std::string& words,
                   const ShownFigure& pct, double fraction, const ShareRowStyle& style);
    void panel_card(Box b);
    // Home, the language pair, Back (on the screens the journey can step back from) and the
    // next action; true when the next action was tapped.
    bool bottom_bar(const char* next_id, const char* next_label, bool show_home = true,
                    bool next_primary = true);
    void language_switch(Box b);
    void step_dots(ImVec2 pos, int count, int current, float size);
    float icon_stroke(float icon_size) const;

    // --- admin_mode.cpp: the gesture, entering and leaving, jobs, applying settings
    void admin_input();
    void enter_admin();
    void leave_admin();
    void refresh_admin_info(bool force);
    void submit_pin();
    void admin_action(const char* name, std::function<std::string()> job);
    void apply_admin_settings(const AdminSettings& settings);
    void poll_admin_jobs();
    // --- screen_admin.cpp
    Box admin_header(const char* title, bool leave);
    void draw_admin();
    void draw_admin_pin();
    void draw_admin_menu();
    void draw_admin_status();
    void draw_admin_touch_test();
    void draw_admin_calibrate();
    void draw_admin_settings();
    void draw_admin_year();
    void draw_admin_clock();

    // --- overlays.cpp
    void overlays(bool blocked_before);

    // --- map_layers.cpp
    // mark_no_data: provinces without model data get the no-data fill and hatching (pair with
    // draw_no_data_labels); false on the decorative attract map.
    // `tinted` (map province indices) are filled with `tint` (the trail's centre and west).
    void draw_map_base(bool mark_no_data = true, const std::vector<int>& tinted = {},
                       ImU32 tint = 0);
    void draw_no_data_labels();
    // Map labels that never overlap each other, a reserved box or another mark: reserve() a
    // box, label_dot() a bubble, place_label() returns a label's top-left corner beside its
    // mark of radius r, or nothing when every place clashes (label_placement.hpp).
    LabelPlacer labels;
    void reserve(Box b) { labels.reserve(b); }
    void label_dot(ImVec2 c, float r) { labels.add_dot({c, r}); }
    std::optional<ImVec2> place_label(ImVec2 anchor, ImVec2 size, float r, Box bounds) {
        return labels.place({anchor, r}, size, bounds);
    }

    // --- screens
    void draw_unavailable();
    void draw_attract();
    void draw_region();
    void region_map_taps(Box map_box); // screen_region.cpp: the map as a province picker
    void draw_notice(Box over);        // the brief message, when one is showing
    void draw_product();
    void draw_trail();
    void draw_what_if();
    void draw_big_picture();
    // screen_years.cpp: the year buttons on the map; the shown year's findings in the story
    // panel from y (returns the new y).
    void draw_year_switch(Box row); // the buttons share `row` (the story panel's top)
    float year_story(Box in, float y,
                     const std::function<std::string(const std::string&)>& group_name);
    // About: the Southwest in 2007 and 2012 beside Mi et al. 2017 (docs/VALIDATION.md's row);
    // "" until both years are open.
    std::string years_vs_paper() const;
    // --- what_if_view.cpp: the lever's data and the pieces both screens draw
    void load_what_if_steps(); // the packaged table, a curator's override over it, checked
    void poll_what_if();       // takes an arrived step, asks for the next one needed
    const WhatIf* what_if_result(int step) const;
    // The cut from `from` to `to` as a share (0 when nothing was cut), recorded as `id`; the
    // texts put the minus sign.
    static ShownFigure cut_figure(std::string id, double from, double to);
    // A button of a set of choices (the lever's steps, the toggle's views): its label wraps
    // inside; true when tapped while not selected.
    bool choice_button(const char* id, Box b, const std::string& label, bool selected);
    // The lever's buttons in `b` (one row); true when a step was chosen this frame.
    bool draw_lever(Box b, const char* id_prefix);
    // Province bubbles of `value(account)` kg (territorial or consumption), areas to scale with
    // `reference_kg`, growing from `from` to `to` as `t` runs 0..1; `outline` rings today's size.
    void draw_bubbles(const std::vector<RegionAccount>* from, const std::vector<RegionAccount>& to,
                      float t, bool consumption, double reference_kg,
                      const std::vector<RegionAccount>* outline);
    // The big picture's hooks (big_picture_views.cpp): a row of controls over the map (the
    // responsibility toggle and the lever), the map below it, province bubbles under the arcs,
    // and the chosen view's figures in the story panel.
    Box big_map_area() const;
    void draw_big_controls();
    void draw_big_bubbles();
    float draw_big_accounts(Box in, float y); // returns the new y
    void draw_about();
};

// screen_unavailable.cpp: the resting screen's own words, used when the text tables are what is
// broken (the screen must still speak both languages); their glyphs go into the font atlas.
const std::vector<std::string>& resting_words();

} // namespace ctrail::ui
