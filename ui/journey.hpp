// The visitor's journey as a pure state machine (no drawing, no clock of its own): which screen,
// the trail step, the "Start again?" question, the attract screen's wake rule (any touch wakes it;
// a touch on a control also acts at once), Back, and the idle reset
// (idle_timeout seconds without a touch -> a countdown that any touch cancels -> Attract).
#pragma once

#include "exhibit_state.hpp"

#include <string>
#include <utility>

namespace ctrail::ui {

struct JourneyConfig {
    double idle_timeout_s = 60;  // no touch for this long starts the countdown
    double countdown_s = 10;     // "Resetting in 10…"
    std::string language = "en"; // language after every reset
};

class Journey {
  public:
    explicit Journey(JourneyConfig config = {});

    Screen screen() const { return screen_; }
    bool awake() const { return awake_; }
    const std::string& language() const { return language_; }
    const std::string& region() const { return region_; }
    const std::string& product() const { return product_; }
    int trail_step() const { return step_; } // 1-based on the trail, 0 elsewhere
    bool home_confirm() const { return home_confirm_; }
    int region_page() const { return region_page_; } // page of the province list shown
    int about_page() const { return about_page_; }   // page of About's sources shown
    const JourneyConfig& config() const { return config_; }
    // New defaults from admin mode's settings: the next idle timer and reset use them.
    void set_config(JourneyConfig config) { config_ = std::move(config); }

    // Any touch (or key) at time `now`: restarts the idle timer, cancels a countdown, wakes the
    // attract screen. Returns false when the touch must do nothing else: it cancelled the
    // countdown. A touch that wakes the attract screen also acts (one tap starts).
    bool touch(double now);
    // Advances the idle logic; true when it reset the journey to Attract this call (the app then
    // ends the visit).
    bool update(double now);
    bool counting_down(double now) const;
    int countdown_seconds(double now) const; // whole seconds left, rounded up

    void set_language(const std::string& code) { language_ = code; }
    void set_region_page(int page) { region_page_ = page; }
    void set_about_page(int page) { about_page_ = page; }
    void start();                                                // Attract -> Region
    void choose_region(const std::string& code);                 // Region -> Product
    void choose_product(const std::string& id, int trail_steps); // Product -> Trail, step 1
    bool next_step(); // the next trail step; false at the last
    // One step back, no question: trail step N -> N-1, trail step 1 -> Product,
    // Product -> Region, a later province page -> the first, Region -> Attract (awake).
    // False where there is no Back.
    bool back();
    int trail_steps() const { return steps_; }
    void what_if();     // the trail's last step -> WhatIf (the step after the trail)
    void big_picture(); // -> BigPicture
    // The what-if lever's step (0 = the model as built) and the big picture's responsibility
    // toggle (false: where it was released, true: whose shopping caused it); kept for the visit.
    int lever() const { return lever_; }
    void set_lever(int step) { lever_ = step < 0 ? 0 : step; }
    bool consumption_view() const { return consumption_view_; }
    void set_consumption_view(bool on) { consumption_view_ = on; }
    void about(); // -> About
    void ask_home() { home_confirm_ = true; }
    void cancel_home() { home_confirm_ = false; }
    void reset(); // -> Attract, asleep, default language, every choice forgotten
    void set_unavailable() { screen_ = Screen::Unavailable; }

  private:
    JourneyConfig config_;
    Screen screen_ = Screen::Attract;
    bool awake_ = false;
    std::string language_;
    std::string region_, product_;
    int step_ = 0, steps_ = 0;
    int region_page_ = 0;
    int about_page_ = 0;
    int lever_ = 0;
    bool consumption_view_ = false;
    bool home_confirm_ = false;
    double last_touch_ = 0;
};

} // namespace ctrail::ui
