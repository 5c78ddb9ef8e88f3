// The journey state machine on its own: screens in order, the one-touch wake rule, Back, the idle
// countdown and its cancellation, Home's question, and what a reset clears.
#include <journey.hpp>

#include <doctest/doctest.h>

using namespace ctrail::ui;

TEST_CASE("the journey runs attract -> region -> product -> trail -> big picture -> about") {
    Journey j({60, 10, "en"});
    CHECK(j.screen() == Screen::Attract);
    CHECK(j.touch(0.0)); // wakes and acts: one tap starts
    CHECK(j.awake());
    j.start();
    CHECK(j.screen() == Screen::Region);
    j.choose_region("SH");
    CHECK(j.screen() == Screen::Product);
    j.choose_product("car", 4);
    CHECK(j.screen() == Screen::Trail);
    CHECK(j.trail_step() == 1);
    CHECK(j.next_step());
    CHECK(j.next_step());
    CHECK(j.next_step());
    CHECK(j.trail_step() == 4);
    CHECK_FALSE(j.next_step());
    j.big_picture();
    CHECK(j.screen() == Screen::BigPicture);
    j.about();
    CHECK(j.screen() == Screen::About);
}

TEST_CASE("idle: countdown after the timeout that a touch cancels and a reset when it runs out") {
    Journey j({60, 10, "zh"});
    j.touch(0);
    j.touch(1);
    j.start();
    j.set_language("en");
    CHECK_FALSE(j.counting_down(60.9));
    CHECK(j.counting_down(61.0));
    CHECK(j.countdown_seconds(61.0) == 10);
    CHECK(j.countdown_seconds(61.5) == 10);
    CHECK(j.countdown_seconds(70.2) == 1);
    CHECK_FALSE(j.touch(65)); // the touch only cancels
    CHECK_FALSE(j.counting_down(65.1));
    CHECK(j.screen() == Screen::Region);
    CHECK_FALSE(j.update(124.9));
    CHECK(j.counting_down(125.0));
    CHECK(j.update(135.0));
    CHECK(j.screen() == Screen::Attract);
    CHECK_FALSE(j.awake());
    CHECK(j.language() == "zh"); // back to the configured language
    CHECK(j.region().empty());
}

TEST_CASE("idle does not count down on the sleeping attract screen") {
    Journey j({60, 10, "en"});
    CHECK_FALSE(j.counting_down(1000));
    CHECK_FALSE(j.update(1000));
    j.touch(1000);                // wakes
    CHECK(j.counting_down(1060)); // a woken attract screen goes back to sleep through the countdown
    CHECK(j.update(1070));
    CHECK_FALSE(j.awake());
}

TEST_CASE("home asks first and a reset clears the visitor choices") {
    Journey j;
    j.touch(0);
    j.start();
    j.set_region_page(2);
    j.choose_region("GD");
    j.choose_product("flat", 4);
    j.ask_home();
    CHECK(j.home_confirm());
    j.cancel_home();
    CHECK_FALSE(j.home_confirm());
    CHECK(j.screen() == Screen::Trail);
    j.set_about_page(1);
    j.ask_home();
    j.reset();
    CHECK(j.about_page() == 0); // and on About's first page of sources
    CHECK(j.screen() == Screen::Attract);
    CHECK_FALSE(j.home_confirm());
    CHECK(j.product().empty());
    CHECK(j.trail_step() == 0);
    CHECK(j.region_page() == 0); // the next visitor starts on the first page
}

TEST_CASE("back goes one step back without a question") {
    Journey j({60, 10, "en"});
    CHECK_FALSE(j.back()); // attract has no Back
    j.touch(0);
    j.start();
    j.choose_region("SH");
    j.choose_product("car", 4);
    CHECK(j.next_step());
    CHECK(j.next_step());
    CHECK(j.trail_step() == 3);
    CHECK(j.back());
    CHECK(j.trail_step() == 2);
    CHECK(j.back());
    CHECK(j.trail_step() == 1);
    CHECK(j.back()); // from step 1 to the product cards
    CHECK(j.screen() == Screen::Product);
    CHECK(j.product().empty());
    CHECK(j.trail_step() == 0);
    CHECK(j.region() == "SH");
    CHECK_FALSE(j.home_confirm());
    CHECK(j.back());
    CHECK(j.screen() == Screen::Region);
    CHECK(j.region().empty());
    CHECK(j.back());
    CHECK(j.screen() == Screen::Attract);
    CHECK(j.awake()); // back to the start, still awake
    j.big_picture();
    CHECK_FALSE(j.back()); // the big picture and About have no Back
}
