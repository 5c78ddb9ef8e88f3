// Turns the exhibit's visit events (ui/visit_events.hpp) into visit records. Pure: the wall
// clock and the clock's trust at the start are passed in; durations come from the events' own
// app clock, so a simulated (headless) clock gives simulated lengths.
#pragma once

#include "visits/visit_record.hpp"

#include <visit_events.hpp>

#include <cstdint>
#include <ctime>
#include <optional>

namespace ctrail::visits {

class VisitBuilder {
  public:
    // Applies one event. Returns the visit as it now stands (its end_reason set once it ended),
    // or nullopt when no visit is open. `wall_now`, `clock_trusted` and `key` are used on Start
    // only (a Start while a visit is open begins afresh; the UI never sends one).
    std::optional<VisitRecord> apply(const ui::VisitEvent& e, std::time_t wall_now,
                                     bool clock_trusted, std::int64_t key);
    bool open() const { return open_; }

  private:
    void stamp(double at_s);

    bool open_ = false;
    VisitRecord v_;
    std::time_t start_wall_ = 0;
    double start_at_ = 0;
};

} // namespace ctrail::visits
