// The big picture's year switch (2007 / 2012 / 2017): which years can be shown, opening each
// year's model off the UI thread, and which year is on screen. A year opens on first use (when
// the big picture first appears) on the app's worker; until a chosen year is ready the switch
// keeps showing the previous one. A missing, damaged or mismatched year loses its button and
// the reason is logged: the exhibit carries on without it. No science here: the numbers are the
// engine's (model_years.hpp).
#pragma once

#include "exhibit_app.hpp"
#include "worker.hpp"

#include <exhibit_model.hpp>
#include <model_years.hpp>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace ctrail::ui {

// One year ready to show: its big picture, and the change from the trail's year to it.
struct YearView {
    int year = 0;
    BigPicture big;
    ExhibitYearComparison change; // year_a = the trail's year, year_b = this one
};

class YearSwitch {
  public:
    using Log = std::function<void(int level, const std::string& message)>;

    // The trail's model (already open) is `trail_year`'s; the other years are files to open.
    // Missing files are dropped here (logged). No switch when fewer than two years remain.
    void setup(const std::vector<YearModel>& years, std::shared_ptr<const ExhibitModel> trail,
               const Log& log);
    // Starts opening every year not yet opened (the first use); later calls do nothing.
    void open_all(Worker& worker);
    // Takes finished years; a failed one loses its button (logged). True when the shown year
    // changed this call (the screen fades its arcs in again).
    bool poll(const Log& log);
    // A tap on a year's button: shown at once when ready, else once it is.
    void choose(int year);
    // Forget the visitor's choice (a new visit starts in the trail's year).
    void reset() { chosen_ = shown_ = trail_year_; }

    bool enabled() const { return buttons().size() > 1; }
    std::vector<int> buttons() const; // years with a button, oldest first
    int trail_year() const { return trail_year_; }
    int chosen() const { return chosen_; }
    int shown() const { return shown_; }
    bool pending() const { return chosen_ != shown_; } // the chosen year is still opening
    bool busy() const;                                 // some year is opening
    // The shown year's view, or nullptr while even the trail's year is not ready.
    const YearView* view() const;
    const YearView* ready(int year) const; // a year's view once it is open, else nullptr

  private:
    struct Year {
        std::string path;
        bool failed = false;
        bool started = false;
        std::shared_ptr<JobSlot<YearView>> job = std::make_shared<JobSlot<YearView>>();
        std::shared_ptr<const YearView> ready;
    };
    std::map<int, Year> years_;
    std::shared_ptr<const ExhibitModel> trail_;
    int trail_year_ = 0, chosen_ = 0, shown_ = 0;
};

} // namespace ctrail::ui
