// Where the window goes and how big it is, decided from the display's bounds and the options
// alone (no SDL calls), so the rule is testable without a display. The kiosk fills the whole
// display even where no window manager honours a full-screen request (a bare X server showed
// an 800x480 window, the rest cropped): the window is created at the display's origin with
// the display's size, as well as being marked full screen. KMSDRM (the Pi) has one mode and
// ignores the position.
#pragma once

namespace ctrail::platform {

struct Rect {
    int x = 0, y = 0, w = 0, h = 0;
};

struct WindowGeometry {
    Rect rect;
    bool fullscreen = false; // SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS
    bool centred = false;    // a developer's window: centred, of the asked size
};

// width/height: --size (the canvas; 0 = the kiosk's full screen); rotation 90/270 turns a
// window of --size; display: SDL_GetDisplayBounds (w 0 = unknown: 800x480 is asked for and
// the full-screen flag does the rest).
WindowGeometry window_geometry(int width, int height, int rotation_deg, Rect display);

// The kiosk's drawable does not cover the display: the window manager (or its absence) did not
// make the window full screen.
bool covers_display(int drawable_w, int drawable_h, Rect display);

} // namespace ctrail::platform
