// The kiosk's own render loop (run_on_display), in-process on SDL's dummy driver: a Session
// opened as the kiosk (RunMode::Kiosk, drawing headless), fed injected SDL events with
// SDL_PushEvent. No key, gesture or window-close request ends it; a real signal always does;
// and the systemd watchdog (a fake NOTIFY_SOCKET read here) hears WATCHDOG=1 from the render
// loop only, so a frozen loop goes silent and systemd kills and restarts it.
// One ctest process per case: the stop-signal flag is process-wide.
#include "kiosk_mode.hpp"
#include "run_config.hpp"
#include "session.hpp"
#include "stop_signal.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <poll.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <thread>
#include <unistd.h>

using namespace ctrail::platform;
using Clock = std::chrono::steady_clock;

namespace {

struct Kiosk {
    Options options;
    RunConfig config;
    Session session;
    int frames = 0;

    explicit Kiosk(RunMode mode = RunMode::Kiosk, int max_frames = 40) {
        if (!std::filesystem::exists(CTRAIL_E2E_MODEL)) std::exit(77); // ctest: skipped
        options = parse_options({"--headless", "--model", CTRAIL_E2E_MODEL});
        options.max_frames = max_frames;
        config = resolve_run_config(options);
        config.mode = mode; // the kiosk's loop and event rules, drawn on the dummy driver
        std::string error;
        REQUIRE_MESSAGE(session.open(config, error), error);
        session.after_frame = [this] { ++frames; };
    }
    int run() { return run_on_display(session, config, options); }
};

SDL_Event key(SDL_Keycode sym, Uint16 mod) {
    SDL_Event e{};
    e.type = SDL_KEYDOWN;
    e.key.state = SDL_PRESSED;
    e.key.keysym.sym = sym;
    e.key.keysym.scancode = SDL_GetScancodeFromKey(sym);
    e.key.keysym.mod = mod;
    return e;
}

// Every way out a visitor (or a window manager) might try.
std::vector<SDL_Event> escape_attempts(SDL_Window* window) {
    std::vector<SDL_Event> v = {key(SDLK_F4, KMOD_LALT),
                                key(SDLK_c, KMOD_LCTRL),
                                key(SDLK_q, KMOD_LCTRL),
                                key(SDLK_ESCAPE, KMOD_NONE),
                                key(SDLK_F11, KMOD_NONE),
                                key(SDLK_LGUI, KMOD_LGUI),
                                key(SDLK_BACKSPACE, Uint16(KMOD_LCTRL | KMOD_LALT))};
    SDL_Event g{};
    g.type = SDL_MULTIGESTURE;
    g.mgesture.numFingers = 4;
    g.mgesture.dDist = -0.3f;
    v.push_back(g);
    SDL_Event close{};
    close.type = SDL_WINDOWEVENT;
    close.window.event = SDL_WINDOWEVENT_CLOSE;
    close.window.windowID = SDL_GetWindowID(window);
    v.push_back(close);
    SDL_Event quit{};
    quit.type = SDL_QUIT; // what SDL makes of the window manager's close (Alt+F4)
    v.push_back(quit);
    return v;
}

class FakeServiceManager {
  public:
    FakeServiceManager() {
        fd_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        REQUIRE(fd_ >= 0);
        dir_ = std::filesystem::temp_directory_path() /
               ("ctrail-watchdog-" + std::to_string(getpid()));
        std::filesystem::create_directories(dir_);
        address_ = (dir_ / "notify").string();
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        std::memcpy(addr.sun_path, address_.c_str(), address_.size() + 1);
        REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&addr),
                       socklen_t(offsetof(sockaddr_un, sun_path) + address_.size() + 1)) == 0);
        reader_ = std::thread([this] {
            while (!stop_) {
                pollfd p{fd_, POLLIN, 0};
                if (::poll(&p, 1, 20) != 1) continue;
                char buf[512];
                const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
                if (n <= 0) continue;
                std::lock_guard lock(mutex_);
                got_.push_back({Clock::now(), std::string(buf, std::size_t(n))});
            }
        });
    }
    ~FakeServiceManager() {
        stop_ = true;
        reader_.join();
        ::close(fd_);
        std::filesystem::remove_all(dir_);
    }
    const std::string& address() const { return address_; }
    struct Message {
        Clock::time_point at;
        std::string text;
    };
    std::vector<Message> messages() {
        std::this_thread::sleep_for(std::chrono::milliseconds(100)); // the last datagrams
        std::lock_guard lock(mutex_);
        return got_;
    }

  private:
    int fd_ = -1;
    std::filesystem::path dir_;
    std::string address_;
    std::thread reader_;
    std::atomic<bool> stop_{false};
    std::mutex mutex_;
    std::vector<Message> got_;
};

} // namespace

