// Watches the journey once a frame and reports the visit's transitions to a VisitEventSink: the
// start (the first touch after Attract), screens, language, province, product and trail step as
// they change, plus the Back and Home buttons and the end, which the app reports as they happen.
// Pure: no drawing, no clock of its own.
#pragma once

#include "journey.hpp"
#include "visit_events.hpp"

#include <string>

namespace ctrail::ui {

class VisitObserver {
  public:
    explicit VisitObserver(VisitEventSink sink = {}) : sink_(std::move(sink)) {}

    bool open() const { return open_; }
    // After the frame's touches and buttons: opens a visit when the journey left its asleep
    // attract screen, then reports what changed.
    void observe(const Journey& journey, double now);
    void back(double now) { send(VisitEvent::Kind::Back, now); }
    void home(double now) { send(VisitEvent::Kind::Home, now); }
    // Closes the open visit (nothing when none is open).
    void end(VisitEnd why, double now);

  private:
    void send(VisitEvent::Kind kind, double now, std::string value = {}, int step = 0);

    VisitEventSink sink_;
    bool open_ = false;
    Screen screen_ = Screen::Attract;
    std::string language_, region_, product_;
    int step_ = 0;
};

} // namespace ctrail::ui
