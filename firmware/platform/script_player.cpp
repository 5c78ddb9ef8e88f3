#include "script_player.hpp"

#include "log.hpp"
#include "stop_signal.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

namespace ctrail::platform {

namespace {

constexpr double kFrame = 1.0 / 60.0;

// Raised by a frame when a signal asked to stop; play() turns it into the exit code.
struct Stopped {
    int signal;
};

void tick(Session& s, double& now, double d, const PlayOptions& o) {
    if (const int sig = stop_signal()) throw Stopped{sig};
    if (o.before_tick) o.before_tick(now);
    now += d;
    s.frame(now);
}

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

// Runs frames until done() holds. Animations get 30 s of exhibit time; a pending engine result
// is waited for in real time (a slow machine or a sanitizer build computes more slowly than the
// simulated clock runs), up to 120 s, with the clock following the wall meanwhile.
template <class Done> bool run_until(Session& s, double& now, const PlayOptions& o, Done done) {
    using clock = std::chrono::steady_clock;
    const auto wall_limit = clock::now() + std::chrono::seconds(120);
    for (int f = 0; !done();) {
        if (s.app->engine_busy()) {
            if (clock::now() > wall_limit) return false;
            const auto before = clock::now();
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
            tick(s, now, std::chrono::duration<double>(clock::now() - before).count(), o);
        } else {
            if (++f > 30 * 60) return false;
            tick(s, now, kFrame, o);
        }
    }
    return true;
}

} // namespace

bool write_screenshot(Session& s, const std::string& png, double& now) {
    // A fully drawn frame: wait out the screen's fade-in and any pending result (bounded).
    run_until(s, now, PlayOptions{}, [&] { return s.app->drawn(); });
    std::vector<std::uint8_t> pixels;
    now += kFrame;
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
}

namespace {

// One step; returns an exit code (0: go on).
int step(Session& s, const ScriptStep& st, const PlayOptions& o, double& now) {
    const std::string where = o.name + ":" + std::to_string(st.line) + ": ";
    auto frames = [&](int n) {
        for (int f = 0; f < n; ++f) tick(s, now, kFrame, o);
    };
    switch (st.kind) {
    case ScriptStep::Kind::Tap: {
        auto target = s.app->target(st.id);
        for (int k = 0; !target && !st.via.empty() && k < 40; ++k) {
            auto pager = s.app->target(st.via);
            if (!pager) break;
            s.inject_tap(pager->centre());
            frames(4);
            target = s.app->target(st.id);
        }
        if (!target) {
            log_line(3, where + "no target '" + st.id + "' on the " +
                            ui::screen_name(s.app->state().screen) + " screen");
            return 3;
        }
        const ImVec2 c = s.platform.canvas_size(), at = target->centre();
        s.inject_tap(ImVec2(at.x + st.x * c.x, at.y + st.y * c.y));
        frames(4);
        return 0;
    }
    case ScriptStep::Kind::Drag: {
        const auto from = s.app->target(st.id), to = s.app->target(st.value);
        if (!from || !to) {
            log_line(3, where + "no target '" + (from ? st.value : st.id) + "' on the " +
                            ui::screen_name(s.app->state().screen) + " screen");
            return 3;
        }
        // Down, a slide in a few frames, up: ImGui sees each as a finger would make it.
        s.inject_finger(SDL_FINGERDOWN, from->centre());
        frames(2);
        for (int k = 1; k <= 4; ++k) {
            const float t = k / 4.f;
            s.inject_finger(SDL_FINGERMOTION,
                            ImVec2(from->centre().x + (to->centre().x - from->centre().x) * t,
                                   from->centre().y + (to->centre().y - from->centre().y) * t));
            frames(1);
        }
        s.inject_finger(SDL_FINGERUP, to->centre());
        frames(4);
        return 0;
    }
    case ScriptStep::Kind::TapAt: {
        const ImVec2 c = s.platform.canvas_size();
        s.inject_tap(ImVec2(st.x * c.x, st.y * c.y));
        frames(4);
        return 0;
    }
    case ScriptStep::Kind::HoldAt: {
        const ImVec2 c = s.platform.canvas_size();
        const ImVec2 at(st.x * c.x, st.y * c.y);
        s.inject_finger(SDL_FINGERDOWN, at);
        frames(int(st.seconds * 60 + 0.5));
        s.inject_finger(SDL_FINGERUP, at);
        frames(4);
        return 0;
    }
    case ScriptStep::Kind::Wait:
        frames(int(st.seconds * 60 + 0.5));
        return 0;
    case ScriptStep::Kind::Idle: {
        // Big clock steps: a minute of idling costs a few hundred frames, not 3,600.
        for (double left = st.seconds; left > 1e-9;) {
            const double d = std::min(0.25, left);
            tick(s, now, d, o);
            left -= d;
        }
        return 0;
    }
    case ScriptStep::Kind::Settle: {
        if (!run_until(s, now, o, [&] { return s.app->settled(); })) {
            log_line(3,
                     where + "the exhibit did not settle (30 s of animation, 120 s for a result)");
            return 3;
        }
        tick(s, now, kFrame, o);
        return 0;
    }
    case ScriptStep::Kind::Shot:
        if (o.out_dir.empty()) return 0;
        return write_screenshot(s, o.out_dir + "/" + st.id + ".png", now) ? 0 : 1;
    case ScriptStep::Kind::Expect: {
        auto m = state_map(s.app->state());
        auto it = m.find(st.id);
        if (it == m.end() || it->second != st.value) {
            log_line(3, where + "expected " + st.id + " = " + st.value + ", found " +
                            (it == m.end() ? std::string("no such key") : it->second));
            return 3;
        }
        return 0;
    }
    }
    return 0;
}

} // namespace

int play(Session& s, const std::vector<ScriptStep>& steps, const PlayOptions& o, double* clock) {
    double local_clock = 0;
    double& now = clock ? *clock : local_clock;
    try {
        tick(s, now, kFrame, o); // a touch injected before the first frame is lost
        for (const ScriptStep& st : steps)
            if (const int rc = step(s, st, o, now)) return rc;
        if (!o.screenshot.empty() && !write_screenshot(s, o.screenshot, now)) return 1;
        return 0;
    } catch (const Stopped& stop) {
        char at[32];
        std::snprintf(at, sizeof at, "%.2f", now);
        log_line(5, o.name + ": stopped by " + std::string(stop_signal_name(stop.signal)) + " at " +
                        at + " s of the visit, the files written complete");
        return 128 + stop.signal;
    }
}

} // namespace ctrail::platform
