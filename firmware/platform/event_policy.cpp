#include "event_policy.hpp"

namespace ctrail::platform {

EventVerdict event_verdict(const SDL_Event& e, RunMode mode) {
    if (mode == RunMode::Window) {
        if (e.type == SDL_QUIT) return EventVerdict::Quit;
        if (e.type == SDL_KEYDOWN && e.key.keysym.sym == SDLK_ESCAPE) return EventVerdict::Quit;
        return EventVerdict::Pass;
    }
    switch (e.type) {
    case SDL_QUIT: // the window manager's close, or a signal (read from its flag)
    case SDL_APP_TERMINATING:
    case SDL_KEYDOWN: // the exhibit has no keyboard input: no key can act
    case SDL_KEYUP:
    case SDL_TEXTINPUT:
    case SDL_TEXTEDITING:
    case SDL_MULTIGESTURE: // system gestures: the fingers still arrive as finger events
    case SDL_DOLLARGESTURE:
    case SDL_DOLLARRECORD:
    case SDL_DROPFILE:
    case SDL_DROPTEXT:
        return EventVerdict::Drop;
    case SDL_WINDOWEVENT:
        return e.window.event == SDL_WINDOWEVENT_CLOSE ? EventVerdict::Drop : EventVerdict::Pass;
    default:
        return EventVerdict::Pass;
    }
}

} // namespace ctrail::platform
