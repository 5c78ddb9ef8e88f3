#include "e2e_support.hpp"

#include "../../firmware/platform/shown_number.hpp"

#include <doctest/doctest.h>
#include <stb_image.h>

#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;

namespace e2e {

std::string model_path() {
    const char* env = std::getenv("CTRAIL_E2E_MODEL");
    return env && *env ? env : CTRAIL_E2E_MODEL;
}

void require_model() {
    if (!fs::exists(model_path())) {
        std::printf("SKIPPED: the model %s is absent (it is built from assets/model/china-2007/ by "
                    "the `models` target); the exhibit's end-to-end tests need it.\n",
                    model_path().c_str());
        std::fflush(stdout);
        std::_Exit(77);
    }
}

const ctrail::ExhibitModel& model() {
    static std::unique_ptr<ctrail::ExhibitModel> m = ctrail::ExhibitModel::open(model_path());
    return *m;
}

const ctrail::ui::Content& content() {
    static ctrail::ui::Content c =
        ctrail::ui::load_content(std::string(CTRAIL_SOURCE_DIR) + "/assets/content");
    return c;
}

const std::vector<ctrail::ui::WhatIfStep>& what_if_steps() {
    static const auto steps =
        ctrail::ui::load_what_if(std::string(CTRAIL_SOURCE_DIR) + "/assets/content/what_if.tsv");
    return steps;
}

std::string fresh_dir(const std::string& name) {
    fs::path p = fs::path(CTRAIL_E2E_OUT) / name;
    fs::remove_all(p);
    fs::create_directories(p);
    return p.string();
}

namespace {
std::string quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}
} // namespace

int run_carbontrail(const std::vector<std::string>& args, const std::string& log_dir) {
    // Cross builds run the ARM program under the emulator CMake was given (qemu-aarch64-static).
    std::string emulator = CARBONTRAIL_EMULATOR;
    std::string cmd = "SDL_VIDEODRIVER=dummy " + (emulator.empty() ? "" : quote(emulator) + " ") +
                      quote(CARBONTRAIL_EXE);
    for (const auto& a : args) cmd += " " + quote(a);
    cmd += " >" + quote(log_dir + "/run.log") + " 2>&1";
    const int status = std::system(cmd.c_str());
    const int rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (rc != 0)
        MESSAGE("carbontrail exited " << rc << "; its log:\n" << read_text(log_dir + "/run.log"));
    return rc;
}

// `carbontrail --hash-pin` with the PIN on standard input: the config line it prints.
std::string hash_pin_line(const std::string& pin, int* exit_code) {
    const std::string emulator = CARBONTRAIL_EMULATOR;
    const std::string cmd = "printf '%s\\n' '" + pin + "' | " +
                            (emulator.empty() ? "" : emulator + " ") + CARBONTRAIL_EXE +
                            " --hash-pin 2>/dev/null";
    std::string out;
    if (FILE* p = popen(cmd.c_str(), "r")) {
        char buf[512];
        while (std::fgets(buf, sizeof buf, p)) out += buf;
        const int status = pclose(p);
        if (exit_code) *exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    return out;
}

double stop_allowance_s() {
    return std::string(CARBONTRAIL_EMULATOR).empty() ? 2.0 : 10.0;
}

SignalledRun run_and_signal(const std::vector<std::string>& args, const std::string& log_dir,
                            const std::string& playing, int signal, const std::string& display) {
    std::vector<std::string> argv;
    const std::string emulator = CARBONTRAIL_EMULATOR;
    if (!emulator.empty()) argv.push_back(emulator);
    argv.push_back(CARBONTRAIL_EXE);
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<char*> cargs;
    for (auto& a : argv) cargs.push_back(a.data());
    cargs.push_back(nullptr);
    const std::string log = log_dir + "/run.log";
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        const int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd >= 0) dup2(fd, 1), dup2(fd, 2);
        if (display.empty()) {
            setenv("SDL_VIDEODRIVER", "dummy", 1);
        } else {
            setenv("SDL_VIDEODRIVER", "x11", 1);
            setenv("DISPLAY", display.c_str(), 1);
            // libX11 and the X input method keep allocations to exit: not the exhibit's leaks
            // (as the hostile and full-screen tests' X runs say too).
            setenv("ASAN_OPTIONS", "detect_leaks=0:abort_on_error=1", 1);
        }
        execv(cargs[0], cargs.data());
        _exit(127);
    }
    for (int i = 0; i < 600 && read_text(log).find(playing) == std::string::npos; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    const auto t0 = std::chrono::steady_clock::now();
    kill(pid, signal);
    int status = 0;
    waitpid(pid, &status, 0);
    SignalledRun r;
    r.stop_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (r.exit_code != 0)
        MESSAGE("carbontrail exited " << r.exit_code << "; its log:\n" << read_text(log));
    return r;
}

std::string script_to_what_if(const std::string& region, const std::string& product) {
    std::string s = "settle\ntap start\nsettle\ntap region." + region +
                    " via region.page\nsettle\ntap product." + product + "\nsettle\n";
    for (int step = 0; step < 4; ++step) s += "tap next\nsettle\n";
    return s + "expect screen what_if\n";
}

std::string write_script(const std::string& dir, const std::string& text) {
    const std::string p = dir + "/visitor.script";
    std::ofstream(p) << text;
    return p;
}

std::string read_text(const std::string& path) {
    std::ifstream in(path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

const std::string& State::operator[](const std::string& key) const {
    static const std::string none = "<missing>";
    auto it = values.find(key);
    return it == values.end() ? none : it->second;
}

const Figure* State::figure(const std::string& id) const {
    for (const auto& f : figures)
        if (f.id == id) return &f;
    return nullptr;
}

State read_state(const std::string& path) {
    State s;
    std::istringstream in(read_text(path));
    for (std::string line; std::getline(in, line);) {
        std::vector<std::string> cells;
        std::size_t start = 0;
        for (;;) {
            auto tab = line.find('\t', start);
            cells.push_back(
                line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
            if (tab == std::string::npos) break;
            start = tab + 1;
        }
        if (cells[0] == "figure" && cells.size() == 5)
            s.figures.push_back(
                {cells[1], std::strtod(cells[2].c_str(), nullptr), cells[3], cells[4]});
        else if (cells.size() == 2)
            s.values[cells[0]] = cells[1];
    }
    return s;
}

Image load_png(const std::string& path) {
    Image img;
    int n = 0;
    unsigned char* data = stbi_load(path.c_str(), &img.width, &img.height, &n, 4);
    if (!data) return {};
    img.rgba.assign(data, data + std::size_t(img.width) * img.height * 4);
    stbi_image_free(data);
    return img;
}

double differing_fraction(const Image& a, const Image& b, int threshold) {
    if (a.width != b.width || a.height != b.height || a.width == 0) return 1.0;
    std::size_t differing = 0;
    const std::size_t n = std::size_t(a.width) * a.height;
    for (std::size_t i = 0; i < n; ++i) {
        int worst = 0;
        for (int c = 0; c < 3; ++c)
            worst = std::max(worst, std::abs(int(a.rgba[i * 4 + c]) - int(b.rgba[i * 4 + c])));
        if (worst > threshold) ++differing;
    }
    return double(differing) / double(n);
}

double read_shown(const std::string& shown, const std::string& unit) {
    return ctrail::platform::read_shown(shown, unit);
}

} // namespace e2e
