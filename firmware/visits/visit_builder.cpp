#include "visits/visit_builder.hpp"

#include <algorithm>
#include <cmath>

namespace ctrail::visits {

namespace {
void add_once(std::vector<std::string>& list, const std::string& item) {
    if (!item.empty() && std::find(list.begin(), list.end(), item) == list.end())
        list.push_back(item);
}
} // namespace

void VisitBuilder::stamp(double at_s) {
    const double d = std::max(0.0, at_s - start_at_);
    v_.duration_s = int(std::lround(d));
    v_.end_local = local_minute(start_wall_ + std::time_t(std::floor(d)));
}

std::optional<VisitRecord> VisitBuilder::apply(const ui::VisitEvent& e, std::time_t wall_now,
                                               bool clock_trusted, std::int64_t key) {
    using K = ui::VisitEvent::Kind;
    if (e.kind == K::Start) {
        v_ = VisitRecord{};
        v_.key = key;
        v_.clock_trusted = clock_trusted;
        start_wall_ = wall_now;
        start_at_ = e.at_s;
        v_.start_local = local_minute(wall_now);
        add_once(v_.languages, e.value);
        open_ = true;
        stamp(e.at_s);
        return v_;
    }
    if (!open_) return std::nullopt;
    switch (e.kind) {
    case K::Start:
        break;
    case K::Screen:
        if (v_.screens.empty() || v_.screens.back() != e.value) v_.screens.push_back(e.value);
        break;
    case K::Language:
        add_once(v_.languages, e.value);
        break;
    case K::Region:
        v_.region = e.value; // the last choice: Back and a new province replace it
        break;
    case K::Product:
        add_once(v_.products, e.value);
        break;
    case K::TrailStep:
        v_.deepest_step = std::max(v_.deepest_step, e.step);
        break;
    case K::Back:
        ++v_.back_uses;
        break;
    case K::Home:
        ++v_.home_uses;
        break;
    case K::End:
        v_.end_reason = ui::visit_end_name(e.end);
        open_ = false;
        break;
    }
    stamp(e.at_s);
    return v_;
}

} // namespace ctrail::visits
