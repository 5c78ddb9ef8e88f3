// Which DRM card the exhibit draws on, from the config's drm_device setting. A Pi 5 has two
// cards (the v3d render-only GPU and the vc4 display controller) and their numbers can swap
// between boots; SDL 2.26 only takes a card *number* (SDL_HINT_KMSDRM_DEVICE_INDEX), so a
// stable name such as /dev/dri/by-path/platform-gpu-card is resolved to its number here, and
// "auto" picks the card whose connector sysfs reports as connected.
//
// What firmware/main.cpp (platform glue) must do, before SDL_Init, only on the KMSDRM path
// (not headless, not when a desktop DISPLAY / WAYLAND_DISPLAY is in use):
//   DrmChoice d = choose_drm_device(cfg.drm_device);
//   log_info(d.reason);
//   if (d.index >= 0) SDL_SetHint(SDL_HINT_KMSDRM_DEVICE_INDEX, std::to_string(d.index).c_str());
//   (index -1: leave SDL to probe /dev/dri/card0.. itself.)
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace ctrail::kiosk {

struct DrmChoice {
    int index = -1;     // N of /dev/dri/cardN; -1 = let SDL choose
    std::string reason; // one log line saying what was chosen and why
};

// setting: "auto" (or empty), a card number ("1"), or a path to a card node (symlinks such as
// /dev/dri/by-path/platform-gpu-card are followed). A path that does not exist falls back to
// auto, saying so in `reason`. dev_dri and sys_class_drm are parameters for tests.
DrmChoice choose_drm_device(std::string_view setting,
                            const std::filesystem::path& dev_dri = "/dev/dri",
                            const std::filesystem::path& sys_class_drm = "/sys/class/drm");

} // namespace ctrail::kiosk
