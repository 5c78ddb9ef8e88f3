#include "exhibit_state.hpp"

#include <cstdio>

namespace ctrail::ui {

const char* screen_name(Screen s) {
    switch (s) {
    case Screen::Unavailable:
        return "unavailable";
    case Screen::Attract:
        return "attract";
    case Screen::Region:
        return "region";
    case Screen::Product:
        return "product";
    case Screen::Trail:
        return "trail";
    case Screen::WhatIf:
        return "what_if";
    case Screen::BigPicture:
        return "big_picture";
    case Screen::About:
        return "about";
    }
    return "unknown";
}

namespace {
// Tabs and newlines would break the line format: write them as spaces.
std::string clean(std::string s) {
    for (char& c : s)
        if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    return s;
}
std::string num(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}
} // namespace

std::string state_to_tsv(const ExhibitState& s) {
    std::string out;
    auto kv = [&](const char* k, const std::string& v) {
        out += std::string(k) + '\t' + clean(v) + '\n';
    };
    kv("screen", screen_name(s.screen));
    kv("language", s.language);
    kv("awake", s.awake ? "1" : "0");
    kv("region", s.region);
    kv("product", s.product);
    kv("sector", s.sector);
    kv("amount_yuan", num(s.amount_yuan));
    kv("trail_stage", std::to_string(s.trail_stage));
    kv("trail_stage_count", std::to_string(s.trail_stage_count));
    kv("trace_pending", s.trace_pending ? "1" : "0");
    kv("year_shown", std::to_string(s.year_shown));
    kv("year_chosen", std::to_string(s.year_chosen));
    kv("years", s.years);
    kv("year_importers", s.year_importers);
    kv("home_confirm", s.home_confirm ? "1" : "0");
    kv("region_page", std::to_string(s.region_page));
    kv("notice", s.notice);
    kv("about_page", std::to_string(s.about_page));
    kv("about_pages", std::to_string(s.about_pages));
    kv("about_sources", s.about_sources);
    kv("about_source_count", std::to_string(s.about_source_count));
    kv("about_sources_in_chinese", std::to_string(s.about_sources_in_chinese));
    kv("idle_countdown", s.idle_countdown ? "1" : "0");
    kv("countdown_seconds", std::to_string(s.countdown_seconds));
    kv("headline", s.headline);
    kv("lever", std::to_string(s.lever));
    kv("lever_step", s.lever_step);
    kv("what_if_pending", s.what_if_pending ? "1" : "0");
    kv("what_if_caveat", s.what_if_caveat);
    kv("responsibility", s.responsibility);
    kv("unavailable_reason", s.unavailable_reason);
    kv("time_s", num(s.time_s));
    kv("display", s.display_off ? "off" : "on");
    kv("admin", s.admin);
    kv("admin_wait", std::to_string(s.admin_wait));
    kv("admin_result", s.admin_result);
    kv("admin_message", s.admin_message);
    kv("admin_value", s.admin_value);
    kv("admin_touch", s.admin_touch);
    for (const ShownFigure& f : s.figures)
        out += "figure\t" + clean(f.id) + '\t' + num(f.engine) + '\t' + clean(f.unit) + '\t' +
               clean(f.shown) + '\n';
    return out;
}

} // namespace ctrail::ui
