#include "visit_observer.hpp"

namespace ctrail::ui {

void VisitObserver::send(VisitEvent::Kind kind, double now, std::string value, int step) {
    if (!open_ || !sink_) return;
    VisitEvent e;
    e.kind = kind;
    e.at_s = now;
    e.value = std::move(value);
    e.step = step;
    sink_(e);
}

void VisitObserver::observe(const Journey& j, double now) {
    using K = VisitEvent::Kind;
    if (!open_) {
        if (j.screen() == Screen::Unavailable) return;
        if (j.screen() == Screen::Attract && !j.awake()) return;
        open_ = true;
        screen_ = Screen::Attract; // the attract screen itself is not a screen "seen"
        language_ = j.language();
        region_.clear(), product_.clear();
        step_ = 0;
        send(K::Start, now, language_);
    }
    if (j.language() != language_) send(K::Language, now, language_ = j.language());
    if (j.screen() != screen_) send(K::Screen, now, screen_name(screen_ = j.screen()));
    if (!j.region().empty() && j.region() != region_) send(K::Region, now, region_ = j.region());
    if (!j.product().empty() && j.product() != product_)
        send(K::Product, now, product_ = j.product());
    if (j.trail_step() != step_) {
        step_ = j.trail_step();
        if (step_ > 0) send(K::TrailStep, now, {}, step_);
    }
}

void VisitObserver::end(VisitEnd why, double now) {
    if (!open_) return;
    if (sink_) {
        VisitEvent e;
        e.kind = VisitEvent::Kind::End;
        e.at_s = now;
        e.end = why;
        sink_(e);
    }
    open_ = false;
}

} // namespace ctrail::ui
