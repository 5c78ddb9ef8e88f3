// Platform glue: the SDL window and renderer, and Dear ImGui's SDL2 + SDL_Renderer backends.
// Implements: window creation (full-screen on the kiosk: KMSDRM + GLES2 on the Pi, whatever SDL
//   picks on a desktop; a fixed-size window with --size; the dummy video driver + software
//   renderer when headless, which needs no display and no GPU), hidden cursor, rotation (the UI
//   draws into a target texture of canvas size that is copied turned onto the panel), frame
//   begin/end around ImGui, and pixel read-back of the finished frame before it is presented.
// Lacks: resizing at run time (a kiosk's mode is fixed; fonts are sized once for the panel),
//   multiple windows, high-DPI scaling other than 1:1.
#pragma once

#include <SDL.h>
#include <imgui.h>

#include <cstdint>
#include <string>
#include <vector>

namespace ctrail::platform {

struct PlatformOptions {
    bool headless = false; // dummy video driver + software renderer
    int width = 0;         // window size; 0 = full-screen desktop mode (kiosk)
    int height = 0;
    int rotation_deg = 0; // clockwise turn of the canvas on the panel: 0, 90, 180, 270
    bool force_software = false;
    std::string drm_device; // "", "auto", a /dev/dri path or a card index (KMSDRM)
};

class SdlPlatform {
  public:
    SdlPlatform() = default;
    ~SdlPlatform();
    SdlPlatform(const SdlPlatform&) = delete;
    SdlPlatform& operator=(const SdlPlatform&) = delete;

    // Initialises SDL, the window, the renderer and the ImGui context + backends.
    // Returns false and sets `error` on failure (everything opened so far is closed again).
    bool open(const PlatformOptions& options, std::string& error);
    void close();

    SDL_Window* window() const { return window_; }
    SDL_Renderer* renderer() const { return renderer_; }
    const std::string& renderer_name() const { return renderer_name_; }
    const char* video_driver() const;
    ImVec2 panel_size() const { return ImVec2(float(panel_w_), float(panel_h_)); }
    ImVec2 canvas_size() const { return ImVec2(float(canvas_w_), float(canvas_h_)); }
    int rotation() const { return rotation_; }

    // Uploads the font atlas (call after the app has added its fonts).
    bool upload_fonts();

    // Starts an ImGui frame (after events were fed); canvas size overrides the backend's.
    void begin_frame();
    // ImGui::Render() then rasterise().
    void end_frame(std::vector<std::uint8_t>* capture = nullptr);
    // Draws ImGui's finished draw data (after ImGui::Render) and presents it; when `capture` is
    // given, first reads the frame back as RGBA rows of the PANEL (what a visitor sees).
    void rasterise(std::vector<std::uint8_t>* capture = nullptr);

  private:
    SDL_Window* window_ = nullptr;
    SDL_Renderer* renderer_ = nullptr;
    SDL_Texture* canvas_texture_ = nullptr; // only when rotated
    std::string renderer_name_;
    int panel_w_ = 0, panel_h_ = 0;
    int canvas_w_ = 0, canvas_h_ = 0;
    int rotation_ = 0;
    bool imgui_context_ = false, sdl_backend_ = false, renderer_backend_ = false;
    bool sdl_video_ = false;
    bool kiosk_display_ = false; // drawing straight on a DRM card (no desktop, not headless)
};

// Writes RGBA pixels as a PNG (stb_image_write). False and `error` set on failure.
bool write_png(const std::string& path, const std::vector<std::uint8_t>& rgba, int width,
               int height, std::string& error);

} // namespace ctrail::platform
