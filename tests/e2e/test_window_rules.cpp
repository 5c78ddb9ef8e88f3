// The pure rules behind the kiosk's window and events: the window's size from the display's
// bounds (a bare X server does not make a window full screen for us), and which events may
// reach the UI or end the program in each run mode.
#include "event_policy.hpp"
#include "window_geometry.hpp"

#include <doctest/doctest.h>

using namespace ctrail::platform;

TEST_CASE("kiosk: the window fills the display") {
    // The kiosk (no --size): the display's bounds, at its origin, marked full screen.
    WindowGeometry g = window_geometry(0, 0, 0, Rect{0, 0, 1920, 1080});
    CHECK(g.fullscreen);
    CHECK_FALSE(g.centred);
    CHECK(g.rect.w == 1920);
    CHECK(g.rect.h == 1080);
    // A second monitor to the right: the window goes where that display starts.
    g = window_geometry(0, 0, 90, Rect{1920, 0, 1024, 600});
    CHECK(g.rect.x == 1920);
    CHECK(g.rect.w == 1024); // the panel, not the turned canvas
    CHECK(g.rect.h == 600);
    // Bounds unknown (KMSDRM before a mode is set): ask for the panel size, full screen.
    g = window_geometry(0, 0, 0, Rect{});
    CHECK(g.fullscreen);
    CHECK(g.rect.w == 800);
    // A developer's --size: a centred window of that size, turned for a rotated panel.
    g = window_geometry(800, 480, 90, Rect{0, 0, 1920, 1080});
    CHECK_FALSE(g.fullscreen);
    CHECK(g.centred);
    CHECK(g.rect.w == 480);
    CHECK(g.rect.h == 800);
    // The check after creation: an 800x480 window on a 1920x1080 display is not full screen.
    CHECK_FALSE(covers_display(800, 480, Rect{0, 0, 1920, 1080}));
    CHECK(covers_display(1920, 1080, Rect{0, 0, 1920, 1080}));
    CHECK(covers_display(3840, 2160, Rect{0, 0, 1920, 1080})); // a HiDPI drawable
}

TEST_CASE("kiosk: the event rules per run mode") {
    SDL_Event quit{}, esc{}, f4{}, gesture{}, close{}, finger{};
    quit.type = SDL_QUIT;
    esc.type = SDL_KEYDOWN;
    esc.key.keysym.sym = SDLK_ESCAPE;
    f4.type = SDL_KEYDOWN;
    f4.key.keysym.sym = SDLK_F4;
    f4.key.keysym.mod = KMOD_LALT;
    gesture.type = SDL_MULTIGESTURE;
    close.type = SDL_WINDOWEVENT;
    close.window.event = SDL_WINDOWEVENT_CLOSE;
    finger.type = SDL_FINGERDOWN;
    for (const SDL_Event& e : {quit, esc, f4, gesture, close}) {
        CHECK(event_verdict(e, RunMode::Kiosk) == EventVerdict::Drop);
        CHECK(event_verdict(e, RunMode::Headless) == EventVerdict::Drop);
    }
    CHECK(event_verdict(finger, RunMode::Kiosk) == EventVerdict::Pass);
    CHECK(event_verdict(quit, RunMode::Window) == EventVerdict::Quit);
    CHECK(event_verdict(esc, RunMode::Window) == EventVerdict::Quit);
    CHECK(event_verdict(f4, RunMode::Window) == EventVerdict::Pass);
}
