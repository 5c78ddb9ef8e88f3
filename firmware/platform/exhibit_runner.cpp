#include "exhibit_runner.hpp"

#include "sdl_platform.hpp"
#include "touch_input.hpp"
#include "visitor_script.hpp"

#include <exhibit_app.hpp>
#include <imgui_impl_sdl.h>

#include "kiosk/data_dir.hpp"
#include "kiosk/kiosk_config.hpp"
#include "kiosk/kiosk_log.hpp"
#include "kiosk/service_notify.hpp"
#include "kiosk/touch_rotation.hpp"

#include <chrono>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <sys/resource.h>

namespace fs = std::filesystem;

namespace ctrail::platform {

void log_line(int level, const std::string& message) {
    kiosk::log(static_cast<kiosk::LogLevel>(level), message);
}

namespace {

volatile std::sig_atomic_t g_stop = 0;
void on_signal(int) {
    g_stop = 1;
}

std::string exe_dir() {
    std::error_code ec;
    fs::path p = fs::read_symlink("/proc/self/exe", ec);
    return ec ? std::string() : p.parent_path().string();
}

// The first candidate that exists (with `probe` inside it when given), else the last one (so
// the error message names the build or source tree location a developer expects).
std::string first_existing(const std::vector<std::string>& candidates,
                           const std::string& probe = "") {
    for (const auto& c : candidates)
        if (!c.empty() && fs::exists(probe.empty() ? c : c + "/" + probe)) return c;
    return candidates.empty() ? "" : candidates.back();
}

// Everything the run needs, from the command line, the kiosk config and the install layout.
struct Setup {
    ui::AppConfig app;
    PlatformOptions platform;
    std::string data_dir;
    double time_scale = 1;
};

Setup resolve(const Options& o) {
    Setup s;
    std::string model = o.model, assets = o.assets_dir, lang = o.lang;
    double idle = o.idle_timeout;
    int rotation = o.rotation;
    float pw = o.panel_w_mm, ph = o.panel_h_mm;
    // Headless runs read a config only when asked to, so tests do not depend on the machine.
    std::string config_path = o.config;
    if (config_path.empty() && !o.headless && fs::exists(kiosk::kDefaultConfigPath))
        config_path = kiosk::kDefaultConfigPath;
    if (!config_path.empty()) {
        kiosk::LoadedConfig loaded = kiosk::load_config(config_path);
        for (const auto& w : loaded.warnings) kiosk::log_warning(w.text());
        kiosk::log_set_level(loaded.config.log_level);
        const kiosk::KioskConfig& c = loaded.config;
        if (model.empty() && fs::exists(c.model_path)) model = c.model_path.string();
        if (assets.empty() && fs::exists(c.assets_dir)) assets = c.assets_dir.string();
        if (lang.empty()) lang = c.language;
        if (idle < 0) idle = c.idle_timeout_s;
        if (rotation < 0) rotation = kiosk::degrees(c.rotation);
        if (pw <= 0) pw = float(c.panel_width_mm), ph = float(c.panel_height_mm);
        s.data_dir = c.data_dir.string();
        s.platform.drm_device = c.drm_device;
        log_line(6, "config: " + config_path);
    }
    if (!o.log_level.empty()) {
        if (auto level = kiosk::log_level_from_name(o.log_level))
            kiosk::log_set_level(*level);
        else
            throw UsageError("--log-level '" + o.log_level +
                             "': expected error, warning, notice, info or debug");
    }
    if (!o.data_dir.empty()) s.data_dir = o.data_dir;
    if (assets.empty()) {
        const std::string installed = exe_dir() + "/../share/carbontrail";
        if (fs::exists(installed + "/content")) assets = installed;
    }
    const std::string build = CTRAIL_BUILD_ASSETS_DIR, source = CTRAIL_SOURCE_ASSETS_DIR;
    s.app.paths.model =
        model.empty() ? first_existing({assets.empty() ? "" : assets + "/model/china-2007.sqlite",
                                        std::string(CTRAIL_BUILD_MODEL_DIR) + "/china-2007.sqlite"})
                      : model;
    s.app.paths.content = first_existing(
        {assets.empty() ? "" : assets + "/content", source + "/content"}, "products.tsv");
    s.app.paths.text = first_existing(
        {assets.empty() ? "" : assets + "/text", build + "/text", source + "/text"}, "zh.tsv");
    s.app.paths.map =
        first_existing({assets.empty() ? "" : assets + "/map/china-provinces.map",
                        build + "/map/china-provinces.map", source + "/map/china-provinces.map"});
    if (!assets.empty() && fs::exists(assets + "/fonts/exhibit.ttf"))
        s.app.paths.font = assets + "/fonts/exhibit.ttf";
    s.app.language = lang.empty() ? "en" : lang;
    if (idle > 0) s.app.idle_timeout_s = idle;
    s.app.panel_width_mm = pw;
    s.app.panel_height_mm = ph;
    s.app.log = [](int level, const std::string& m) { log_line(level, m); };
    s.platform.headless = o.headless;
    s.platform.width = o.width;
    s.platform.height = o.height;
    s.platform.rotation_deg = rotation < 0 ? 0 : rotation;
    s.platform.force_software = o.software;
    s.time_scale = o.time_scale;
    return s;
}

// One open exhibit: platform, touch input and app, and the per-frame sequence.
class Session {
  public:
    SdlPlatform platform;
    TouchInput touch;
    std::unique_ptr<ui::ExhibitApp> app;
    bool quit = false;
    bool escape_quits = false;
    bool headless = false;

