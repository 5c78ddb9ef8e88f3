// Platform glue: touch input for Dear ImGui 1.86 from SDL finger events.
// Implements: SDL_FINGERDOWN/MOTION/UP -> io.MousePos / io.MouseDown[0] (one finger, the first
//   one down), set AFTER ImGui_ImplSDL2_NewFrame (which overwrites the mouse fields); a press
//   that starts and ends within one frame is kept down for that frame and released on the next
//   (so ImGui still sees a click); the pointer moves off-screen one frame after the finger lifts
//   (or the last button stays hovered); optional rotation of touch and mouse coordinates
//   (panel -> canvas).
// Lacks: multi-touch gestures (the exhibit is one-finger by design), mouse wheel, hover.
// SDL's own touch->mouse emulation is switched off (SDL_HINT_TOUCH_MOUSE_EVENTS=0) and mouse
// events with which == SDL_TOUCH_MOUSEID are ignored, so a real touch is never counted twice.
#pragma once

#include <SDL.h>
#include <imgui.h>

#include <deque>
#include <functional>

namespace ctrail::platform {

class TouchInput {
  public:
    // Maps normalised panel coordinates (as in SDL_TouchFingerEvent) to normalised canvas ones.
    using Mapping = std::function<ImVec2(ImVec2)>;
    void set_mapping(Mapping mapping) { mapping_ = std::move(mapping); }

    // True when the event was a finger event (consumed here).
    bool handle_event(const SDL_Event& event);

    // Applies the queued finger events for this frame to io (canvas size in pixels).
    void apply(ImGuiIO& io, ImVec2 canvas_size);

    // A mouse or other pointer (no finger events yet): turns io.MousePos, which SDL reports in
    // window pixels, onto the canvas with the same rotation as a touch. Call after the SDL
    // backend's NewFrame.
    void map_pointer(ImGuiIO& io, ImVec2 window_size, ImVec2 canvas_size) const;

    // True when touch drives the pointer (after the first finger event).
    bool active() const { return active_; }
    // Any finger went down since the last call (idle detection in the platform layer).
    bool take_activity();

  private:
    struct Finger {
        Uint32 type;
        SDL_FingerID id;
        ImVec2 pos; // normalised canvas coordinates
    };
    std::deque<Finger> queue_;
    Mapping mapping_;
    bool active_ = false;
    bool down_ = false;
    bool release_next_ = false;   // press and release arrived in one frame: release next frame
    bool offscreen_next_ = false; // finger lifted: move the pointer away next frame
    SDL_FingerID finger_ = 0;
    ImVec2 pos_{-FLT_MAX, -FLT_MAX};
    bool activity_ = false;
};

} // namespace ctrail::platform
