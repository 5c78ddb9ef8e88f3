#include "monkey.hpp"

#include "log.hpp"
#include "monkey_checks.hpp"
#include "process_stats.hpp"
#include "script_player.hpp"
#include "stop_signal.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <random>
#include <thread>

namespace ctrail::platform {

namespace {

struct InvariantBroken {
    std::string invariant, detail;
};

// A pixel check costs a software rasterisation: once a second of exhibit time is plenty.
constexpr long long kPixelEvery = 60;

class Monkey {
  public:
    Monkey(Session& s, const RunConfig& config, const Options& o)
        : s_(s), seed_(o.seed), budget_(*o.monkey_frames), sample_every_(o.monkey_sample),
          break_(o.monkey_break), rng_(o.seed),
          engine_(ExhibitModel::open(config.app.paths.model)) {
        idle_gap_ = std::max(config.app.idle_timeout_s + config.app.countdown_s, 60.0) + 5;
    }

    int run() {
        s_.after_frame = [this] { after_frame(); };
        PlayOptions po{"monkey", "", "", {}};
        po.before_tick = [this](double) { wait_for_engine(); };
        std::string action = "start";
        try {
            while (frames_ < budget_) {
                action = next_action();
                const std::string screen = screen_key();
                const int rc = action == "# burst\n"
                                   ? burst(po)
                                   : play(s_, parse_script(action, "monkey"), po, &now_);
                if (rc != 0) {
                    s_.after_frame = nullptr;
                    if (rc > 128) return rc;
                    return fail("a step of the visit",
                                "'" + action + "' failed (" + std::to_string(rc) + ")", action);
                }
                ++actions_;
                log_line(7, "monkey: frame " + std::to_string(frames_) + ": " + screen + ": " +
                                one_line(action) + " -> " + screen_key());
                if (action.rfind("idle", 0) == 0) {
                    const ui::ExhibitState& st = s_.app->state();
                    if (st.screen != ui::Screen::Attract || st.admin != "off")
                        throw InvariantBroken{"back on Attract after an idle period",
                                              "on the " + screen_key() + " screen"};
                    ++idle_resets_;
                }
            }
        } catch (const InvariantBroken& e) {
            s_.after_frame = nullptr;
            return fail(e.invariant, e.detail, action);
        }
        s_.after_frame = nullptr;
        std::string screens;
        for (const auto& [name, n] : screen_frames_)
            screens += (screens.empty() ? "" : ", ") + name + " " + std::to_string(n);
        log_line(6, "monkey: seed " + std::to_string(seed_) + ": " + std::to_string(frames_) +
                        " frames, " + std::to_string(actions_) + " actions, " +
                        std::to_string(idle_resets_) + " idle resets, " +
                        std::to_string(pixel_checks_) + " frames read back; every invariant held");
        log_line(6, "monkey: frames per screen: " + screens);
        return 0;
    }

  private:
    Session& s_;
    std::uint64_t seed_;
    long long budget_;
    long long sample_every_;
    std::string break_;
    std::mt19937_64 rng_;
    EngineFigures engine_;
    double idle_gap_ = 75;
    double now_ = 0, last_time_ = -1;
    long long frames_ = 0, actions_ = 0, idle_resets_ = 0, pixel_checks_ = 0;
    bool pixels_due_ = false;
    ui::Screen previous_screen_ = ui::Screen::Attract;
    std::map<std::string, long long> screen_frames_;

    // Uniform in [0, n) from the generator's raw output: the same on every standard library.
    std::size_t pick(std::size_t n) { return std::size_t(rng_() % n); }
    double unit() { return double(rng_() >> 11) * (1.0 / 9007199254740992.0); }
    static std::string num(double v) {
        char b[32];
        std::snprintf(b, sizeof b, "%.3f", v);
        return b;
    }
    static std::string one_line(std::string s) {
        std::replace(s.begin(), s.end(), '\n', ';');
        if (!s.empty() && s.back() == ';') s.pop_back();
        return s;
    }

    std::string screen_key() const {
        const ui::ExhibitState& st = s_.app->state();
        return st.admin != "off" ? "admin." + st.admin : ui::screen_name(st.screen);
    }

