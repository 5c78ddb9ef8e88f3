#include "raster.hpp"

#include <algorithm>
#include <cmath>
#include <stb_image_write.h>

RgbImage::RgbImage(int width, int height, ImU32 clear)
    : w(width), h(height), rgb(std::size_t(width) * height * 3) {
    for (std::size_t i = 0; i < rgb.size(); i += 3) {
        rgb[i] = std::uint8_t(clear >> IM_COL32_R_SHIFT);
        rgb[i + 1] = std::uint8_t(clear >> IM_COL32_G_SHIFT);
        rgb[i + 2] = std::uint8_t(clear >> IM_COL32_B_SHIFT);
    }
}

ImU32 RgbImage::at(int x, int y) const {
    const std::uint8_t* p = &rgb[(std::size_t(y) * w + x) * 3];
    return IM_COL32(p[0], p[1], p[2], 255);
}

void rasterise(const ImDrawData* dd, RgbImage& img) {
    unsigned char* tex = nullptr;
    int tw = 0, th = 0;
    ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&tex, &tw, &th);
    auto col = [](ImU32 c, int shift) { return float((c >> shift) & 0xFF) / 255.f; };
    for (int l = 0; l < dd->CmdListsCount; ++l) {
        const ImDrawList* dl = dd->CmdLists[l];
        for (const ImDrawCmd& cmd : dl->CmdBuffer) {
            if (cmd.UserCallback) continue;
            int cx0 = std::max(0, int(cmd.ClipRect.x)), cy0 = std::max(0, int(cmd.ClipRect.y));
            int cx1 = std::min(img.w, int(std::ceil(cmd.ClipRect.z)));
            int cy1 = std::min(img.h, int(std::ceil(cmd.ClipRect.w)));
            for (unsigned e = 0; e + 2 < cmd.ElemCount; e += 3) {
                const ImDrawVert* v[3];
                for (int k = 0; k < 3; ++k)
                    v[k] = &dl->VtxBuffer[int(cmd.VtxOffset +
                                              dl->IdxBuffer[int(cmd.IdxOffset + e + unsigned(k))])];
                float x0 = v[0]->pos.x, y0 = v[0]->pos.y, x1 = v[1]->pos.x, y1 = v[1]->pos.y;
                float x2 = v[2]->pos.x, y2 = v[2]->pos.y;
                float area = (x1 - x0) * (y2 - y0) - (y1 - y0) * (x2 - x0);
                if (std::abs(area) < 1e-9f) continue;
                int bx0 = std::max(cx0, int(std::floor(std::min({x0, x1, x2}))));
                int by0 = std::max(cy0, int(std::floor(std::min({y0, y1, y2}))));
                int bx1 = std::min(cx1, int(std::ceil(std::max({x0, x1, x2}))) + 1);
                int by1 = std::min(cy1, int(std::ceil(std::max({y0, y1, y2}))) + 1);
                for (int y = by0; y < by1; ++y)
                    for (int x = bx0; x < bx1; ++x) {
                        float px = float(x) + 0.5f, py = float(y) + 0.5f;
                        float w0 = ((x1 - px) * (y2 - py) - (y1 - py) * (x2 - px)) / area;
                        float w1 = ((x2 - px) * (y0 - py) - (y2 - py) * (x0 - px)) / area;
                        float w2 = 1.f - w0 - w1;
                        if (w0 < 0 || w1 < 0 || w2 < 0) continue;
                        float u = w0 * v[0]->uv.x + w1 * v[1]->uv.x + w2 * v[2]->uv.x;
                        float t = w0 * v[0]->uv.y + w1 * v[1]->uv.y + w2 * v[2]->uv.y;
                        int tx = std::clamp(int(u * float(tw)), 0, tw - 1),
                            ty = std::clamp(int(t * float(th)), 0, th - 1);
                        const unsigned char* texel = tex + (std::size_t(ty) * tw + tx) * 4;
                        float rgba[4];
                        for (int c = 0; c < 4; ++c) {
                            int shift = c * 8;
                            rgba[c] = w0 * col(v[0]->col, shift) + w1 * col(v[1]->col, shift) +
                                      w2 * col(v[2]->col, shift);
                            rgba[c] *= float(texel[c]) / 255.f;
                        }
                        std::uint8_t* dst = &img.rgb[(std::size_t(y) * img.w + x) * 3];
                        for (int c = 0; c < 3; ++c)
                            dst[c] = std::uint8_t(
                                std::lround(rgba[c] * 255.f * rgba[3] + dst[c] * (1.f - rgba[3])));
                    }
            }
        }
    }
}

bool write_png(const RgbImage& img, const std::string& path) {
    return stbi_write_png(path.c_str(), img.w, img.h, 3, img.rgb.data(), img.w * 3) != 0;
}
