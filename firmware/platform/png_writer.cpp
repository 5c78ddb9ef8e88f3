// PNG output for screenshots, through libstb's stb_image_write (Debian's libstb ships it compiled).
#include "sdl_platform.hpp"

#include <stb_image_write.h>

namespace ctrail::platform {

bool write_png(const std::string& path, const std::vector<std::uint8_t>& rgba, int width,
               int height, std::string& error) {
    if (rgba.size() != std::size_t(width) * height * 4) {
        error = "no pixels to write for " + path;
        return false;
    }
    if (!stbi_write_png(path.c_str(), width, height, 4, rgba.data(), width * 4)) {
        error = "cannot write " + path;
        return false;
    }
    return true;
}

} // namespace ctrail::platform