    int fail(const std::string& invariant, const std::string& detail, const std::string& action) {
        log_line(3, "monkey: seed " + std::to_string(seed_) + ", frame " + std::to_string(frames_) +
                        ": invariant '" + invariant + "' broken: " + detail + " (during '" +
                        one_line(action) + "' on the " + screen_key() + " screen)");
        return 3;
    }

    // The clock stays put while the worker computes (a trace, the PIN's hash): the result then
    // arrives at the same exhibit time on any machine and under any sanitizer.
    void wait_for_engine() {
        const auto limit = std::chrono::steady_clock::now() + std::chrono::seconds(300);
        while (s_.app->engine_busy()) {
            if (stop_signal()) return; // the player's next tick leaves
            if (std::chrono::steady_clock::now() > limit)
                throw InvariantBroken{"the engine answers", "no result after 300 s"};
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
            s_.frame(now_);
        }
    }

    void after_frame() {
        ui::ExhibitState st = s_.app->state();
        if (st.time_s <= last_time_) return; // a frame waiting for the engine, clock held
        last_time_ = st.time_s;
        ++frames_;
        ++screen_frames_[screen_key()];
        const bool broken = !break_.empty() && frames_ >= budget_ / 2;
        if (broken && break_ == "state") st.trail_stage = 99;
        if (broken && break_ == "figure")
            st.figures.push_back({"trail.total_kg", 1000, "kg", "2 t"});
        const ImDrawData* dd = ImGui::GetDrawData();
        if (!st.display_off && (!dd || !dd->Valid || dd->TotalVtxCount == 0))
            throw InvariantBroken{"every frame drawn", "the frame has nothing to draw"};
        if (frames_ % kPixelEvery == 0) pixels_due_ = true;
        // Read back a fully drawn frame (not the background a screen change fades in from).
        if (pixels_due_ && s_.app->drawn() && !st.display_off) {
            std::vector<std::uint8_t> rgba;
            s_.platform.rasterise(&rgba);
            if (broken && break_ == "pixels") std::fill(rgba.begin(), rgba.end(), 0);
            if (std::string e = check_pixels(rgba); !e.empty())
                throw InvariantBroken{"every frame drawn", e};
            pixels_due_ = false;
            ++pixel_checks_;
        }
        if (std::string e = check_state(st, previous_screen_); !e.empty())
            throw InvariantBroken{"the UI state consistent", e};
        if (std::string e = check_figures(st, previous_screen_); !e.empty())
            throw InvariantBroken{"every number on screen is the engine's", e};
        if (std::string e = engine_.check(st); !e.empty())
            throw InvariantBroken{"every number on screen is the engine's", e};
        previous_screen_ = st.screen;
        if (sample_every_ > 0 && frames_ % sample_every_ == 0) {
            const ProcessStats p = read_process_stats();
            log_line(6, "monkey: sample frame " + std::to_string(frames_) + " rss_kb " +
                            std::to_string(p.rss_kb) + " fds " + std::to_string(p.fds) +
                            " threads " + std::to_string(p.threads) + " heap_kb " +
                            std::to_string(p.heap_kb));
        }
    }

    std::string tap_target(const std::vector<std::string>& ids) {
        return "tap " + ids[pick(ids.size())] + "\n";
    }

