// Font loading into ImGui's atlas. ImGui asserts (live in Debian's libimgui.a) when a font
// file cannot be read or is not a font, so the file is read and sniffed here first, and ImGui's
// built-in font stands in on any problem.
#include "fonts.hpp"

#include "utf8.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <set>
#include <system_error>

namespace ctrail::ui {

namespace {

// Symbols the screens draw besides the texts' own characters. Keep in step with
// assets/fonts/collect_glyphs.py (the font subset must contain them too).
constexpr char32_t kExtraSymbols[] = {U'←',  U'→',  U'↑',  U'↓',  U'·',  U'–',  U'—',     U'…',
                                      U'%',  U'≈',  U'×',  U'°',  U'²',  U'₂',  U'‘',     U'’',
                                      U'“',  U'”',  U'•',  U'€',  U'¥',  U'，', U'。',    U'：',
                                      U'？', U'！', U'（', U'）', U'、', U'％', U'\uFFFD'};

bool read_font(const std::string& path, std::vector<unsigned char>& out, std::string& error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = path + ": cannot open the font file";
        return false;
    }
    out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (out.size() < 12) {
        error = path + ": file too small to be a font";
        return false;
    }
    // TrueType (00 01 00 00, 'true') or OpenType/CFF ('OTTO'); collections are not accepted
    // (the build subsets a single face).
    const unsigned char* d = out.data();
    bool ok = (d[0] == 0 && d[1] == 1 && d[2] == 0 && d[3] == 0) ||
              std::memcmp(d, "OTTO", 4) == 0 || std::memcmp(d, "true", 4) == 0;
    if (!ok) {
        error = path + ": not a TrueType/OpenType font";
        return false;
    }
    return true;
}

ImFont* add_font(ImGuiIO& io, const std::vector<unsigned char>& data, float size,
                 const ImWchar* ranges, int oversample_h, bool merge = false) {
    // The atlas frees FontData with IM_FREE, so give it its own IM_ALLOC copy.
    void* copy = IM_ALLOC(data.size());
    std::memcpy(copy, data.data(), data.size());
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = true;
    cfg.OversampleH = oversample_h;
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    cfg.MergeMode = merge; // merged glyphs never replace ones the font already has
    return io.Fonts->AddFontFromMemoryTTF(copy, int(data.size()), size, &cfg, ranges);
}

void use_default_font(ImGuiIO& io, FontSet& fs) {
    io.Fonts->Clear();
    auto add = [&](float px) {
        ImFontConfig cfg;
        cfg.SizePixels = px;
        return io.Fonts->AddFontDefault(&cfg);
    };
    fs.body = add(fs.body_px);
    fs.caption = add(fs.caption_px);
    fs.headline = add(fs.headline_px);
    fs.hero = add(fs.hero_px);
    fs.from_file = false;
    io.Fonts->Build();
}

} // namespace

std::vector<char32_t> decode_utf8(std::string_view s) {
    std::vector<char32_t> out;
    out.reserve(s.size());
    char32_t cp = 0;
    for (std::size_t i = 0; i < s.size();) {
        next_utf8(s, i, cp); // a malformed byte becomes U+FFFD
        out.push_back(cp);
    }
    return out;
}

std::vector<ImWchar> glyph_ranges_for(const std::vector<std::string_view>& texts) {
    std::set<char32_t> cps;
    for (char32_t c = 0x20; c <= 0x7E; ++c) cps.insert(c);
    for (char32_t c : kExtraSymbols) cps.insert(c);
    for (std::string_view t : texts)
        for (char32_t c : decode_utf8(t))
            if (c >= 0x20 && c <= 0xFFFF) cps.insert(c); // 16-bit ImWchar: BMP only
    std::vector<ImWchar> ranges;
    for (auto it = cps.begin(); it != cps.end();) {
        char32_t lo = *it, hi = *it;
        for (++it; it != cps.end() && *it == hi + 1; ++it) hi = *it;
        ranges.push_back(ImWchar(lo));
        ranges.push_back(ImWchar(hi));
    }
    ranges.push_back(0);
    return ranges;
}

FontSet load_fonts(ImGuiIO& io, const FontFiles& files, const Metrics& metrics,
                   const std::vector<std::string_view>& texts,
                   const std::vector<std::string_view>& hero_texts) {
    FontSet fs;
    fs.body_px = metrics.body_font();
    fs.caption_px = metrics.caption_font();
    fs.headline_px = metrics.headline_font();
    fs.hero_px = metrics.hero_font();
    fs.ranges = std::make_shared<std::vector<ImWchar>>(glyph_ranges_for(texts));
    fs.hero_ranges = std::make_shared<std::vector<ImWchar>>(glyph_ranges_for(hero_texts));

    std::vector<unsigned char> regular, bold;
    if (!read_font(files.regular, regular, fs.error)) {
        use_default_font(io, fs);
        return fs;
    }
    std::string bold_error;
    bool have_bold = !files.bold.empty() && read_font(files.bold, bold, bold_error);
    const std::vector<unsigned char>& heavy = have_bold ? bold : regular;

    std::vector<unsigned char> fallback;
    std::string fallback_error;
    bool have_fallback =
        !files.fallback.empty() && read_font(files.fallback, fallback, fallback_error);

    io.Fonts->Clear();
    // Oversampling 2 for the small sizes (crisper sub-pixel positions), 1 for big ones: a
    // few hundred CJK glyphs at headline size already fill a 2048 px wide atlas.
    auto add = [&](const std::vector<unsigned char>& face, float px, const ImWchar* ranges,
                   int os) {
        ImFont* f = add_font(io, face, px, ranges, os);
        if (f && have_fallback) add_font(io, fallback, px, ranges, os, true);
        return f;
    };
    fs.body = add(regular, fs.body_px, fs.ranges->data(), 2);
    fs.caption = add(regular, fs.caption_px, fs.ranges->data(), 2);
    fs.headline = add(heavy, fs.headline_px, fs.ranges->data(), 1);
    fs.hero = add(heavy, fs.hero_px, fs.hero_ranges->data(), 1);
    io.Fonts->TexDesiredWidth = 2048;
    if (!fs.body || !fs.caption || !fs.headline || !fs.hero || !io.Fonts->Build()) {
        fs.error = files.regular + ": ImGui could not build the font atlas";
        use_default_font(io, fs);
        return fs;
    }
    fs.from_file = true;
    return fs;
}

} // namespace ctrail::ui
