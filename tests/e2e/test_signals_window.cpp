// SIGTERM stops the window run mode (a developer's window of --size, neither headless nor the
// kiosk) within a frame: the log says so and the exit code is 128 + SIGTERM. The window mode
// refuses SDL's dummy and offscreen drivers, so a private Xvfb is its display.
#include "e2e_support.hpp"
#include "virtual_display.hpp"

#include <doctest/doctest.h>

#include <csignal>

using namespace e2e;

TEST_CASE("SIGTERM stops the window mode") {
    require_model();
    const std::string dir = fresh_dir("sigterm-window");
    const VirtualDisplay x(dir + "/xvfb.log");
    // --size without --headless: the window mode (run_config: RunMode::Window).
    const SignalledRun r =
        run_and_signal({"--size", "800x480", "--software", "--model", model_path()}, dir,
                       "exhibit ready", SIGTERM, x.display());
    CHECK(r.exit_code == 128 + SIGTERM);
    CHECK(r.stop_s < stop_allowance_s());
    const std::string log = read_text(dir + "/run.log");
    CHECK(log.find("exhibit ready") != std::string::npos);
    CHECK(log.find("(SIGTERM)") != std::string::npos); // "stopping after N frames (SIGTERM)"
    CHECK(log.find("headless") == std::string::npos);
}
