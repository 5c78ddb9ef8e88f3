// Which SDL events may end the program or reach the UI, per run mode. In the kiosk no key or
// gesture leaves the exhibit: Alt+F4 (a window manager's close), Ctrl+C / Ctrl+Q / Escape /
// F11 / Super / Ctrl+Alt+Backspace as keys, multi-finger system gestures and the window
// manager's close request (SDL_WINDOWEVENT_CLOSE, SDL_QUIT) are dropped. A real SIGTERM or
// SIGINT also arrives as SDL_QUIT, so the kiosk never reads SDL_QUIT: it stops on the signal
// handler's flag (stop_signal.hpp), which only a signal sets. Only admin mode's restart quits.
// A developer's window closes on its close button or Escape.
#pragma once

#include "run_config.hpp"

#include <SDL.h>

namespace ctrail::platform {

enum class EventVerdict {
    Pass, // to touch input / ImGui
    Drop, // ignored
    Quit, // ends a developer's window
};

EventVerdict event_verdict(const SDL_Event& event, RunMode mode);

} // namespace ctrail::platform