    // One action as visitor-script lines, chosen from what is on screen now.
    std::string next_action() {
        const std::vector<std::string> ids = s_.app->target_ids();
        std::vector<std::string> nav, lang, pin, forward;
        for (const std::string& id : ids) {
            // What a visitor mostly does: go on (start, a province, a product, next, the
            // lever, a year). Without it a random walk seldom gets past the trail's first step,
            // and What if? and the big picture would go almost untested.
            if (id == "start" || id == "next" || id.rfind("region.", 0) == 0 ||
                id.rfind("product.", 0) == 0 || id.rfind("big.lever.", 0) == 0 ||
                id.rfind("year.", 0) == 0)
                forward.push_back(id);
            if (id == "back" || id == "home" || id == "home.yes" || id == "home.no" ||
                id == "next" || id == "start" || id.rfind("admin.leave", 0) == 0 ||
                id.rfind("admin.back", 0) == 0)
                nav.push_back(id);
            if (id.rfind("lang.", 0) == 0) lang.push_back(id);
            if (id.rfind("admin.pin.", 0) == 0) pin.push_back(id);
        }
        const std::size_t r = pick(100);
        if (!pin.empty() && r < 30) return type_pin();
        if (r < 16 && !forward.empty()) return tap_target(forward);
        if (r < 36 && !ids.empty()) return tap_target(ids);
        if (r < 46 && !nav.empty()) return tap_target(nav);
        if (r < 51 && !lang.empty()) return tap_target(lang);
        if (r < 59 && ids.size() >= 2) {
            const std::string a = ids[pick(ids.size())], b = ids[pick(ids.size())];
            return "drag " + a + " " + b + "\n";
        }
        if (r < 64) return "# burst\n";
        if (r < 69) { // an edge or a corner
            const double e[] = {0.0, 0.001, 0.999};
            const bool x_edge = pick(2);
            const double x = x_edge ? e[pick(3)] : unit(), y = x_edge ? unit() : e[pick(3)];
            return "tap-at " + num(x) + " " + num(std::min(y, 0.999)) + "\n";
        }
        if (r < 79) return "tap-at " + num(unit()) + " " + num(unit()) + "\n";
        if (r < 91) return "wait " + num(0.05 + 3.95 * unit()) + "\n";
        if (r < 94)
            return "hold-at " + num(unit()) + " " + num(unit()) + " " + num(0.3 + 2 * unit()) +
                   "\n";
        if (r < 97) return "idle " + num(idle_gap_) + "\n";
        // The hidden gesture (admin_gesture.hpp): hold the top-left corner, tap the top-right.
        return "hold-at 0.03 0.03 5.2\ntap-at 0.97 0.03\nwait 0.5\n";
    }

    // A PIN of random digits (a right one by chance is harmless: the actions only record).
    std::string type_pin() {
        std::string s;
        const std::size_t n = 1 + pick(6);
        for (std::size_t i = 0; i < n; ++i) {
            const std::string id = "admin.pin." + std::to_string(pick(10));
            if (s_.app->target(id)) s += "tap " + id + "\n";
        }
        if (s_.app->target("admin.pin.ok")) s += "tap admin.pin.ok\n";
        return s.empty() ? "wait 0.1\n" : s + "wait 0.5\n";
    }

    // Several fingers at once (a child's whole hand): down, a slide, a moment, up, through the
    // same injected SDL events the player uses (finger ids 2.. beside the player's finger 1).
    int burst(PlayOptions& po) {
        const int n = 2 + int(pick(4));
        const ImVec2 c = s_.platform.canvas_size();
        std::vector<ImVec2> at;
        for (int i = 0; i < n; ++i) at.emplace_back(float(unit()) * c.x, float(unit()) * c.y);
        const float dx = float(unit() - 0.5) * 0.2f * c.x;
        for (int i = 0; i < n; ++i) s_.inject_finger(SDL_FINGERDOWN, at[i], 2 + i);
        for (int i = 0; i < n; ++i)
            s_.inject_finger(SDL_FINGERMOTION, ImVec2(at[i].x + dx, at[i].y), 2 + i);
        if (const int rc = play(s_, parse_script("wait 0.1\n", "monkey"), po, &now_)) return rc;
        for (int i = 0; i < n; ++i)
            s_.inject_finger(SDL_FINGERUP, ImVec2(at[i].x + dx, at[i].y), 2 + i);
        return play(s_, parse_script("wait 0.1\n", "monkey"), po, &now_);
    }
};

} // namespace

int run_monkey(Session& s, const RunConfig& config, const Options& o) {
    if (s.app->state().screen == ui::Screen::Unavailable) {
        log_line(3,
                 "monkey: the exhibit is unavailable (" + s.app->state().unavailable_reason + ")");
        return 4;
    }
    try {
        Monkey m(s, config, o);
        return m.run();
    } catch (const std::exception& e) {
        log_line(3, std::string("monkey: cannot start: ") + e.what());
        return 1;
    }
}

} // namespace ctrail::platform
