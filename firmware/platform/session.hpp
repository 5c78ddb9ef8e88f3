// One open exhibit: the SDL platform, touch input and the app, and the per-frame sequence
// (events -> ImGui frame -> the app's UI -> render). Every run mode drives one Session.
#pragma once

#include "admin_platform.hpp"
#include "run_config.hpp"
#include "sdl_platform.hpp"
#include "touch_input.hpp"

#include <exhibit_app.hpp>

#include "visits/visit_recorder.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace ctrail::platform {

class Session {
  public:
    SdlPlatform platform;
    TouchInput touch;
    std::unique_ptr<visits::VisitRecorder> visits; // outlives the app that reports to it
    // Before the app: it outlives the app's worker thread, which calls its hooks.
    std::unique_ptr<AdminPlatform> admin;
    std::unique_ptr<ui::ExhibitApp> app;
    bool quit = false; // a developer's window was closed, or Escape (event_policy.hpp)
    bool headless = false;

    bool open(const RunConfig& config, std::string& error);
    // Events -> ImGui frame -> the app's UI -> ImGui::Render (no rasterisation).
    void build(double now);
    // build() and, when someone sees it, the rasteriser (into `capture` when given); the
    // frame's time goes to admin mode's frame statistics.
    void frame(double now, std::vector<std::uint8_t>* capture = nullptr);
    // A finger at canvas pixel p: down and up pushed together (a quick tap; the touch layer
    // keeps it pressed for one frame).
    void inject_tap(ImVec2 p);
    // One finger event (SDL_FINGERDOWN, _MOTION or _UP) at canvas pixel p, rotated like a touch.
    void inject_finger(Uint32 type, ImVec2 p, SDL_FingerID finger = 1);
    // Called after every frame (the monkey checks its invariants here); may throw.
    std::function<void()> after_frame;

  private:
    RunMode mode_ = RunMode::Headless;
    void pump_events();
    void open_visits(const RunConfig& config, ui::AppConfig& app);
};

} // namespace ctrail::platform