    bool open(const Setup& s, std::string& error) {
        if (!platform.open(s.platform, error)) return false;
        log_line(
            6, std::string("video driver ") + platform.video_driver() + ", renderer " +
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
        app = std::make_unique<ui::ExhibitApp>(s.app);
        app->load(platform.canvas_size());
        if (!platform.upload_fonts()) {
            error = "cannot upload the font atlas to the renderer";
            return false;
        }
        return true;
    }

    void pump_events() {
        SDL_Event e;
        while (SDL_PollEvent(&e)) {
            if (e.type == SDL_QUIT) quit = true;
            if (touch.handle_event(e)) continue;
            // SDL's own touch emulation: the finger events above already carry the touch.
            if ((e.type == SDL_MOUSEMOTION && e.motion.which == SDL_TOUCH_MOUSEID) ||
                ((e.type == SDL_MOUSEBUTTONDOWN || e.type == SDL_MOUSEBUTTONUP) &&
                 e.button.which == SDL_TOUCH_MOUSEID))
                continue;
            if (e.type == SDL_KEYDOWN && e.key.keysym.sym == SDLK_ESCAPE && escape_quits)
                quit = true;
            ImGui_ImplSDL2_ProcessEvent(&e);
        }
    }

    // Events -> ImGui frame -> the app's UI -> ImGui::Render (no rasterisation).
    void build(double now) {
        pump_events();
        platform.begin_frame();
        touch.apply(ImGui::GetIO(), platform.canvas_size());
        ImGui::NewFrame();
        app->frame(now);
        ImGui::Render();
    }

    void frame(double now, std::vector<std::uint8_t>* capture = nullptr) {
        build(now);
        // Headless, nobody sees a frame that is not captured: skip the software rasteriser
        // (the UI, input and state are still built every frame).
        if (capture || !headless) platform.rasterise(capture);
    }

    // A finger at canvas pixel p: down and up pushed together (a quick tap; the touch layer
    // keeps it pressed for one frame).
    void inject_tap(ImVec2 p) {
        const ImVec2 canvas = platform.canvas_size();
        float nx = p.x / canvas.x, ny = p.y / canvas.y;
        if (auto r = kiosk::rotation_from_degrees(platform.rotation())) {
            kiosk::PointF q = kiosk::logical_to_panel_normalized({nx, ny}, *r);
            nx = q.x, ny = q.y;
        }
        for (Uint32 type : {Uint32(SDL_FINGERDOWN), Uint32(SDL_FINGERUP)}) {
            SDL_Event e{};
            e.type = type;
            e.tfinger.timestamp = SDL_GetTicks();
            e.tfinger.touchId = 1;
            e.tfinger.fingerId = 1;
            e.tfinger.x = nx;
            e.tfinger.y = ny;
            e.tfinger.pressure = 1.f;
            e.tfinger.windowID = SDL_GetWindowID(platform.window());
            SDL_PushEvent(&e);
        }
    }
};

std::map<std::string, std::string> state_map(const ui::ExhibitState& st) {
    std::map<std::string, std::string> m;
    std::istringstream in(ui::state_to_tsv(st));
    for (std::string line; std::getline(in, line);) {
        auto tab = line.find('\t');
        if (tab != std::string::npos && line.compare(0, tab, "figure") != 0)
            m[line.substr(0, tab)] = line.substr(tab + 1);
    }
    return m;
}

// Plays a visitor script on a simulated clock. Returns the exit code.
int play(Session& s, const std::vector<ScriptStep>& steps, const std::string& name,
         const std::string& out_dir, const std::string& screenshot, double* clock = nullptr) {
    double local_clock = 0;
    double& now = clock ? *clock : local_clock;
    constexpr double dt = 1.0 / 60.0;
    auto tick = [&](double d) {
        now += d;
        s.frame(now);
    };
    auto shot = [&](const std::string& png) -> bool {
        std::vector<std::uint8_t> pixels;
        now += dt;
        s.frame(now, &pixels);
        std::string err;
        const ImVec2 panel = s.platform.panel_size();
        if (!write_png(png, pixels, int(panel.x), int(panel.y), err)) {
            log_line(3, err);
            return false;
        }
        std::ofstream st(png.substr(0, png.size() - 4) + ".state.tsv");
        st << ui::state_to_tsv(s.app->state());
        if (!st) {
            log_line(3, "cannot write the state file beside " + png);
            return false;
        }
        log_line(6, "screenshot " + png + " (" + ui::screen_name(s.app->state().screen) + ")");
        return true;
    };
    tick(dt); // a touch injected before the first frame is lost
    for (const ScriptStep& st : steps) {
        const std::string where = name + ":" + std::to_string(st.line) + ": ";
        switch (st.kind) {
        case ScriptStep::Kind::Tap: {
            auto target = s.app->target(st.id);
            for (int k = 0; !target && !st.via.empty() && k < 40; ++k) {
                auto pager = s.app->target(st.via);
                if (!pager) break;
                s.inject_tap(pager->centre());
                for (int f = 0; f < 4; ++f) tick(dt);
                target = s.app->target(st.id);
            }
            if (!target) {
                log_line(3, where + "no target '" + st.id + "' on the " +
                                ui::screen_name(s.app->state().screen) + " screen");
                return 3;
            }
            s.inject_tap(target->centre());
            for (int f = 0; f < 4; ++f) tick(dt);
            break;
        }
        case ScriptStep::Kind::TapAt: {
            const ImVec2 c = s.platform.canvas_size();
            s.inject_tap(ImVec2(st.x * c.x, st.y * c.y));
            for (int f = 0; f < 4; ++f) tick(dt);
            break;
        }
        case ScriptStep::Kind::Wait:
            for (int f = 0; f < int(st.seconds * 60 + 0.5); ++f) tick(dt);
            break;
        case ScriptStep::Kind::Idle: {
            // Big clock steps: a minute of idling costs a few hundred frames, not 3,600.
            double left = st.seconds;
            while (left > 1e-9) {
                const double d = std::min(0.25, left);
                tick(d);
                left -= d;
            }
            break;
        }
        case ScriptStep::Kind::Settle: {
            int f = 0;
            while (!s.app->settled() && f < 30 * 60) tick(dt), ++f;
            if (!s.app->settled()) {
                log_line(3, where + "the exhibit did not settle within 30 s");
                return 3;
            }
            tick(dt);
            break;
        }
        case ScriptStep::Kind::Shot:
            if (out_dir.empty()) break;
            if (!shot(out_dir + "/" + st.id + ".png")) return 1;
            break;
        case ScriptStep::Kind::Expect: {
            auto m = state_map(s.app->state());
            auto it = m.find(st.id);
            if (it == m.end() || it->second != st.value) {
                log_line(3, where + "expected " + st.id + " = " + st.value + ", found " +
                                (it == m.end() ? std::string("no such key") : it->second));
                return 3;
            }
            break;
        }
        }
    }
    if (!screenshot.empty() && !shot(screenshot)) return 1;
    return 0;
}

int run_headless(Session& s, const Options& o) {
    std::string text, name;
    if (!o.script_file.empty()) {
        std::ifstream in(o.script_file);
        if (!in) {
            log_line(3, "cannot read the script " + o.script_file);
            return 1;
        }
        std::ostringstream ss;
        ss << in.rdbuf();
        text = ss.str();
        name = o.script_file;
    } else if (!o.go_to.empty()) {
        text = script_to_screen(o.go_to);
        name = "--goto " + o.go_to;
    } else if (!o.tour_dir.empty()) {
        text = builtin_tour();
        name = "tour";
    } else {
        text = "settle\n";
        name = "headless";
    }
    std::vector<ScriptStep> steps = parse_script(text, name);
    const std::string out = !o.tour_dir.empty() ? o.tour_dir : "";
    if (!out.empty()) {
        std::error_code ec;
        fs::create_directories(out, ec);
        if (ec) {
            log_line(3, "cannot create " + out + ": " + ec.message());
            return 1;
        }
    }
    if (s.app->state().screen == ui::Screen::Unavailable) {
        // Still show (and save) what a visitor would see, then say why it stopped.
        if (!out.empty())
            play(s, parse_script("settle\nshot 01-unavailable\n", "unavailable"), "unavailable",
                 out, "");
        if (!o.screenshot.empty()) play(s, {}, "unavailable", "", o.screenshot);
        log_line(3, "the exhibit is unavailable (" + s.app->state().unavailable_reason + ")");
        return 4;
    }
    const int rc = play(s, steps, name, out, o.screenshot);
    if (rc == 0) log_line(6, name + ": finished");
    return rc;
}

int run_kiosk(Session& s, const Setup& setup, const Options& o) {
    std::signal(SIGTERM, on_signal);
    std::signal(SIGINT, on_signal);
    kiosk::ServiceNotifier notifier = kiosk::ServiceNotifier::from_environment();
    if (!setup.data_dir.empty()) {
        std::string err;
        auto dir = kiosk::DataDir::open(
            kiosk::resolve_data_dir(setup.data_dir, kiosk::kDefaultDataDir), err);
        if (!dir) log_line(3, err + " (running without saving anything)");
    }
    using clock = std::chrono::steady_clock;
    const auto t0 = clock::now();
    int frames = 0;
    while (!s.quit && !g_stop) {
        const auto start = clock::now();
        const double now = std::chrono::duration<double>(start - t0).count() * setup.time_scale;
        s.frame(now);
        ++frames;
        if (frames == 1)
            notifier.ready(s.app->state().screen == ui::Screen::Unavailable
                               ? "unavailable: " + s.app->state().unavailable_reason
                               : "showing attract");
        notifier.watchdog(); // from the render loop: a frozen UI stops the heartbeat
        if (o.max_frames > 0 && frames >= o.max_frames) break;
        // At most ~60 frames a second where the renderer does not wait for vsync.
        const auto spent = clock::now() - start;
        if (spent < std::chrono::milliseconds(16))
            SDL_Delay(Uint32(std::chrono::duration_cast<std::chrono::milliseconds>(
                                 std::chrono::milliseconds(16) - spent)
                                 .count()));
    }
    notifier.stopping();
    log_line(6, "stopping after " + std::to_string(frames) + " frames");
    return 0;
}

} // namespace

int run_exhibit(const Options& o) {
    Setup setup = resolve(o);
    Session s;
    s.escape_quits = !o.headless && o.width > 0;
    s.headless = o.headless;
    std::string error;
    if (!s.open(setup, error)) {
        if (!o.headless && !o.or_tour_dir.empty()) {
            log_line(4, "no display (" + error + "): playing the headless tour into " +
                            o.or_tour_dir + " instead");
            s.platform.close();
            Options tour = o;
            tour.headless = true;
            tour.tour_dir = o.or_tour_dir;
            if (tour.width == 0) tour.width = 800, tour.height = 480;
            return run_exhibit(tour);
        }
        log_line(3, error);
        return 1;
    }
    try {
        return o.headless ? run_headless(s, o) : run_kiosk(s, setup, o);
    } catch (const ScriptError& e) {
        log_line(3, e.what());
        return 2;
    }
}

bool bench_ui(const Options& o, int frames, UiBenchResult& r, std::string& error) {
    using clock = std::chrono::steady_clock;
    const auto t0 = clock::now();
    Setup setup = resolve(o);
    Session s;
    if (!s.open(setup, error)) return false;
    s.frame(1.0 / 60);
    r.start_to_first_frame_s = std::chrono::duration<double>(clock::now() - t0).count();
    if (s.app->state().screen == ui::Screen::Unavailable) {
        error = "the exhibit is unavailable: " + s.app->state().unavailable_reason;
        return false;
    }
    // Walk to the last trail step (the busiest frame: every arc, bubble and label).
    std::string script =
        script_to_screen("trail") + "tap next\nsettle\ntap next\nsettle\ntap next\nsettle\n";
    double now = 0;
    if (play(s, parse_script(script, "bench"), "bench", "", "", &now) != 0 ||
        s.app->state().screen != ui::Screen::Trail) {
        error = "could not reach the trail screen";
        return false;
    }
    timespec c0{}, c1{};
    double cpu = 0, wall = 0;
    for (int i = 0; i < frames; ++i) {
        now += 1.0 / 60;
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &c0);
        const auto w0 = clock::now();
        s.build(now);
        wall += std::chrono::duration<double>(clock::now() - w0).count();
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &c1);
        cpu += (c1.tv_sec - c0.tv_sec) + (c1.tv_nsec - c0.tv_nsec) * 1e-9;
        s.platform.rasterise(); // not timed: the renderer's work
    }
    r.frames = frames;
    r.trail_frame_cpu_ms = cpu / frames * 1e3;
    r.trail_frame_wall_ms = wall / frames * 1e3;
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    r.peak_rss_kb = ru.ru_maxrss;
    return true;
}

} // namespace ctrail::platform
