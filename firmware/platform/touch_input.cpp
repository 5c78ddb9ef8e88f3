#include "touch_input.hpp"

#include <cfloat>

namespace ctrail::platform {

bool TouchInput::handle_event(const SDL_Event& event) {
    switch (event.type) {
    case SDL_FINGERDOWN:
    case SDL_FINGERMOTION:
    case SDL_FINGERUP: {
        ImVec2 p(event.tfinger.x, event.tfinger.y);
        if (mapping_) p = mapping_(p);
        queue_.push_back({event.type, event.tfinger.fingerId, p});
        active_ = true;
        if (event.type == SDL_FINGERDOWN) activity_ = true;
        return true;
    }
    default:
        return false;
    }
}

void TouchInput::map_pointer(ImGuiIO& io, ImVec2 window, ImVec2 canvas) const {
    if (active_ || !mapping_ || window.x <= 0 || window.y <= 0) return;
    if (io.MousePos.x <= -FLT_MAX / 2 || io.MousePos.y <= -FLT_MAX / 2) return; // no pointer
    const ImVec2 n = mapping_(ImVec2(io.MousePos.x / window.x, io.MousePos.y / window.y));
    io.MousePos = ImVec2(n.x * canvas.x, n.y * canvas.y);
}

bool TouchInput::take_activity() {
    const bool a = activity_;
    activity_ = false;
    return a;
}

void TouchInput::apply(ImGuiIO& io, ImVec2 canvas) {
    if (!active_) return; // a desktop mouse keeps driving ImGui through the SDL backend
    auto to_px = [&](ImVec2 n) { return ImVec2(n.x * canvas.x, n.y * canvas.y); };

    if (release_next_) {
        // The press of a tap that began and ended in one frame was shown last frame; release it
        // over the same spot now so ImGui registers the click. Further events wait a frame.
        release_next_ = false;
        down_ = false;
        offscreen_next_ = true;
    } else {
        if (offscreen_next_) {
            pos_ = ImVec2(-FLT_MAX, -FLT_MAX);
            offscreen_next_ = false;
        }
        bool pressed_this_frame = false;
        while (!queue_.empty()) {
            const Finger f = queue_.front();
            if (f.type == SDL_FINGERDOWN) {
                if (down_) { // a second finger: ignore it, the exhibit is one-finger
                    queue_.pop_front();
                    continue;
                }
                down_ = true;
                finger_ = f.id;
                pos_ = to_px(f.pos);
                pressed_this_frame = true;
                queue_.pop_front();
            } else if (f.type == SDL_FINGERMOTION) {
                if (down_ && f.id == finger_) pos_ = to_px(f.pos);
                queue_.pop_front();
            } else { // SDL_FINGERUP
                queue_.pop_front();
                if (!down_ || f.id != finger_) continue;
                pos_ = to_px(f.pos);
                if (pressed_this_frame) {
                    release_next_ = true; // keep it down this frame
                } else {
                    down_ = false;
                    offscreen_next_ = true;
                }
                break; // one press/release per frame: the rest waits
            }
        }
    }
    io.MousePos = pos_;
    io.MouseDown[0] = down_;
    for (int b = 1; b < 5; ++b) io.MouseDown[b] = false;
}

} // namespace ctrail::platform