TEST_CASE("kiosk: no key or gesture or window-close request leaves the exhibit") {
    install_stop_handlers();
    Kiosk k(RunMode::Kiosk, 40);
    for (SDL_Event e : escape_attempts(k.session.platform.window()))
        REQUIRE(SDL_PushEvent(&e) >= 0);
    CHECK(k.run() == 0);
    CHECK(k.frames == 40); // it ran on to its frame limit
    CHECK_FALSE(k.session.quit);
    CHECK(stop_signal() == 0);
}

TEST_CASE("kiosk: the same close request does end a developer's window") {
    // The control for the case above: the events do arrive and would quit where allowed.
    install_stop_handlers();
    Kiosk k(RunMode::Window, 40);
    SDL_Event quit{};
    quit.type = SDL_QUIT;
    REQUIRE(SDL_PushEvent(&quit) >= 0);
    k.run();
    CHECK(k.session.quit);
    CHECK(k.frames == 1);
}

TEST_CASE("kiosk: SIGTERM is obeyed within a frame though SDL_QUIT is ignored") {
    install_stop_handlers();
    Kiosk k(RunMode::Kiosk, 100000);
    k.session.after_frame = [&] {
        if (++k.frames == 5) std::raise(SIGTERM); // the handler's flag, and SDL's SDL_QUIT
    };
    CHECK(k.run() == 0); // the kiosk's normal stop, as systemd expects
    CHECK(stop_signal() == SIGTERM);
    CHECK(k.frames == 5);
}

TEST_CASE("kiosk: SIGINT is obeyed too") {
    install_stop_handlers();
    Kiosk k(RunMode::Kiosk, 100000);
    k.session.after_frame = [&] {
        if (++k.frames == 3) std::raise(SIGINT);
    };
    CHECK(k.run() == 0);
    CHECK(stop_signal() == SIGINT);
    CHECK(k.frames == 3);
}

TEST_CASE("kiosk: WATCHDOG=1 comes from the render loop and stops while it is frozen") {
    install_stop_handlers();
    FakeServiceManager manager;
    ::setenv("NOTIFY_SOCKET", manager.address().c_str(), 1);
    // WatchdogSec=3: a heartbeat every 1.5 s. Seconds, not milliseconds: a debug or sanitizer
    // build draws a software-rendered frame in up to a few hundred milliseconds.
    ::setenv("WATCHDOG_USEC", "3000000", 1);
    ::unsetenv("WATCHDOG_PID");
    Kiosk k(RunMode::Kiosk, 1000000);
    const Clock::time_point start = Clock::now();
    Clock::time_point freeze_from{}, freeze_to{};
    k.session.after_frame = [&] {
        ++k.frames;
        const Clock::time_point now = Clock::now();
        if (freeze_from == Clock::time_point{} && now - start > std::chrono::milliseconds(3500)) {
            // The test-only freeze: the loop stalls for more than two watchdog timeouts.
            freeze_from = now;
            std::this_thread::sleep_for(std::chrono::seconds(7));
            freeze_to = Clock::now();
        }
        if (freeze_to != Clock::time_point{} && now - freeze_to > std::chrono::milliseconds(3500))
            k.session.quit = true;
    };
    CHECK(k.run() == 0);
    ::unsetenv("NOTIFY_SOCKET");
    ::unsetenv("WATCHDOG_USEC");
    const auto got = manager.messages();
    REQUIRE(got.size() >= 4);
    CHECK(got.front().text.rfind("READY=1", 0) == 0);
    CHECK(got.back().text == "STOPPING=1");
    int before = 0, during = 0, after = 0;
    const auto timeout = std::chrono::seconds(3);
    Clock::time_point last{};
    for (const auto& m : got) {
        if (m.text != "WATCHDOG=1") continue;
        if (m.at < freeze_from)
            ++before;
        else if (m.at <= freeze_to)
            ++during;
        else
            ++after;
        // While frames are drawn, no silence reaches the timeout (the freeze excepted).
        if (last != Clock::time_point{} && !(last < freeze_to && m.at > freeze_from))
            CHECK(m.at - last < timeout);
        last = m.at;
    }
    CHECK(before >= 2); // 3.5 s of frames: a heartbeat every 1.5 s
    CHECK(during == 0); // frozen: silent for 7 s, so systemd would kill and restart it
    CHECK(after >= 2);  // drawing again: the heartbeat is back
}
