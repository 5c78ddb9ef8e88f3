#include "sdl_platform.hpp"

#include "window_geometry.hpp"

#include "kiosk/drm_device.hpp"
#include "kiosk/kiosk_log.hpp"

#include <imgui_impl_sdl.h>
#include <imgui_impl_sdlrenderer.h>

#include <cstdlib>
#include <string>

namespace ctrail::platform {

SdlPlatform::~SdlPlatform() {
    close();
}

const char* SdlPlatform::video_driver() const {
    const char* d = SDL_GetCurrentVideoDriver();
    return d ? d : "none";
}

bool SdlPlatform::open(const PlatformOptions& o, std::string& error) {
    rotation_ = o.rotation_deg;
    if (o.headless) {
        // No display, no GPU: the dummy driver + software renderer (byte-identical to offscreen).
        // Override: a headless run must not pick up a SDL_VIDEODRIVER meant for a display.
        SDL_SetHintWithPriority(SDL_HINT_VIDEODRIVER, "dummy", SDL_HINT_OVERRIDE);
        SDL_SetHintWithPriority(SDL_HINT_RENDER_DRIVER, "software", SDL_HINT_OVERRIDE);
    } else if (o.force_software) {
        SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
    }
    // The kiosk path: no desktop session, so SDL draws straight on a DRM card (KMSDRM). A Pi 5
    // has two cards whose numbers can swap between boots: resolve the configured one (auto, a
    // number or a /dev/dri/by-path name) to the index SDL takes, and ask for GLES2.
    const bool desktop = std::getenv("DISPLAY") || std::getenv("WAYLAND_DISPLAY");
    kiosk_display_ = !o.headless && !desktop;
    if (kiosk_display_) {
        kiosk::DrmChoice d = kiosk::choose_drm_device(o.drm_device);
        kiosk::log_info(d.reason);
        if (d.index >= 0)
            SDL_SetHint(SDL_HINT_KMSDRM_DEVICE_INDEX, std::to_string(d.index).c_str());
        if (!o.force_software) SDL_SetHint(SDL_HINT_RENDER_DRIVER, "opengles2");
    }
    // A touch is a touch: no emulated mouse events on top of the finger events we handle.
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
    // Full screen stays full screen when something else takes the focus (no Alt+Tab escape).
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        error = std::string("cannot start SDL video (") + SDL_GetError() +
                "); no display? Use --headless, or check DISPLAY / the KMSDRM device and that the "
                "user is in the video, input and render groups";
        return false;
    }
    sdl_video_ = true;
    // Without a display SDL quietly falls back to its offscreen/dummy drivers: for a run that
    // wants a screen that is "no display", not a window nobody can see.
    const std::string driver = video_driver();
    if (!o.headless && (driver == "offscreen" || driver == "dummy")) {
        error = "SDL could only offer its " + driver + " video driver";
        close();
        return false;
    }

