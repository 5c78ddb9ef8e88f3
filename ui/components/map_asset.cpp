// Reader of the CTMAP text format (docs/MAP.md) and geometric queries on the result.
#include "map_asset.hpp"
#include <small_file.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>

namespace ctrail::ui {

namespace {

// Line-by-line cursor over the asset text with error helpers.
class Reader {
  public:
    Reader(std::string_view text, const std::string& name) : text_(text), name_(name) {}

    // Next non-empty, non-comment line; false at the end.
    bool next(std::string_view& line) {
        while (pos_ < text_.size()) {
            std::size_t end = text_.find('\n', pos_);
            if (end == std::string_view::npos) end = text_.size();
            line = text_.substr(pos_, end - pos_);
            if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
            pos_ = end + 1;
            ++line_no_;
            if (!line.empty() && line[0] != '#') return true;
        }
        return false;
    }
    std::string_view expect_line(const char* what) {
        std::string_view line;
        if (!next(line)) fail(std::string("file ends where ") + what + " was expected");
        return line;
    }
    [[noreturn]] void fail(const std::string& problem) const {
        throw MapError(name_, line_no_, problem);
    }
    int line() const { return line_no_; }

  private:
    std::string_view text_;
    std::string name_;
    std::size_t pos_ = 0;
    int line_no_ = 0;
};

std::vector<std::string_view> split_ws(std::string_view s) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
        std::size_t j = i;
        while (j < s.size() && s[j] != ' ' && s[j] != '\t') ++j;
        if (j > i) out.push_back(s.substr(i, j - i));
        i = j;
    }
    return out;
}

// Splits "keyword rest of line".
std::pair<std::string_view, std::string_view> keyword(std::string_view line) {
    std::size_t sp = line.find(' ');
    if (sp == std::string_view::npos) return {line, {}};
    return {line.substr(0, sp), line.substr(sp + 1)};
}

float to_float(Reader& r, std::string_view tok, const char* what) {
    // std::from_chars for float is available in GCC 12 (Debian 12).
    float v = 0;
    auto res = std::from_chars(tok.data(), tok.data() + tok.size(), v);
    if (res.ec != std::errc() || res.ptr != tok.data() + tok.size() || !std::isfinite(v))
        r.fail(std::string("bad number '") + std::string(tok) + "' in " + what);
    return v;
}

long to_int(Reader& r, std::string_view tok, const char* what) {
    long v = 0;
    auto res = std::from_chars(tok.data(), tok.data() + tok.size(), v);
    if (res.ec != std::errc() || res.ptr != tok.data() + tok.size())
        r.fail(std::string("bad integer '") + std::string(tok) + "' in " + what);
    return v;
}

std::string_view expect_keyword(Reader& r, const char* word) {
    std::string_view line = r.expect_line(word);
    auto [kw, rest] = keyword(line);
    if (kw != word) r.fail(std::string("expected '") + word + "', found '" + std::string(kw) + "'");
    return rest;
}

std::vector<float> numbers(Reader& r, std::string_view rest, std::size_t count, const char* what) {
    auto toks = split_ws(rest);
    if (toks.size() < count)
        r.fail(std::string(what) + ": expected " + std::to_string(count) + " numbers, found " +
               std::to_string(toks.size()));
    std::vector<float> out;
    for (std::size_t i = 0; i < count; ++i) out.push_back(to_float(r, toks[i], what));
    return out;
}

MapRect rect_from(Reader& r, std::string_view rest, const char* what) {
    auto v = numbers(r, rest, 4, what);
    if (!(v[2] >= v[0] && v[3] >= v[1])) r.fail(std::string(what) + ": min > max");
    return MapRect{ImVec2(v[0], v[1]), ImVec2(v[2], v[3])};
}

double ring_area(const std::vector<ImVec2>& pts) {
    double s = 0;
    for (std::size_t i = 0, n = pts.size(); i < n; ++i) {
        const ImVec2& a = pts[i];
        const ImVec2& b = pts[(i + 1) % n];
        s += double(a.x) * b.y - double(b.x) * a.y;
    }
    return s / 2;
}

bool point_in_ring(const std::vector<ImVec2>& pts, ImVec2 p) {
    bool inside = false;
    for (std::size_t i = 0, n = pts.size(), j = n - 1; i < n; j = i++) {
        const ImVec2& a = pts[i];
        const ImVec2& b = pts[j];
        if ((a.y > p.y) != (b.y > p.y)) {
            float x = a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y);
            if (p.x < x) inside = !inside;
        }
    }
    return inside;
}

} // namespace

