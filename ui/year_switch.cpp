#include "year_switch.hpp"

#include <filesystem>

namespace ctrail::ui {

void YearSwitch::setup(const std::vector<YearModel>& years,
                       std::shared_ptr<const ExhibitModel> trail, const Log& log) {
    years_.clear();
    trail_ = std::move(trail);
    trail_year_ = chosen_ = shown_ = trail_ ? trail_->meta().year : 0;
    if (!trail_ || trail_year_ == 0) return; // a model without a year: no switch
    years_[trail_year_].path = "";           // the open trail model
    for (const YearModel& y : years) {
        if (y.year == trail_year_) continue;
        std::error_code ec;
        if (!std::filesystem::is_regular_file(y.path, ec)) {
            log(4, "year " + std::to_string(y.year) + ": no model at " + y.path +
                       "; the big picture offers no button for it");
            continue;
        }
        years_[y.year].path = y.path;
    }
}

void YearSwitch::open_all(Worker& worker) {
    for (auto& [year, y] : years_) {
        if (y.started || y.failed) continue;
        y.started = true;
        y.job->start(worker, [year = year, path = y.path, trail = trail_] {
            // The trail's own year reuses its open model; another is opened here, off the UI
            // thread, and let go once its figures are taken.
            std::shared_ptr<const ExhibitModel> m =
                path.empty() ? trail
                             : std::shared_ptr<const ExhibitModel>(ExhibitModel::open(path));
            YearView v;
            v.year = year;
            if (m->meta().year != year)
                throw std::runtime_error(path + ": the model is of year " +
                                         std::to_string(m->meta().year) + ", not " +
                                         std::to_string(year));
            v.big = m->big_picture();
            v.change = compare_years(*trail, *m);
            return v;
        });
    }
}

bool YearSwitch::poll(const Log& log) {
    for (auto& [year, y] : years_) {
        auto outcome = y.job->poll();
        if (!outcome) continue;
        if (outcome->value) {
            y.ready = std::make_shared<const YearView>(std::move(*outcome->value));
            log(6, "year " + std::to_string(year) + " ready for the big picture");
        } else {
            y.failed = true;
            log(4, "year " + std::to_string(year) + ": " + outcome->error +
                       "; the big picture offers no button for it");
            if (chosen_ == year) chosen_ = shown_;
        }
    }
    if (chosen_ != shown_) {
        auto it = years_.find(chosen_);
        if (it != years_.end() && it->second.ready) {
            shown_ = chosen_;
            return true;
        }
    }
    return false;
}

void YearSwitch::choose(int year) {
    auto it = years_.find(year);
    if (it == years_.end() || it->second.failed) return;
    chosen_ = year;
}

std::vector<int> YearSwitch::buttons() const {
    std::vector<int> out;
    for (const auto& [year, y] : years_)
        if (!y.failed) out.push_back(year);
    return out;
}

bool YearSwitch::busy() const {
    for (const auto& [year, y] : years_)
        if (y.job->busy()) return true;
    return false;
}

const YearView* YearSwitch::view() const {
    return ready(shown_);
}

const YearView* YearSwitch::ready(int year) const {
    auto it = years_.find(year);
    return it == years_.end() ? nullptr : it->second.ready.get();
}

} // namespace ctrail::ui
