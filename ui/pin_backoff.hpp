// Back-off after wrong PINs: the third wrong PIN in a row locks the pad for 30 s, and every
// further wrong PIN doubles the wait (60, 120, ... up to an hour). A right PIN clears it. Pure:
// the caller passes the clock.
#pragma once

namespace ctrail::ui {

class PinBackoff {
  public:
    static constexpr int kFreeTries = 3;
    static constexpr double kFirstWait = 30;
    static constexpr double kLongestWait = 3600;

    // False while locked: the pad takes no PIN before `locked_until`.
    bool can_try(double now) const { return now >= locked_until_; }
    double seconds_left(double now) const { return now < locked_until_ ? locked_until_ - now : 0; }
    void wrong(double now);
    void right() { *this = PinBackoff(); }
    int wrong_in_a_row() const { return wrong_; }

  private:
    int wrong_ = 0;
    double wait_ = 0;
    double locked_until_ = 0;
};

} // namespace ctrail::ui
