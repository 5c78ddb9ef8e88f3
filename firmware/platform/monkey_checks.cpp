#include "monkey_checks.hpp"

#include "shown_number.hpp"

#include <cmath>
#include <set>

namespace ctrail::platform {

namespace {

bool starts(const std::string& s, const char* prefix) {
    return s.rfind(prefix, 0) == 0;
}

const std::set<std::string> kAdminPages = {"off",        "pin",       "menu",     "status",
                                           "touch_test", "calibrate", "settings", "clock"};

} // namespace

std::string check_state(const ui::ExhibitState& s, ui::Screen previous) {
    using ui::Screen;
    // The frame a tap changes the screen still draws the previous one: a screen's own fields
    // are filled from its second frame.
    const bool settled_in = s.screen == previous;
    if (s.screen == Screen::Unavailable) return "the exhibit became unavailable";
    if (s.language != "en" && s.language != "zh") return "language '" + s.language + "'";
    const bool trail = s.screen == Screen::Trail;
    if (trail != (s.trail_stage != 0))
        return "trail_stage " + std::to_string(s.trail_stage) + " on the " +
               ui::screen_name(s.screen) + " screen";
    if (trail) {
        if (s.trail_stage_count < 1 || s.trail_stage < 1 || s.trail_stage > s.trail_stage_count)
            return "trail stage " + std::to_string(s.trail_stage) + " of " +
                   std::to_string(s.trail_stage_count);
        if (s.region.empty() || s.product.empty() || s.sector.empty() || !(s.amount_yuan > 0))
            return "a trail without a province, a product, its sector or its price";
    }
    if (s.screen == Screen::Product && s.region.empty()) return "products before a province";
    if (s.screen == Screen::About && settled_in) {
        if (s.about_pages < 1 || s.about_page < 0 || s.about_page >= s.about_pages)
            return "about page " + std::to_string(s.about_page) + " of " +
                   std::to_string(s.about_pages);
        if (s.about_source_count < 1) return "about lists no sources";
    } else if (s.screen != Screen::About && (s.about_pages != 0 || s.about_page != 0)) {
        return "about pages outside About";
    }
    if (s.idle_countdown && (s.countdown_seconds < 1 || s.countdown_seconds > 60))
        return "countdown shows " + std::to_string(s.countdown_seconds) + " s";
    if (s.screen == Screen::Attract && s.home_confirm) return "\"start again?\" on Attract";
    if (!kAdminPages.count(s.admin)) return "admin page '" + s.admin + "'";
    if (s.admin_wait < 0 || s.admin_wait > 3600)
        return "admin wait " + std::to_string(s.admin_wait) + " s";
    if (s.region_page < 0) return "region page " + std::to_string(s.region_page);
    return {};
}

std::string check_figure(const ui::ShownFigure& f) {
    const std::string what =
        "figure " + f.id + " = " + std::to_string(f.engine) + " shown as '" + f.shown + "'";
    if (!std::isfinite(f.engine)) return what + ": the engine's value is not finite";
    if (f.unit == "share" && (f.engine < -1e-12 || f.engine > 1 + 1e-9))
        return what + ": a share outside 0..1";
    const double read = read_shown(f.shown, f.unit);
    if (std::isnan(read)) return what + ": unreadable";
    if (starts(f.shown, "<")) { // "<0.1%": a positive number below the bound
        if (!(f.engine > 0 && f.engine < read)) return what + ": not below its bound";
        return {};
    }
    // The split is shown to a tenth of a percent, the four adding up to 100.0 (largest remainder:
    // one may move by up to a tenth); the rest to two
    // significant figures (the tour test's tolerance).
    const double tolerance = starts(f.id, "trail.split.") ? 0.001 + 1e-12
                             : f.id == "about.year"       ? 0
                                                          : 0.051 * std::fabs(f.engine) + 1e-12;
    if (std::fabs(read - f.engine) > tolerance) return what + ": does not read as the engine's";
    return {};
}

std::string check_figures(const ui::ExhibitState& s, ui::Screen previous) {
    // A figure belongs to its screen: "trail.*" on the trail, "big.*" on the big picture, ...
    // On the frame a tap changes the screen, the figures drawn are still the previous one's.
    auto prefix = [](ui::Screen screen) {
        return screen == ui::Screen::BigPicture ? std::string("big.")
                                                : std::string(ui::screen_name(screen)) + ".";
    };
    for (const ui::ShownFigure& f : s.figures) {
        if (s.admin == "off" && !starts(f.id, prefix(s.screen).c_str()) &&
            !starts(f.id, prefix(previous).c_str()))
            return "figure " + f.id + " on the " + ui::screen_name(s.screen) + " screen";
        if (std::string e = check_figure(f); !e.empty()) return e;
    }
    return {};
}

std::string check_pixels(const std::vector<std::uint8_t>& rgba) {
    if (rgba.size() < 8 || rgba.size() % 4) return "no pixels read back";
    for (std::size_t i = 4; i < rgba.size(); i += 4)
        for (int c = 0; c < 3; ++c)
            if (rgba[i + c] != rgba[c]) return {};
    return "a blank frame (every pixel the same colour)";
}

EngineFigures::EngineFigures(std::unique_ptr<ExhibitModel> model) : model_(std::move(model)) {}

std::string EngineFigures::check(const ui::ExhibitState& s) {
    for (const ui::ShownFigure& f : s.figures) {
        double expected = 0;
        if (f.id == "trail.total_kg" && s.screen == ui::Screen::Trail) {
            const std::string key =
                s.region + "/" + s.sector + "/" + std::to_string(std::llround(s.amount_yuan));
            auto it = total_kg_.find(key);
            if (it == total_kg_.end()) {
                // The exhibit's own trace options (ExhibitApp::Impl::start_trace).
                ExhibitTraceOptions options;
                options.max_paths = 80;
                options.threshold = 0.0001;
                const ExhibitTrace t = model_->trace(s.region, s.sector, s.amount_yuan, options);
                if (!t.error.empty()) return "the engine cannot trace " + key + ": " + t.error;
                it = total_kg_.emplace(key, t.total_kg).first;
            }
            expected = it->second;
        } else if (f.id == "big.national_outside_share" && s.screen == ui::Screen::BigPicture &&
                   s.year_shown == model_->meta().year) {
            // Another year of the switch is another model's figure (tests/e2e/test_year_switch).
            if (national_outside_share_ < 0)
                national_outside_share_ = model_->big_picture().national_outside_share;
            expected = national_outside_share_;
        } else {
            continue;
        }
        if (std::fabs(f.engine - expected) > 1e-9 * std::fabs(expected))
            return "figure " + f.id + " = " + std::to_string(f.engine) + ", the engine says " +
                   std::to_string(expected);
    }
    return {};
}

} // namespace ctrail::platform
