#include "journey.hpp"

#include <cmath>

namespace ctrail::ui {

Journey::Journey(JourneyConfig config) : config_(std::move(config)), language_(config_.language) {}

bool Journey::counting_down(double now) const {
    if (screen_ == Screen::Unavailable) return false;
    if (screen_ == Screen::Attract && !awake_) return false; // nothing to reset
    return now - last_touch_ >= config_.idle_timeout_s;
}

int Journey::countdown_seconds(double now) const {
    if (!counting_down(now)) return 0;
    double left = config_.idle_timeout_s + config_.countdown_s - (now - last_touch_);
    return left <= 0 ? 0 : int(std::ceil(left - 1e-9));
}

bool Journey::touch(double now) {
    const bool was_counting = counting_down(now);
    last_touch_ = now;
    if (was_counting) return false; // the touch only cancels the countdown
    // Waking and acting are one touch: a visitor who taps "Touch to start" expects it to start.
    if (screen_ == Screen::Attract) awake_ = true;
    return true;
}

bool Journey::update(double now) {
    if (!counting_down(now)) return false;
    if (now - last_touch_ < config_.idle_timeout_s + config_.countdown_s) return false;
    reset();
    last_touch_ = now;
    return true;
}

void Journey::start() {
    screen_ = Screen::Region;
    home_confirm_ = false;
}

void Journey::choose_region(const std::string& code) {
    region_ = code;
    screen_ = Screen::Product;
}

void Journey::choose_product(const std::string& id, int trail_steps) {
    product_ = id;
    steps_ = trail_steps < 1 ? 1 : trail_steps;
    step_ = 1;
    screen_ = Screen::Trail;
}

bool Journey::next_step() {
    if (step_ >= steps_) return false;
    ++step_;
    return true;
}

bool Journey::back() {
    home_confirm_ = false;
    switch (screen_) {
    case Screen::Trail:
        if (step_ > 1) {
            --step_;
        } else {
            screen_ = Screen::Product;
            product_.clear();
            step_ = steps_ = 0;
        }
        return true;
    case Screen::WhatIf:
        screen_ = Screen::Trail;
        step_ = steps_;
        return true;
    case Screen::Product:
        screen_ = Screen::Region;
        region_.clear();
        return true;
    case Screen::Region:
        if (region_page_ > 0) { // a region's page: back to the first page
            region_page_ = 0;
            return true;
        }
        screen_ = Screen::Attract;
        awake_ = true;
        return true;
    default:
        return false;
    }
}

void Journey::what_if() {
    screen_ = Screen::WhatIf;
    step_ = 0; // steps_ stays: Back returns to the trail's last step
}

void Journey::big_picture() {
    screen_ = Screen::BigPicture;
    step_ = 0;
}

void Journey::about() {
    screen_ = Screen::About;
    step_ = 0;
    about_page_ = 0;
}

void Journey::reset() {
    screen_ = Screen::Attract;
    awake_ = false;
    language_ = config_.language;
    region_.clear();
    product_.clear();
    step_ = steps_ = 0;
    region_page_ = 0;
    about_page_ = 0;
    home_confirm_ = false;
    lever_ = 0;
    consumption_view_ = false;
}

} // namespace ctrail::ui
