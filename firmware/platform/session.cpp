#include "session.hpp"

#include "event_policy.hpp"
#include "log.hpp"

#include "kiosk/data_dir.hpp"
#include "kiosk/touch_rotation.hpp"
#include "visits/visit_summary.hpp"

#include <imgui_impl_sdl.h>

#include <chrono>

namespace ctrail::platform {

bool Session::open(const RunConfig& config, std::string& error) {
    headless = config.mode == RunMode::Headless;
    mode_ = config.mode;
    if (!platform.open(config.platform, error)) return false;
    log_line(6,
             std::string("video driver ") + platform.video_driver() + ", renderer " +
                 platform.renderer_name() + ", panel " +
                 std::to_string(int(platform.panel_size().x)) + "x" +
                 std::to_string(int(platform.panel_size().y)) + ", canvas " +
                 std::to_string(int(platform.canvas_size().x)) + "x" +
                 std::to_string(int(platform.canvas_size().y)) +
                 (platform.rotation() ? ", rotated " + std::to_string(platform.rotation()) : ""));
    if (auto r = kiosk::rotation_from_degrees(platform.rotation());
        r && *r != kiosk::Rotation::deg0) {
        const kiosk::Rotation rot = *r;
        touch.set_mapping([rot](ImVec2 p) {
            kiosk::PointF q = kiosk::panel_to_logical_normalized({p.x, p.y}, rot);
            return ImVec2(q.x, q.y);
        });
    }
    admin = std::make_unique<AdminPlatform>(config);
    ui::AppConfig app_config = config.app;
    app_config.admin = admin->hooks();
    open_visits(config, app_config);
    app = std::make_unique<ui::ExhibitApp>(std::move(app_config));
    app->load(platform.canvas_size());
    if (!platform.upload_fonts()) {
        error = "cannot upload the font atlas to the renderer";
        return false;
    }
    return true;
}

// Visits are recorded when the data folder is usable; otherwise one log line, and the exhibit
// runs as before.
void Session::open_visits(const RunConfig& config, ui::AppConfig& app_config) {
    if (!config.record_visits) return;
    std::string err;
    auto dir =
        kiosk::DataDir::open(kiosk::resolve_data_dir(config.data_dir, kiosk::kDefaultDataDir), err);
    if (!dir) {
        // Kiosk and window runs say so already (kiosk_mode.cpp): one line per problem.
        if (headless) log_line(4, "visits are not recorded: " + err);
        return;
    }
    visits::RecorderOptions o;
    o.database = dir->root() / visits::kVisitsFile;
    o.retention_days = config.visits_retention_days;
    o.trust = visits::ClockTrustPaths::from_environment(dir->root());
    o.log = [](int level, const std::string& m) { log_line(level, m); };
    try {
        this->visits = std::make_unique<visits::VisitRecorder>(std::move(o));
    } catch (const std::exception& e) {
        log_line(4, std::string("visits are not recorded: ") + e.what());
        return;
    }
    app_config.visit_events = [r = this->visits.get()](const ui::VisitEvent& e) { r->on_event(e); };
    // Admin mode's status page: today's and this week's visits (asked about once a second,
    // staff only: the queue is written first so the visit admin mode just ended counts).
    app_config.visit_figures = [db = dir->root() / visits::kVisitsFile, a = admin.get(),
                                r = this->visits.get()] {
        r->flush();
        const visits::VisitSummary v = visits::summarise_visits(db, a->wall_now());
        return ui::AdminVisitFigures{v.today, v.this_week, v.top_products};
    };
    log_line(6, "recording visits in " + (dir->root() / visits::kVisitsFile).string());
}

void Session::pump_events() {
    SDL_Event e;
    while (SDL_PollEvent(&e)) {
        const EventVerdict v = event_verdict(e, mode_);
        if (v == EventVerdict::Quit) quit = true;
        if (v != EventVerdict::Pass) continue;
        if (touch.handle_event(e)) continue;
        // SDL's own touch emulation: the finger events above already carry the touch.
        if ((e.type == SDL_MOUSEMOTION && e.motion.which == SDL_TOUCH_MOUSEID) ||
            ((e.type == SDL_MOUSEBUTTONDOWN || e.type == SDL_MOUSEBUTTONUP) &&
             e.button.which == SDL_TOUCH_MOUSEID))
            continue;
        ImGui_ImplSDL2_ProcessEvent(&e);
    }
}

void Session::build(double now) {
    pump_events();
    platform.begin_frame();
    int ww = 0, wh = 0;
    SDL_GetWindowSize(platform.window(), &ww, &wh);
    touch.map_pointer(ImGui::GetIO(), ImVec2(float(ww), float(wh)), platform.canvas_size());
    touch.apply(ImGui::GetIO(), platform.canvas_size());
    ImGui::NewFrame();
    app->set_display_off(admin->display_off(now));
    app->frame(now);
    ImGui::Render();
}

void Session::frame(double now, std::vector<std::uint8_t>* capture) {
    const auto start = std::chrono::steady_clock::now();
    build(now);
    // Headless, nobody sees a frame that is not captured: skip the software rasteriser
    // (the UI, input and state are still built every frame).
    if (capture || !headless) platform.rasterise(capture);
    admin->frame_done(
        now, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                 .count());
    if (after_frame) after_frame();
}

void Session::inject_tap(ImVec2 p) {
    inject_finger(SDL_FINGERDOWN, p);
    inject_finger(SDL_FINGERUP, p);
}

void Session::inject_finger(Uint32 type, ImVec2 p, SDL_FingerID finger) {
    const ImVec2 canvas = platform.canvas_size();
    float nx = p.x / canvas.x, ny = p.y / canvas.y;
    if (auto r = kiosk::rotation_from_degrees(platform.rotation())) {
        kiosk::PointF q = kiosk::logical_to_panel_normalized({nx, ny}, *r);
        nx = q.x, ny = q.y;
    }
    {
        SDL_Event e{};
        e.type = type;
        e.tfinger.timestamp = SDL_GetTicks();
        e.tfinger.touchId = 1;
        e.tfinger.fingerId = finger;
        e.tfinger.x = nx;
        e.tfinger.y = ny;
        e.tfinger.pressure = 1.f;
        e.tfinger.windowID = SDL_GetWindowID(platform.window());
        SDL_PushEvent(&e);
    }
}

} // namespace ctrail::platform