MapAsset MapAsset::load(const std::string& path) {
    // 16 MB: the shipped map is 156 kB.
    return parse(read_small_file<MapError>(path, 16 << 20, "map asset"), path);
}

MapAsset MapAsset::parse(std::string_view text, const std::string& name) {
    Reader r(text, name);
    MapAsset m;
    {
        std::string_view line;
        if (!r.next(line)) r.fail("empty file (expected 'CTMAP 1')");
        auto toks = split_ws(line);
        if (toks.size() != 2 || toks[0] != "CTMAP")
            r.fail("not a Carbon Trail map asset (first line must be 'CTMAP 1')");
        if (to_int(r, toks[1], "CTMAP version") != 1)
            r.fail("unsupported map format version " + std::string(toks[1]) +
                   " (this build reads 1)");
    }
    std::size_t expected_provinces = 0;
    bool have_projection = false, have_land = false, have_inset = false, have_layout = false;
    // Header: keyword lines until "provinces N".
    for (;;) {
        auto [kw, rest] = keyword(r.expect_line("'provinces'"));
        if (kw == "source") {
            m.source_ = std::string(rest);
        } else if (kw == "projection") {
            auto toks = split_ws(rest);
            if (toks.empty() || toks[0] != "albers_sphere")
                r.fail("unsupported projection (this build knows albers_sphere)");
            double radius = 0;
            for (std::size_t i = 1; i < toks.size(); ++i) {
                auto eq = toks[i].find('=');
                if (eq == std::string_view::npos) r.fail("projection parameter without '='");
                auto k = toks[i].substr(0, eq);
                double v = to_float(r, toks[i].substr(eq + 1), "projection");
                if (k == "lon0")
                    m.lon0_ = v;
                else if (k == "lat0")
                    m.lat0_ = v;
                else if (k == "lat1")
                    m.lat1_ = v;
                else if (k == "lat2")
                    m.lat2_ = v;
                else if (k == "radius_km")
                    radius = v;
                else if (k == "x_offset")
                    m.x_off_ = v;
                else if (k == "y_offset")
                    m.y_off_ = v;
            }
            if (radius <= 0) r.fail("projection needs radius_km > 0");
            m.radius_ = radius;
            have_projection = true;
        } else if (kw == "tolerance_km") {
            m.tolerance_km_ = to_float(r, rest, "tolerance_km");
        } else if (kw == "land") {
            m.land_ = rect_from(r, rest, "land");
            have_land = true;
        } else if (kw == "inset") {
            m.inset_ = rect_from(r, rest, "inset");
            have_inset = true;
        } else if (kw == "layout") {
            m.layout_ = rect_from(r, rest, "layout");
            have_layout = true;
        } else if (kw == "provinces") {
            long n = to_int(r, rest, "provinces");
            if (n <= 0 || n > 1000) r.fail("province count out of range");
            expected_provinces = std::size_t(n);
            break;
        } else {
            r.fail("unknown header keyword '" + std::string(kw) + "'");
        }
    }
    if (!have_projection || !have_land || !have_inset || !have_layout)
        r.fail("header lacks one of: projection, land, inset, layout");

    for (std::size_t pi = 0; pi < expected_provinces; ++pi) {
        Province p;
        auto toks = split_ws(expect_keyword(r, "province"));
        if (toks.size() != 4) r.fail("province line needs: code gb_code in_model ring_count");
        p.code = std::string(toks[0]);
        p.gb_code = int(to_int(r, toks[1], "gb_code"));
        p.in_model = to_int(r, toks[2], "in_model") != 0;
        long rings = to_int(r, toks[3], "ring count");
        if (rings <= 0 || rings > 10000) r.fail("ring count out of range");
        if (m.index_of(p.code) >= 0) r.fail("province " + p.code + " appears twice");
        p.name_en = std::string(expect_keyword(r, "name_en"));
        p.name_zh = std::string(expect_keyword(r, "name_zh"));
        auto a = numbers(r, expect_keyword(r, "anchor"), 2, "anchor");
        p.anchor = ImVec2(a[0], a[1]);
        auto l = numbers(r, expect_keyword(r, "label"), 2, "label");
        p.label = ImVec2(l[0], l[1]);
        MapRect bb = rect_from(r, expect_keyword(r, "bbox"), "bbox");
        p.bbox_min = bb.min;
        p.bbox_max = bb.max;
        for (long ri = 0; ri < rings; ++ri) {
            auto counts = split_ws(expect_keyword(r, "ring"));
            if (counts.size() != 2) r.fail("ring line needs: point_count triangle_count");
            long np = to_int(r, counts[0], "point count");
            long nt = to_int(r, counts[1], "triangle count");
            if (np < 3 || np > 65535) r.fail("ring point count out of range (3..65535)");
            if (nt < 1 || nt > np) r.fail("ring triangle count out of range (1..points)");
            MapRing ring;
            auto coords = split_ws(r.expect_line("ring points"));
            if (coords.size() != std::size_t(2 * np))
                r.fail("expected " + std::to_string(2 * np) + " coordinates, found " +
                       std::to_string(coords.size()));
            ring.points.reserve(std::size_t(np));
            for (long k = 0; k < np; ++k) {
                ImVec2 q(to_float(r, coords[std::size_t(2 * k)], "ring points"),
                         to_float(r, coords[std::size_t(2 * k + 1)], "ring points"));
                ring.points.push_back(q);
            }
            auto idx = split_ws(r.expect_line("ring triangles"));
            if (idx.size() != std::size_t(3 * nt))
                r.fail("expected " + std::to_string(3 * nt) + " triangle indices, found " +
                       std::to_string(idx.size()));
            ring.triangles.reserve(idx.size());
            for (auto tok : idx) {
                long v = to_int(r, tok, "ring triangles");
                if (v < 0 || v >= np)
                    r.fail("triangle index " + std::to_string(v) + " outside the ring (0.." +
                           std::to_string(np - 1) + ")");
                ring.triangles.push_back(std::uint16_t(v));
            }
            p.area += float(std::abs(ring_area(ring.points)));
            p.rings.push_back(std::move(ring));
        }
        m.provinces_.push_back(std::move(p));
    }
    std::string_view line;
    if (!r.next(line) || line != "end") r.fail("expected 'end' after the last province");
    if (r.next(line)) r.fail("unexpected text after 'end'");
    return m;
}

