// ExhibitApp's insides, shared by the files that draw its screens (screen_*.cpp), its widgets
// and its frame logic. Not part of the ui library's public interface.
#pragma once

#include "async_result.hpp"
#include "box.hpp"
#include "content.hpp"
#include "exhibit_app.hpp"
#include "exhibit_state.hpp"
#include "journey.hpp"

#include "fonts.hpp"
#include "icons.hpp"
#include "map_asset.hpp"
#include "map_view.hpp"
#include "text_table.hpp"
#include "theme.hpp"

#include <exhibit_model.hpp>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ctrail::ui {

// The trail's steps: the product's own factories (stage 0), their suppliers (1), the suppliers'
// suppliers (2), and everything further back (3 and beyond).
inline constexpr int kTrailSteps = 4;
inline constexpr int kTrailPaths = 8; // arcs on the map

// Where things go on the canvas (landscape: map left ~60 %, story right; portrait: map on top),
// and the type sizes that fit the story panel.
struct Layout {
    bool portrait = false;
    Box canvas, content, map, story, bar;
    Box home, lang, next;
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
    std::unique_ptr<ctrail::ExhibitModel> model;
    std::vector<int> map_to_model, model_to_map; // province index <-> model region index
    AsyncResult<BigPicture> big_job;
    std::optional<BigPicture> big;
    Journey journey;
    ExhibitState state;
    std::map<std::string, Box, std::less<>> targets, last_targets;

    // The trace behind the trail, computed off the UI thread.
    AsyncResult<ExhibitTrace> trace_job;
    std::optional<ExhibitTrace> trace;
    std::string trace_request; // "region/product" of the running or last trace
    double trace_at = -1;      // when the result arrived (fade-in)
    bool trace_failed = false; // the engine refused the request (logged)

    double now = 0;
    bool first_frame = true;
    double screen_at = 0; // when the current screen appeared
    Screen last_screen = Screen::Attract;
    int last_step = 0;
    double step_at = 0;    // when the current trail step began
    double busy_until = 0; // animations run until then (settled())
    int region_page = 0;
    bool input_blocked = false; // an overlay swallows this frame's touches
    bool overlay_swallow = false;
    ImDrawList* dl = nullptr;
    Layout L;

    // --- exhibit_app.cpp
    void log(int level, const std::string& message) const;
    void become_unavailable(const std::string& reason);
    void start_trace();
    void poll_jobs();
    void animate_until(double t) {
        if (t > busy_until) busy_until = t;
    }
    bool zh() const { return journey.language() == "zh"; }
    Lang lang() const { return zh() ? Lang::Zh : Lang::En; }
    const ExhibitRegion* region(int model_index) const;
    std::string region_name(int model_index) const;
    int model_region(const std::string& code) const;
    const Product* product() const;
    void fit_map(Box area);

    // --- layout.cpp
    void compute_layout(ImVec2 canvas);

    // --- widgets.cpp
    bool hit(const char* id, Box b); // tappable area; true when tapped
    bool primary_button(const char* id, Box b, const char* label, bool arrow = true);
    bool secondary_button(const char* id, Box b, const char* label,
                          std::optional<IconId> icon = std::nullopt, bool selected = false,
                          float text_size = 0); // 0: body
    ImVec2 measure(ImFont* font, float size, const char* text, float wrap = 0) const;
    // The loaded face that renders `size` best: a font drawn well below the size its atlas was
    // built at loses thin strokes (dots, hyphens), so smaller sizes move to a smaller face.
    ImFont* pick(ImFont* font, float size) const;
    // Draws wrapped text; returns its height.
    float text(ImFont* font, float size, ImVec2 pos, ImU32 colour, const char* text,
               float wrap = 0);
    float text_centred(ImFont* font, float size, Box b, ImU32 colour, const char* text);
    // A line of coloured runs ("58%" in amber, " of your car's CO2" in white), wrapped at
    // spaces (English) or anywhere (Chinese). Returns the height.
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
    std::string figure(const std::string& id, double engine, const std::string& unit,
                       const std::string& shown);
    void panel_card(Box b);
    bool bottom_bar(const char* next_id, const char* next_label, bool show_home = true,
                    bool next_primary = true);
    void language_switch(Box b);
    void overlays(bool blocked_before);
    // mark_no_data: provinces without model data get the no-data fill and hatching (pair with
    // draw_no_data_labels); false on the decorative attract map.
    void draw_map_base(bool mark_no_data = true);
    void draw_no_data_labels();
    // Text with {name} placeholders as coloured runs (placeholders in their own colours).
    struct Arg {
        const char* name;
        std::string value;
        ImU32 colour;
    };
    std::vector<Run> template_runs(const char* pattern, ImU32 base,
                                   const std::vector<Arg>& args) const;
    std::string plain(const std::vector<Run>& runs) const;
    void step_dots(ImVec2 pos, int count, int current, float size);
    // Map labels that never overlap: reserve() a box, place_label() tries right, left, above
    // and below a mark of radius r and returns the top-left corner, or nothing when all clash.
    std::vector<Box> label_boxes;
    void reserve(Box b) { label_boxes.push_back(b); }
    std::optional<ImVec2> place_label(ImVec2 anchor, ImVec2 size, float r, Box bounds);
    float icon_stroke(float icon_size) const;

    // --- screens
    void draw_unavailable();
    void draw_attract();
    void draw_region();
    void draw_product();
    void draw_trail();
    void draw_big_picture();
    void draw_about();
};

} // namespace ctrail::ui
