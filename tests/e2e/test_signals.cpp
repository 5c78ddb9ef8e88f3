// SIGTERM and SIGINT stop every headless run mode within a frame: the file being written is
// finished, the log says why, and the exit code is 128 + the signal (the tour took 9.6 s and
// exited 0 before: SDL turned the signal into an event nobody read).
#include "e2e_support.hpp"

#include <doctest/doctest.h>

#include <csignal>
#include <filesystem>

using namespace e2e;

namespace {
// Every PNG has its state file beside it: no half-written pair.
void check_complete_pairs(const std::string& dir) {
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
        if (e.path().extension() != ".png") continue;
        INFO(e.path());
        CHECK(load_png(e.path().string()).width == 800);
        std::filesystem::path st = e.path();
        st.replace_extension(".state.tsv");
        CHECK(std::filesystem::exists(st));
    }
}
} // namespace

TEST_CASE("SIGTERM stops the tour") {
    require_model();
    const std::string dir = fresh_dir("sigterm-tour");
    const SignalledRun r =
        run_and_signal({"--tour", dir, "--model", model_path()}, dir, "03-region.png", SIGTERM);
    CHECK(r.exit_code == 128 + SIGTERM);
    CHECK(r.stop_s < stop_allowance_s());
    const std::string log = read_text(dir + "/run.log");
    CHECK(log.find("stopped by SIGTERM") != std::string::npos);
    CHECK(log.find("tour: finished") == std::string::npos);
    check_complete_pairs(dir);
}

TEST_CASE("SIGINT stops a script") {
    require_model();
    const std::string dir = fresh_dir("sigint-script");
    // Ten minutes of simulated waiting: far longer than the test waits.
    const std::string script = write_script(dir, "settle\ntap start\nwait 600\n");
    const SignalledRun r =
        run_and_signal({"--script", script, "--model", model_path()}, dir, "exhibit ready", SIGINT);
    CHECK(r.exit_code == 128 + SIGINT);
    CHECK(r.stop_s < stop_allowance_s());
    CHECK(read_text(dir + "/run.log").find("stopped by SIGINT") != std::string::npos);
}