int MapAsset::index_of(std::string_view code) const {
    for (std::size_t i = 0; i < provinces_.size(); ++i)
        if (provinces_[i].code == code) return int(i);
    return -1;
}

const Province* MapAsset::find(std::string_view code) const {
    int i = index_of(code);
    return i < 0 ? nullptr : &provinces_[std::size_t(i)];
}

int MapAsset::hit_test(ImVec2 p) const {
    for (std::size_t i = 0; i < provinces_.size(); ++i) {
        const Province& pr = provinces_[i];
        if (p.x < pr.bbox_min.x || p.x > pr.bbox_max.x || p.y < pr.bbox_min.y ||
            p.y > pr.bbox_max.y)
            continue;
        for (const MapRing& ring : pr.rings)
            if (point_in_ring(ring.points, p)) return int(i);
    }
    return -1;
}

ImVec2 MapAsset::project(double lon, double lat) const {
    // Albers equal-area conic on a sphere; must match tools/map-builder/build_map.py.
    constexpr double deg = 3.14159265358979323846 / 180.0;
    double n = (std::sin(lat1_ * deg) + std::sin(lat2_ * deg)) / 2;
    double c = std::cos(lat1_ * deg) * std::cos(lat1_ * deg) + 2 * n * std::sin(lat1_ * deg);
    double rho0 = radius_ * std::sqrt(c - 2 * n * std::sin(lat0_ * deg)) / n;
    double rho = radius_ * std::sqrt(std::max(0.0, c - 2 * n * std::sin(lat * deg))) / n;
    double theta = n * (lon - lon0_) * deg;
    double x = rho * std::sin(theta);
    double y_south = -(rho0 - rho * std::cos(theta));
    return ImVec2(float(x - x_off_), float(y_south - y_off_));
}

MapFit fit_map(const MapAsset& asset, ImVec2 rect_min, ImVec2 rect_max, bool reserve_inset) {
    MapRect frame = reserve_inset ? asset.layout_bounds() : asset.land_bounds();
    float w = std::max(rect_max.x - rect_min.x, 1.f);
    float h = std::max(rect_max.y - rect_min.y, 1.f);
    float fw = std::max(frame.width(), 1e-3f), fh = std::max(frame.height(), 1e-3f);
    MapFit fit;
    fit.scale = std::min(w / fw, h / fh);
    fit.offset = ImVec2(rect_min.x + (w - fw * fit.scale) / 2 - frame.min.x * fit.scale,
                        rect_min.y + (h - fh * fit.scale) / 2 - frame.min.y * fit.scale);
    return fit;
}

} // namespace ctrail::ui
