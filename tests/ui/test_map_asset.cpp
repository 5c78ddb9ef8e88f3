// The committed map asset: loads, has the provinces the model needs, hit-tests on the real
// shapes, triangles cover every ring exactly, projection matches the tool, errors name lines.
#include "map_asset.hpp"
#include "map_view.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>

using namespace ctrail::ui;

namespace {

const std::string kMapPath = std::string(CTRAIL_SOURCE_DIR) + "/assets/map/china-provinces.map";

const MapAsset& asset() {
    static const MapAsset m = MapAsset::load(kMapPath);
    return m;
}

std::string read_all(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string code_at(double lon, double lat) {
    int i = asset().hit_test(asset().project(lon, lat));
    return i < 0 ? std::string("none") : asset().provinces()[std::size_t(i)].code;
}

double twice_area(ImVec2 a, ImVec2 b, ImVec2 c) {
    return (double(b.x) - a.x) * (double(c.y) - a.y) - (double(b.y) - a.y) * (double(c.x) - a.x);
}

// Expect parse() of `text` to fail with "name:line: ..." mentioning `fragment`.
void expect_map_error(const std::string& text, int line, const std::string& fragment) {
    try {
        MapAsset::parse(text, "broken.map");
        FAIL("parse accepted a corrupt asset (expected line " << line << ")");
    } catch (const MapError& e) {
        std::string what = e.what();
        INFO(what);
        CHECK(e.file() == "broken.map");
        CHECK(e.line() == line);
        CHECK(what.find(line > 0 ? "broken.map:" + std::to_string(line) + ": " : "broken.map: ") ==
              0);
        CHECK(what.find(fragment) != std::string::npos);
    }
}

// 1-based line number of the first line starting with `prefix`.
int line_of(const std::string& text, const std::string& prefix) {
    std::istringstream in(text);
    std::string line;
    for (int n = 1; std::getline(in, line); ++n)
        if (line.rfind(prefix, 0) == 0) return n;
    return -1;
}

std::string replace_line(const std::string& text, int line_no, const std::string& with) {
    std::istringstream in(text);
    std::string line, out;
    for (int n = 1; std::getline(in, line); ++n) out += (n == line_no ? with : line) + "\n";
    return out;
}

} // namespace

TEST_CASE("map asset: every model province plus TW/HK/MO") {
    const char* model[] = {"BJ", "TJ", "HE", "SX", "NM", "LN", "JL", "HL", "SH", "JS", "ZJ",
                           "AH", "FJ", "JX", "SD", "HA", "HB", "HN", "GD", "GX", "HI", "CQ",
                           "SC", "GZ", "YN", "XZ", "SN", "GS", "QH", "NX", "XJ"};
    CHECK(asset().provinces().size() == 34);
    for (const char* code : model) {
        INFO(code);
        const Province* p = asset().find(code);
        REQUIRE(p != nullptr);
        CHECK(p->in_model);
        CHECK(!p->rings.empty());
        CHECK(p->gb_code % 10000 == 0);
    }
    for (const char* code : {"TW", "HK", "MO"}) {
        INFO(code);
        REQUIRE(asset().find(code) != nullptr);
        CHECK_FALSE(asset().find(code)->in_model);
    }
    CHECK(asset().find("SH")->gb_code == 310000);
    CHECK(asset().find("NM")->name_en == "Inner Mongolia");
    CHECK(asset().find("XX") == nullptr);
    CHECK(asset().index_of("XX") == -1);
}

TEST_CASE("map asset: hit test on real shapes") {
    CHECK(code_at(121.47, 31.23) == "SH");   // Shanghai
    CHECK(code_at(116.41, 39.90) == "BJ");   // Beijing
    CHECK(code_at(117.20, 39.13) == "TJ");   // Tianjin, next to Beijing and Hebei
    CHECK(code_at(111.75, 40.84) == "NM");   // Hohhot
    CHECK(code_at(116.00, 44.00) == "NM");   // Xilingol grassland
    CHECK(code_at(91.12, 29.65) == "XZ");    // Lhasa
    CHECK(code_at(110.20, 20.04) == "HI");   // Haikou, on an island
    CHECK(code_at(124.00, 29.00) == "none"); // East China Sea
    CHECK(code_at(123.00, 35.00) == "none"); // Yellow Sea
    CHECK(code_at(100.00, 50.00) == "none"); // Mongolia (abroad)
    // A point in Hebei's bounding box but inside Beijing: bbox tests alone would say Hebei.
    const Province* he = asset().find("HE");
    ImVec2 bj = asset().project(116.41, 39.90);
    CHECK(bj.x > he->bbox_min.x);
    CHECK(bj.x < he->bbox_max.x);
    CHECK(bj.y > he->bbox_min.y);
    CHECK(bj.y < he->bbox_max.y);
}

TEST_CASE("map asset: every capital anchor lies in its own province") {
    for (std::size_t i = 0; i < asset().provinces().size(); ++i) {
        const Province& p = asset().provinces()[i];
        INFO(p.code);
        CHECK(asset().hit_test(p.anchor) == int(i));
        CHECK(asset().hit_test(p.label) == int(i));
    }
}

TEST_CASE("map asset: projection agrees with the map tool's anchors") {
    // provinces.csv capital coordinates; the tool projected the same numbers.
    struct Capital {
        const char* code;
        double lon, lat;
    } capitals[] = {{"SH", 121.47, 31.23},
                    {"BJ", 116.41, 39.90},
                    {"XJ", 87.62, 43.83},
                    {"HL", 126.63, 45.75},
                    {"HI", 110.20, 20.04}};
    for (const Capital& c : capitals) {
        INFO(c.code);
        ImVec2 p = asset().project(c.lon, c.lat);
        ImVec2 a = asset().find(c.code)->anchor;
        CHECK(std::abs(p.x - a.x) <= 0.06f); // stored with 0.1 km resolution
        CHECK(std::abs(p.y - a.y) <= 0.06f);
    }
    // North is up: Harbin is above (smaller y than) Haikou; east is right.
    CHECK(asset().find("HL")->anchor.y < asset().find("HI")->anchor.y);
    CHECK(asset().find("SH")->anchor.x > asset().find("XJ")->anchor.x);
}

TEST_CASE("map asset: triangles cover each ring's area exactly") {
    std::size_t rings = 0, triangles = 0;
    for (const Province& p : asset().provinces()) {
        for (const MapRing& r : p.rings) {
            INFO(p.code << " ring with " << r.points.size() << " points");
            double ring2 = 0;
            for (std::size_t i = 0, n = r.points.size(); i < n; ++i) {
                ImVec2 a = r.points[i], b = r.points[(i + 1) % n];
                ring2 += double(a.x) * b.y - double(b.x) * a.y;
            }
            REQUIRE(r.triangles.size() % 3 == 0);
            double tri2 = 0;
            bool all_same_orientation = true;
            for (std::size_t t = 0; t < r.triangles.size(); t += 3) {
                double a2 = twice_area(r.points[r.triangles[t]], r.points[r.triangles[t + 1]],
                                       r.points[r.triangles[t + 2]]);
                if (a2 * ring2 < 0) all_same_orientation = false;
                tri2 += a2;
            }
            CHECK(ring2 != 0);
            CHECK(all_same_orientation); // no folded triangle that could cancel another
            CHECK(std::abs(tri2 - ring2) <= 1e-6 * std::abs(ring2));
            ++rings;
            triangles += r.triangles.size() / 3;
        }
    }
    CHECK(rings >= 34);
    CHECK(triangles > 1000);
}

TEST_CASE("map asset: bounds, inset box in the lower right, size budget") {
    MapRect land = asset().land_bounds(), inset = asset().inset_box(),
            layout = asset().layout_bounds();
    CHECK(land.width() > 4000); // km: China is ~5000 km wide
    CHECK(land.width() < 6000);
    CHECK(inset.width() > 0);
    CHECK(inset.max.x >= land.max.x - 1); // right edge
    CHECK(inset.max.y >= land.max.y - 1); // bottom edge
    CHECK(inset.min.x > land.min.x + land.width() * 0.5f);
    CHECK(layout.min.x <= land.min.x);
    CHECK(layout.max.x >= inset.max.x);
    // The inset box overlaps no province's shape.
    for (float fx : {0.1f, 0.5f, 0.9f})
        for (float fy : {0.1f, 0.5f, 0.9f})
            CHECK(asset().hit_test(ImVec2(inset.min.x + inset.width() * fx,
                                          inset.min.y + inset.height() * fy)) == -1);
    std::ifstream f(kMapPath, std::ios::binary | std::ios::ate);
    CHECK(f.tellg() < 200 * 1024);
}

TEST_CASE("map asset: fit into a screen rect keeps the aspect ratio and the inset") {
    for (ImVec2 size : {ImVec2(1152, 900), ImVec2(480, 400), ImVec2(1080, 900)}) {
        ImVec2 lo(30, 20), hi(30 + size.x, 20 + size.y);
        MapFit fit = fit_map(asset(), lo, hi, true);
        MapRect frame = asset().layout_bounds();
        ImVec2 a = fit.to_screen(frame.min), b = fit.to_screen(frame.max);
        CHECK(a.x >= lo.x - 0.01f);
        CHECK(a.y >= lo.y - 0.01f);
        CHECK(b.x <= hi.x + 0.01f);
        CHECK(b.y <= hi.y + 0.01f);
        // Touches two opposite sides, centred on the other axis.
        bool fills_w = std::abs((b.x - a.x) - size.x) < 0.01f;
        bool fills_h = std::abs((b.y - a.y) - size.y) < 0.01f;
        CHECK((fills_w || fills_h));
        CHECK(std::abs((a.x - lo.x) - (hi.x - b.x)) < 0.01f);
        CHECK(std::abs((a.y - lo.y) - (hi.y - b.y)) < 0.01f);
        // Round trip.
        ImVec2 m = fit.to_map(fit.to_screen(ImVec2(1234, 567)));
        CHECK(m.x == doctest::Approx(1234).epsilon(1e-5));
        CHECK(m.y == doctest::Approx(567).epsilon(1e-5));

        MapView view(asset());
        view.fit(lo, hi);
        int sh = asset().index_of("SH");
        CHECK(view.hit_test(view.anchor(sh)) == sh);
        CHECK(view.inset_max().x > view.inset_min().x);
        CHECK(view.inset_max().x <= hi.x + 0.01f);
    }
    // Without the inset the land alone is framed: a bigger scale for the same rect.
    MapFit with = fit_map(asset(), ImVec2(0, 0), ImVec2(1000, 2000), true);
    MapFit without = fit_map(asset(), ImVec2(0, 0), ImVec2(1000, 2000), false);
    CHECK(without.scale > with.scale);
}

TEST_CASE("map asset: corrupt files are reported with file and line") {
    const std::string good = read_all(kMapPath);
    REQUIRE(!good.empty());
    CHECK_NOTHROW(MapAsset::parse(good, "good.map"));

    expect_map_error("", 0, "empty file");
    expect_map_error("CTMAP 9\n", 1, "version");
    expect_map_error("PNG\n", 1, "not a Carbon Trail map");

    int ring = line_of(good, "ring ");
    REQUIRE(ring > 0);
    // Coordinates line: a bad number (right count, one token garbled).
    std::string coords;
    {
        std::istringstream in(good);
        for (int n = 1; std::getline(in, coords) && n <= ring; ++n) {
        }
    }
    expect_map_error(replace_line(good, ring + 1, "12.5x" + coords.substr(coords.find(' '))),
                     ring + 1, "bad number");
    // Too few coordinates for the declared point count.
    expect_map_error(replace_line(good, ring + 1, "1 2 3 4 5 6"), ring + 1, "coordinates");
    // A triangle index outside the ring.
    expect_map_error(replace_line(good, ring + 2, "0 1 60000"), ring + 2, "triangle ind");
    // A wrong keyword where the anchor should be.
    int anchor = line_of(good, "anchor ");
    expect_map_error(replace_line(good, anchor, "anker 1 2"), anchor, "expected 'anchor'");
    // Truncated file.
    std::string cut = good.substr(0, good.size() / 2);
    cut = cut.substr(0, cut.rfind('\n') + 1);
    CHECK_THROWS_AS(MapAsset::parse(cut, "cut.map"), MapError);
    // Missing file.
    CHECK_THROWS_WITH_AS(MapAsset::load("/nonexistent/x.map"),
                         doctest::Contains("/nonexistent/x.map"), MapError);
}
