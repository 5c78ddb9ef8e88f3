// sysfs layout used: /sys/class/drm/card<N>-<connector>/status holds "connected",
// "disconnected" or "unknown"; render-only cards (v3d) have no connector entries at all.
#include "kiosk/drm_device.hpp"

#include <charconv>
#include <fstream>
#include <map>
#include <system_error>

namespace ctrail::kiosk {

namespace fs = std::filesystem;

namespace {

// Parses "card<N>" followed by `rest`: returns N, or -1 if `name` is not of that form.
int parse_card(std::string_view name, std::string_view& rest) {
    if (name.substr(0, 4) != "card") return -1;
    int n = -1;
    const char* begin = name.data() + 4;
    const char* end = name.data() + name.size();
    auto [p, ec] = std::from_chars(begin, end, n);
    if (ec != std::errc() || p == begin) return -1;
    rest = std::string_view(p, static_cast<size_t>(end - p));
    return n;
}

// A device node name "card1" -> 1.
int card_node(std::string_view name) {
    std::string_view rest;
    const int n = parse_card(name, rest);
    return rest.empty() ? n : -1;
}

// A sysfs connector entry "card1-HDMI-A-1" -> 1 with connector "HDMI-A-1".
int card_connector(std::string_view name, std::string& connector) {
    std::string_view rest;
    const int n = parse_card(name, rest);
    if (n < 0 || rest.size() < 2 || rest[0] != '-') return -1;
    connector = std::string(rest.substr(1));
    return n;
}

std::string read_status(const fs::path& p) {
    std::ifstream in(p);
    std::string s;
    std::getline(in, s);
    return s;
}

DrmChoice choose_auto(const fs::path& sys, std::string prefix) {
    std::map<int, std::string> connected; // card -> first connected connector
    std::map<int, int> connectors;        // card -> number of connectors (display controllers)
    std::error_code ec;
    for (fs::directory_iterator it(sys, ec), end; !ec && it != end; it.increment(ec)) {
        std::string connector;
        const int n = card_connector(it->path().filename().string(), connector);
        if (n < 0) continue;
        ++connectors[n];
        if (read_status(it->path() / "status") == "connected" && !connected.count(n))
            connected[n] = connector;
    }
    if (!connected.empty()) {
        const auto& [n, conn] = *connected.begin();
        return {n, prefix + "card" + std::to_string(n) + " (display connected on " + conn + ")"};
    }
    if (!connectors.empty()) {
        const int n = connectors.begin()->first;
        return {n, prefix + "card" + std::to_string(n) +
                       " (no connector reports a display; first card with connectors)"};
    }
    return {-1, prefix + "no DRM connectors found in " + sys.string() + "; SDL probes the cards"};
}

} // namespace

DrmChoice choose_drm_device(std::string_view setting, const fs::path& dev_dri,
                            const fs::path& sys_class_drm) {
    const std::string s(setting);
    if (s.empty() || s == "auto") return choose_auto(sys_class_drm, "DRM device (auto): ");

    int n = -1;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
    if (ec == std::errc() && p == s.data() + s.size() && n >= 0)
        return {n, "DRM device: card" + s + " (from drm_device)"};

    std::error_code fec;
    fs::path path(s);
    if (path.is_relative()) path = dev_dri / path;
    const fs::path real = fs::canonical(path, fec);
    if (fec) {
        return choose_auto(sys_class_drm,
                           "DRM device: " + s + " not found (" + fec.message() + "); auto: ");
    }
    n = card_node(real.filename().string());
    if (n < 0) {
        return choose_auto(sys_class_drm, "DRM device: " + s + " is " + real.string() +
                                              ", not a /dev/dri/cardN node; auto: ");
    }
    return {n, "DRM device: card" + std::to_string(n) + " (" + s + " -> " + real.string() + ")"};
}

} // namespace ctrail::kiosk
