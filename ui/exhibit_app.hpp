// The exhibit without its platform: loads texts, content, map, fonts and the model, and builds
// one ImGui frame of the visitor's journey per call. No SDL here: firmware/ owns the window,
// the event pump and the clock, and calls frame() between ImGui::NewFrame() and Render().
#pragma once

#include "admin.hpp"
#include "box.hpp"
#include "exhibit_state.hpp"
#include "fonts.hpp"
#include "visit_events.hpp"

#include <imgui.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ctrail::ui {

// One year of the model for the big picture's year switch (…/china-2017.sqlite).
struct YearModel {
    int year = 0;
    std::string path;
};

struct AppPaths {
    std::string model; // the model database the trail runs in (…/china-2007.sqlite)
    // The years the big picture can switch between, oldest first; each opens on first use.
    // A missing or damaged one loses its button (logged). Empty = no year switch.
    std::vector<YearModel> years;
    std::string content; // folder with products.tsv, equivalents.tsv
    std::string text;    // folder with en.tsv, zh.tsv
    // A curator's override folders (DATA_DIR/content, DATA_DIR/text; "" = none): read over the
    // packaged ones, a broken override ignored with its reason (overrides.hpp).
    std::string content_override, text_override;
    std::string map; // the map asset file
    FontFiles fonts; // the subset fonts (regular, bold, fallback)
};

struct AppConfig {
    AppPaths paths;
    float panel_width_mm = 0; // physical size of the canvas' panel; 0 = a default for the size
    float panel_height_mm = 0;
    double idle_timeout_s = 60;
    double countdown_s = 10;
    std::string language = "en";
    // The museum's own province (a model region code), listed first on "Where do you live?";
    // empty, or a code the model lacks (logged), lists none first.
    std::string home_region;
    // Admin mode (hidden gesture, PIN, status, actions); empty verify_pin = off.
    AdminHooks admin;
    // Visit figures for the admin status page (firmware/visits); empty = "not recorded".
    std::function<AdminVisitFigures()> visit_figures;
    // Log sink (level: 3 error, 4 warning, 6 info, 7 debug); default: stderr.
    std::function<void(int level, const std::string& message)> log;
    // Told each visit's transitions (ui/visit_events.hpp); empty = nothing recorded.
    VisitEventSink visit_events;
};

class ExhibitApp {
  public:
    explicit ExhibitApp(AppConfig config);
    ~ExhibitApp();
    ExhibitApp(const ExhibitApp&) = delete;
    ExhibitApp& operator=(const ExhibitApp&) = delete;

    // Loads everything for a canvas of this many pixels and builds ImGui's font atlas (the
    // platform uploads it afterwards). Never throws: what fails is logged, and without a model
    // the exhibit shows its calm "unavailable" screen. False when it is unavailable.
    bool load(ImVec2 canvas_px);

    // One frame of UI at app time `now_s` (seconds; any monotonic clock).
    void frame(double now_s);

    // Outside the opening hours the platform turns the display off: the app draws black and
    // does no other work; admin mode and the visit are left first.
    void set_display_off(bool off);
    const ExhibitState& state() const;
    // Where a tappable thing was drawn in the last frame ("start", "next", "home",
    // "home.yes", "home.no", "lang.en", "lang.zh", "region.SH", "map.SH", "product.car", ...).
    std::optional<Box> target(std::string_view id) const;
    // Every target drawn in the last frame, sorted (the headless monkey picks from them).
    std::vector<std::string> target_ids() const;
    // Nothing is moving or pending: no trace running, every animation finished.
    bool settled() const;
    // The screen is fully drawn: its fade-in and any trail-step fade are over and no result is
    // pending. Unlike settled(), endless animations (the countdown, a breathing dot) do not
    // count: a screenshot waits for drawn().
    bool drawn() const;
    // Work is running on the worker thread: a trace, the big picture, or admin mode's PIN check
    // or system action.
    bool engine_busy() const;

    struct Impl;

  private:
    std::unique_ptr<Impl> impl_;
};

} // namespace ctrail::ui
