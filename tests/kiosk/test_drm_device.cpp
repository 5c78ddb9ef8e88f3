// choose_drm_device against fake /dev/dri and /sys/class/drm trees laid out like a Pi 5's:
// card0 = v3d (render only, no connectors), card1 = vc4 display controller, and the stable
// by-path link to the display controller.
#include "kiosk/drm_device.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace ctrail::kiosk;
namespace fs = std::filesystem;

namespace {
struct FakeDrm {
    fs::path root = fs::temp_directory_path() / ("ctrail-drm-" + std::to_string(getpid()));
    fs::path dev = root / "dev/dri";
    fs::path sys = root / "sys/class/drm";
    FakeDrm() {
        fs::remove_all(root);
        fs::create_directories(dev / "by-path");
        fs::create_directories(sys);
        for (const char* n : {"card0", "card1", "renderD128"}) std::ofstream(dev / n) << "";
        fs::create_symlink("../card1", dev / "by-path/platform-gpu-card");
        fs::create_symlink("../card0", dev / "by-path/platform-1002000000.v3d-card");
        fs::create_directories(sys / "card0");
        fs::create_directories(sys / "card1");
        fs::create_directories(sys / "renderD128");
        connector("card1-HDMI-A-1", "disconnected");
        connector("card1-HDMI-A-2", "connected");
        connector("card1-Writeback-1", "unknown");
    }
    ~FakeDrm() { fs::remove_all(root); }
    void connector(const std::string& name, const std::string& status) {
        fs::create_directories(sys / name);
        std::ofstream(sys / name / "status") << status << "\n";
    }
};
} // namespace

TEST_CASE("auto picks the card with a connected display, not the render-only GPU") {
    FakeDrm drm;
    DrmChoice c = choose_drm_device("auto", drm.dev, drm.sys);
    CHECK(c.index == 1);
    CHECK(c.reason == "DRM device (auto): card1 (display connected on HDMI-A-2)");
    CHECK(choose_drm_device("", drm.dev, drm.sys).index == 1);
}

TEST_CASE("auto follows the display when the card numbers swap between boots") {
    FakeDrm drm;
    fs::remove_all(drm.sys / "card1-HDMI-A-1");
    fs::remove_all(drm.sys / "card1-HDMI-A-2");
    fs::remove_all(drm.sys / "card1-Writeback-1");
    drm.connector("card0-HDMI-A-1", "connected");
    CHECK(choose_drm_device("auto", drm.dev, drm.sys).index == 0);
}

TEST_CASE("with no display connected auto takes the first card that has connectors") {
    FakeDrm drm;
    drm.connector("card1-HDMI-A-2", "disconnected");
    drm.connector("card2-DSI-1", "disconnected");
    DrmChoice c = choose_drm_device("auto", drm.dev, drm.sys);
    CHECK(c.index == 1);
    CHECK(c.reason.find("no connector reports a display") != std::string::npos);
}

TEST_CASE("without any connectors SDL is left to probe") {
    FakeDrm drm;
    for (const char* n : {"card1-HDMI-A-1", "card1-HDMI-A-2", "card1-Writeback-1"})
        fs::remove_all(drm.sys / n);
    DrmChoice c = choose_drm_device("auto", drm.dev, drm.sys);
    CHECK(c.index == -1);
    CHECK(c.reason.find("SDL probes") != std::string::npos);
}

TEST_CASE("a stable by-path name resolves to the card it points at") {
    FakeDrm drm;
    DrmChoice c =
        choose_drm_device((drm.dev / "by-path/platform-gpu-card").string(), drm.dev, drm.sys);
    CHECK(c.index == 1);
    CHECK(c.reason.find("-> " + (drm.dev / "card1").string()) != std::string::npos);
    CHECK(choose_drm_device("by-path/platform-1002000000.v3d-card", drm.dev, drm.sys).index == 0);
    CHECK(choose_drm_device((drm.dev / "card0").string(), drm.dev, drm.sys).index == 0);
}

TEST_CASE("a number is taken as it is, a missing or wrong path falls back to auto") {
    FakeDrm drm;
    CHECK(choose_drm_device("0", drm.dev, drm.sys).index == 0);
    DrmChoice missing = choose_drm_device("/dev/dri/by-path/nothing-here", drm.dev, drm.sys);
    CHECK(missing.index == 1);
    CHECK(missing.reason.find("not found") != std::string::npos);
    DrmChoice render = choose_drm_device((drm.dev / "renderD128").string(), drm.dev, drm.sys);
    CHECK(render.index == 1);
    CHECK(render.reason.find("not a /dev/dri/cardN node") != std::string::npos);
}
