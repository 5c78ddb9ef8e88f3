// From the journey to a visit record: the observer reports the journey's transitions, the
// builder turns them into the record (times, choices, screens, Back/Home, the end).
#include "support.hpp"

#include "visits/visit_builder.hpp"

#include <visit_observer.hpp>

#include <ctime>

using namespace ctrail;
using namespace ctrail::visits;
using Kind = ui::VisitEvent::Kind;

namespace {

std::time_t local_time(int y, int mo, int d, int h, int mi, int s = 0) {
    std::tm tm{};
    tm.tm_year = y - 1900, tm.tm_mon = mo - 1, tm.tm_mday = d, tm.tm_hour = h, tm.tm_min = mi;
    tm.tm_sec = s;
    tm.tm_isdst = -1;
    return std::mktime(&tm);
}

ui::VisitEvent ev(Kind k, double at, std::string value = {}, int step = 0) {
    ui::VisitEvent e;
    e.kind = k;
    e.at_s = at;
    e.value = std::move(value);
    e.step = step;
    return e;
}

} // namespace

TEST_CASE("the builder turns events into one visit record") {
    VisitBuilder b;
    const std::time_t wall = local_time(2026, 3, 2, 10, 14, 50);
    CHECK_FALSE(b.apply(ev(Kind::Screen, 1, "region"), wall, true, 1)); // nothing open
    auto r = b.apply(ev(Kind::Start, 100, "en"), wall, true, 42);
    REQUIRE(r);
    CHECK(r->key == 42);
    CHECK(r->start_local == "2026-03-02 10:14");
    CHECK(r->end_reason.empty());
    b.apply(ev(Kind::Screen, 101, "region"), 0, false, 0);
    b.apply(ev(Kind::Region, 104, "SH"), 0, false, 0);
    b.apply(ev(Kind::Screen, 104, "product"), 0, false, 0);
    b.apply(ev(Kind::Language, 105, "zh"), 0, false, 0);
    b.apply(ev(Kind::Product, 108, "car"), 0, false, 0);
    b.apply(ev(Kind::Screen, 108, "trail"), 0, false, 0);
    for (int s = 1; s <= 4; ++s) b.apply(ev(Kind::TrailStep, 108 + 5 * s, {}, s), 0, false, 0);
    b.apply(ev(Kind::Back, 130), 0, false, 0);
    b.apply(ev(Kind::TrailStep, 130, {}, 3), 0, false, 0);
    b.apply(ev(Kind::Home, 140), 0, false, 0);
    b.apply(ev(Kind::Language, 141, "en"), 0, false, 0); // already used: listed once
    ui::VisitEvent end = ev(Kind::End, 100 + 245);
    end.end = ui::VisitEnd::Home;
    r = b.apply(end, 0, false, 0);
    REQUIRE(r);
    CHECK(r->key == 42);
    CHECK(r->clock_trusted);
    CHECK(r->duration_s == 245);
    CHECK(r->end_local == "2026-03-02 10:18"); // 10:14:50 + 245 s
    CHECK(r->languages == std::vector<std::string>{"en", "zh"});
    CHECK(r->region == "SH");
    CHECK(r->products == std::vector<std::string>{"car"});
    CHECK(r->deepest_step == 4);
    CHECK(r->screens == std::vector<std::string>{"region", "product", "trail"});
    CHECK(r->back_uses == 1);
    CHECK(r->home_uses == 1);
    CHECK(r->end_reason == "home");
    CHECK(r->end_screen() == "trail");
    CHECK_FALSE(b.open());
    CHECK_FALSE(b.apply(ev(Kind::Screen, 400, "region"), 0, false, 0));
}

TEST_CASE("the observer reports a visit from the first touch after Attract to its end") {
    std::vector<ui::VisitEvent> events;
    ui::VisitObserver o([&](const ui::VisitEvent& e) { events.push_back(e); });
    ui::Journey j;
    o.observe(j, 0);
    CHECK(events.empty()); // asleep: no visit
    j.touch(1);
    o.observe(j, 1);
    REQUIRE(events.size() == 1);
    CHECK(events[0].kind == Kind::Start);
    CHECK(events[0].value == "en");
    j.start();
    o.observe(j, 2);
    j.choose_region("SH");
    o.observe(j, 3);
    j.choose_product("car", 4);
    o.observe(j, 4);
    j.next_step();
    j.next_step();
    o.observe(j, 5);
    j.back();
    o.back(6);
    o.observe(j, 6);
    j.set_language("zh");
    o.observe(j, 7);
    o.home(8);
    o.end(ui::VisitEnd::Home, 9);
    j.reset();
    o.observe(j, 10);
    o.end(ui::VisitEnd::Idle, 11); // nothing open: nothing sent

    std::vector<std::string> seen;
    for (const auto& e : events) {
        std::string s;
        switch (e.kind) {
        case Kind::Start:
            s = "start:" + e.value;
            break;
        case Kind::Screen:
            s = "screen:" + e.value;
            break;
        case Kind::Language:
            s = "lang:" + e.value;
            break;
        case Kind::Region:
            s = "region:" + e.value;
            break;
        case Kind::Product:
            s = "product:" + e.value;
            break;
        case Kind::TrailStep:
            s = "step:" + std::to_string(e.step);
            break;
        case Kind::Back:
            s = "back";
            break;
        case Kind::Home:
            s = "home";
            break;
        case Kind::End:
            s = std::string("end:") + ui::visit_end_name(e.end);
            break;
        }
        seen.push_back(s);
    }
    CHECK(seen == std::vector<std::string>{"start:en", "screen:region", "screen:product",
                                           "region:SH", "screen:trail", "product:car", "step:1",
                                           "step:3", "back", "step:2", "lang:zh", "home",
                                           "end:home"});
    CHECK_FALSE(o.open());
}

TEST_CASE("a journey that ends by the idle reset reports where it was") {
    std::vector<ui::VisitEvent> events;
    ui::VisitObserver o([&](const ui::VisitEvent& e) { events.push_back(e); });
    ui::Journey j(ui::JourneyConfig{60, 10, "en"});
    j.touch(0);
    j.start();
    o.observe(j, 0);
    j.choose_region("GD");
    o.observe(j, 1);
    CHECK(j.update(75)); // the journey resets itself, then the app ends the visit
    o.end(ui::VisitEnd::Idle, 75);
    o.observe(j, 75);
    VisitBuilder b;
    std::optional<VisitRecord> r;
    for (const auto& e : events) r = b.apply(e, local_time(2026, 3, 2, 11, 0), false, 5);
    REQUIRE(r);
    CHECK(r->end_reason == "idle");
    CHECK(r->end_screen() == "product");
    CHECK(r->duration_s == 75);
    CHECK_FALSE(r->clock_trusted);
}
