// A minimal software rasteriser for ImDrawData (test and preview use only): barycentric
// triangles, nearest-texel sampling of the RGBA32 font atlas, src-over blending, clip rects.
#pragma once

#include <imgui.h>

#include <cstdint>
#include <string>
#include <vector>

struct RgbImage {
    int w = 0, h = 0;
    std::vector<std::uint8_t> rgb; // w * h * 3
    RgbImage(int width, int height, ImU32 clear);
    ImU32 at(int x, int y) const; // opaque ABGR
};

// Rasterises draw data whose textures are all the font atlas of the current context
// (GetTexDataAsRGBA32 must have been called, TexID set to anything non-null).
void rasterise(const ImDrawData* dd, RgbImage& img);
bool write_png(const RgbImage& img, const std::string& path);