    Rect display;
    if (SDL_Rect b; SDL_GetDisplayBounds(0, &b) == 0) display = Rect{b.x, b.y, b.w, b.h};
    const WindowGeometry g = window_geometry(o.width, o.height, rotation_, display);
    Uint32 flags = SDL_WINDOW_SHOWN;
    if (g.fullscreen) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS;
    const int x = g.centred ? int(SDL_WINDOWPOS_CENTERED) : g.rect.x;
    const int y = g.centred ? int(SDL_WINDOWPOS_CENTERED) : g.rect.y;
    window_ = SDL_CreateWindow("Carbon Trail", x, y, g.rect.w, g.rect.h, flags);
    if (!window_) {
        error = std::string("cannot create the window: ") + SDL_GetError();
        close();
        return false;
    }
    renderer_ =
        SDL_CreateRenderer(window_, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    if (!renderer_ && kiosk_display_) {
        kiosk::log_warning(std::string("no GLES2 renderer (") + SDL_GetError() +
                           "); trying any accelerated one");
        SDL_SetHint(SDL_HINT_RENDER_DRIVER, "");
        renderer_ =
            SDL_CreateRenderer(window_, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    }
    if (!renderer_) {
        if (!o.headless)
            kiosk::log_warning(std::string("no accelerated renderer (") + SDL_GetError() +
                               "); falling back to software rendering");
        renderer_ = SDL_CreateRenderer(window_, -1, SDL_RENDERER_SOFTWARE);
    }
    if (!renderer_) {
        error = std::string("cannot create a renderer: ") + SDL_GetError();
        close();
        return false;
    }
    SDL_RendererInfo info{};
    SDL_GetRendererInfo(renderer_, &info);
    renderer_name_ = info.name ? info.name : "unknown";
    if (kiosk_display_ && !o.force_software && renderer_name_ != "opengles2")
        kiosk::log_warning("drawing with the " + renderer_name_ + " renderer, not GLES2");
    SDL_ShowCursor(SDL_DISABLE);
    SDL_GetRendererOutputSize(renderer_, &panel_w_, &panel_h_);
    if (g.fullscreen && !o.headless && !covers_display(panel_w_, panel_h_, display)) {
        // No window manager made it full screen: place and size it over the display ourselves.
        SDL_SetWindowPosition(window_, display.x, display.y);
        SDL_SetWindowSize(window_, display.w, display.h);
        SDL_GetRendererOutputSize(renderer_, &panel_w_, &panel_h_);
        kiosk::log_warning("the window was " + std::to_string(g.rect.w) + "x" +
                           std::to_string(g.rect.h) + " short of the display; resized to " +
                           std::to_string(panel_w_) + "x" + std::to_string(panel_h_));
    }
    canvas_w_ = panel_w_;
    canvas_h_ = panel_h_;
    if (rotation_ == 90 || rotation_ == 270) std::swap(canvas_w_, canvas_h_);
    if (rotation_ != 0) {
        canvas_texture_ = SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_ARGB8888,
                                            SDL_TEXTUREACCESS_TARGET, canvas_w_, canvas_h_);
        if (!canvas_texture_) {
            // Better an upright-on-the-panel picture than none: fall back to no rotation.
            rotation_ = 0;
            canvas_w_ = panel_w_;
            canvas_h_ = panel_h_;
        }
    }

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    imgui_context_ = true;
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange; // the cursor stays hidden
    if (!ImGui_ImplSDL2_InitForSDLRenderer(window_)) {
        error = "ImGui SDL2 backend failed to start";
        close();
        return false;
    }
    sdl_backend_ = true;
    if (!ImGui_ImplSDLRenderer_Init(renderer_)) {
        error = "ImGui SDL_Renderer backend failed to start";
        close();
        return false;
    }
    renderer_backend_ = true;
    return true;
}

bool SdlPlatform::upload_fonts() {
    ImGui_ImplSDLRenderer_DestroyFontsTexture();
    return ImGui_ImplSDLRenderer_CreateFontsTexture();
}

void SdlPlatform::close() {
    if (renderer_backend_) ImGui_ImplSDLRenderer_Shutdown();
    if (sdl_backend_) ImGui_ImplSDL2_Shutdown();
    if (imgui_context_) ImGui::DestroyContext();
    renderer_backend_ = sdl_backend_ = imgui_context_ = false;
    if (canvas_texture_) SDL_DestroyTexture(canvas_texture_);
    if (renderer_) SDL_DestroyRenderer(renderer_);
    if (window_) SDL_DestroyWindow(window_);
    canvas_texture_ = nullptr;
    renderer_ = nullptr;
    window_ = nullptr;
    if (sdl_video_) SDL_Quit();
    sdl_video_ = false;
}

void SdlPlatform::begin_frame() {
    ImGui_ImplSDLRenderer_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = canvas_size(); // the canvas, not the (possibly turned) window
    io.DisplayFramebufferScale = ImVec2(1, 1);
}

void SdlPlatform::end_frame(std::vector<std::uint8_t>* capture) {
    ImGui::Render();
    rasterise(capture);
}

void SdlPlatform::rasterise(std::vector<std::uint8_t>* capture) {
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    auto clear = [&] {
        SDL_SetRenderDrawColor(renderer_, Uint8(bg.x * 255), Uint8(bg.y * 255), Uint8(bg.z * 255),
                               255);
        SDL_RenderClear(renderer_);
    };
    if (canvas_texture_) {
        SDL_SetRenderTarget(renderer_, canvas_texture_);
        clear();
        ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
        SDL_SetRenderTarget(renderer_, nullptr);
        SDL_SetRenderDrawColor(renderer_, 0, 0, 0, 255);
        SDL_RenderClear(renderer_);
        // Centred destination of canvas size, turned clockwise about its centre.
        SDL_Rect dst{(panel_w_ - canvas_w_) / 2, (panel_h_ - canvas_h_) / 2, canvas_w_, canvas_h_};
        SDL_RenderCopyEx(renderer_, canvas_texture_, nullptr, &dst, double(rotation_), nullptr,
                         SDL_FLIP_NONE);
    } else {
        clear();
        ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
    }
    if (capture) {
        capture->assign(std::size_t(panel_w_) * panel_h_ * 4, 0);
        // RGBA32 is R,G,B,A in memory order on any endianness (what PNG wants).
        if (SDL_RenderReadPixels(renderer_, nullptr, SDL_PIXELFORMAT_RGBA32, capture->data(),
                                 panel_w_ * 4) != 0) {
            capture->clear();
        }
    }
    SDL_RenderPresent(renderer_);
}

} // namespace ctrail::platform
