// What the exhibit tells the platform about a visit, as plain data: the UI only reports the
// journey's transitions; the platform (firmware/visits) turns them into anonymous visit records.
// No coordinates, no timing finer than the app clock, nothing about the person.
#pragma once

#include <functional>
#include <string>

namespace ctrail::ui {

// How a visit ended. Restart is never sent by the UI: the recorder finds a visit a previous run
// left open when it starts.
enum class VisitEnd { Finished, Home, Idle, Restart, Admin, Closing };

inline const char* visit_end_name(VisitEnd e) {
    switch (e) {
    case VisitEnd::Finished:
        return "finished";
    case VisitEnd::Home:
        return "home";
    case VisitEnd::Idle:
        return "idle";
    case VisitEnd::Restart:
        return "restart";
    case VisitEnd::Admin:
        return "admin";
    case VisitEnd::Closing:
        return "closing";
    }
    return "?";
}

struct VisitEvent {
    enum class Kind {
        Start,     // the first touch after Attract; value: the language
        Screen,    // value: the screen's name (screen_name)
        Language,  // value: "en" / "zh", when the visitor switches
        Region,    // value: the home province's model code
        Product,   // value: the product's content id
        TrailStep, // step: the trail step now shown (1-based)
        Back,      // the Back button
        Home,      // the Home button ("Start again?" asked)
        End,       // end: why
    };
    Kind kind = Kind::Start;
    double at_s = 0; // the app clock (ExhibitApp::frame's now_s)
    std::string value;
    int step = 0;
    VisitEnd end = VisitEnd::Finished;
};

using VisitEventSink = std::function<void(const VisitEvent&)>;

} // namespace ctrail::ui
