// What the exhibit shows right now, as plain data that tests can read: the screen, the language,
// the visitor's choices, the trail stage, and every figure on screen next to the engine number
// it came from. The headless runner writes it beside each screenshot (state_to_tsv).
#pragma once

#include <string>
#include <vector>

namespace ctrail::ui {

enum class Screen { Unavailable, Attract, Region, Product, Trail, WhatIf, BigPicture, About };
const char* screen_name(Screen screen); // "attract", "region", ... (stable: tests use them)

// One number a visitor can read, with the engine value it was rounded from.
struct ShownFigure {
    std::string id;    // e.g. "trail.total_kg", "trail.region.HEB.share", "big.flow.0.share"
    double engine = 0; // the engine's number, full precision, in `unit`
    std::string unit;  // "kg", "share" (0..1), "km", "yuan", ...
    std::string shown; // the text on screen, e.g. "4.1 t", "71%"
};

struct ExhibitState {
    Screen screen = Screen::Attract;
    std::string language = "en";
    bool awake = false;     // attract: woken by a touch (the hint shows)
    std::string region;     // model code of "where you live", empty before
    std::string product;    // content id ("car"), empty before
    std::string sector;     // the product's model sector code
    double amount_yuan = 0; // the product's typical price (content table)
    int trail_stage = 0;    // 1..trail_stage_count on the trail
    int trail_stage_count = 0;
    bool trace_pending = false; // a trace is running off the UI thread
    // The big picture's year switch: the year shown, the year chosen (they differ while the
    // chosen year opens) and the years with a button ("2007 2012 2017"; "" = no switch).
    int year_shown = 0, year_chosen = 0;
    std::string years;
    // The big picture in a year of the switch: the regions it names as net importers of CO2
    // from the rest of China (the model's group names, comma-separated; in no order of size).
    std::string year_importers;
    bool home_confirm = false; // "Start again?" is open
    int region_page = 0;       // "Where do you live?": 0 the first page, g the g-th group
    std::string notice;        // a brief message on screen (e.g. why a province has no data)
    int about_page = 0;        // About: the page of sources shown (0-based) of about_pages
    int about_pages = 0;
    std::string about_sources;        // About: the sources on this page, as indices "0,1,..."
    int about_source_count = 0;       // About: every source (citations, then comparisons' sources)
    int about_sources_in_chinese = 0; // About: of those, how many are given in Chinese
    bool idle_countdown = false;      // "Resetting in N…" is shown
    int countdown_seconds = 0;
    std::string headline; // the trail's headline as shown
    // The what-if lever (what_if and big picture): the chosen step (0 = the model as built), its
    // id in what_if.tsv, and whether its figures are still being computed (the previous show).
    int lever = 0;
    std::string lever_step;
    bool what_if_pending = false;
    std::string what_if_caveat; // what_if: the "not a forecast" note as shown ("" = none)
    std::string responsibility = "territorial"; // big picture: or "consumption"
    std::string unavailable_reason;   // why the exhibit is unavailable (logged, not shown)
    std::vector<ShownFigure> figures; // this frame's numbers, in drawing order
    double time_s = 0;                // the app clock at this frame
    bool display_off = false;         // outside the opening hours: a black screen
    // Admin mode: the page ("off", "pin", "menu", ...; admin_ui.hpp), the seconds the PIN pad
    // still waits after wrong PINs, the last action's outcome ("export:ok"), the message's text
    // key, the page's value (settings, clock, ruler reading) and the touch test's last point.
    std::string admin = "off";
    int admin_wait = 0;
    std::string admin_result, admin_message, admin_value, admin_touch;
};

// `key<TAB>value` lines, then one `figure<TAB>id<TAB>engine<TAB>unit<TAB>shown` per figure.
// Engine values are written with 17 significant digits (round-trip).
std::string state_to_tsv(const ExhibitState& state);

} // namespace ctrail::ui
