// Hostile text, content and map assets (issue 13). The packaged assets (the --assets folder,
// /usr/share/carbontrail on a Pi) are what the exhibit speaks and draws with: when one is
// truncated, garbage, missing, a folder or huge, the exhibit rests (resting screen in both
// languages, with its own built-in words when the text tables are what is broken), names the
// file and problem in the log and keeps the watchdog fed. A curator's override in the data
// folder that is broken falls back to the packaged copy instead (tested in test_check_content:
// "a broken curator override falls back to the packaged text").
#include "e2e_support.hpp"
#include "hostile_support.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using namespace hostile;

namespace {

enum class Damage { Truncated, Garbage, Missing, Folder, Huge };

// Replaces ASSETS/REL (a link to the packaged file) with its damaged version.
void damage(const std::string& assets, const std::string& rel, Damage how) {
    const fs::path file = fs::path(assets) / rel;
    const std::string original = e2e::read_text(fs::read_symlink(file).string());
    fs::remove(file);
    switch (how) {
    case Damage::Truncated: // cut mid-line, as an interrupted copy leaves it
        std::ofstream(file, std::ios::binary) << original.substr(0, original.size() / 3);
        break;
    case Damage::Garbage: { // the file overwritten by bytes that are not UTF-8 text
        std::string junk;
        for (int i = 0; i < 4096; ++i) junk += char(i % 97 == 0 ? '\n' : 0x80 + (i * 37) % 0x80);
        std::ofstream(file, std::ios::binary) << junk;
        break;
    }
    case Damage::Missing:
        break;
    case Damage::Folder:
        fs::create_directory(file);
        break;
    case Damage::Huge:
        sparse_file(file.string(), 1LL << 30); // 1 GB, sparse
        break;
    }
}

void asset_case(const std::string& name, const std::string& rel, Damage how,
                const std::string& reason) {
    const std::string dir = e2e::fresh_dir("hostile-asset-" + name);
    const std::string assets = linked_assets(dir);
    damage(assets, rel, how);
    e2e::require_model();
    const std::string line =
        expect_resting(dir, {"--assets", assets, "--model", e2e::model_path()}, reason);
    MESSAGE("log: " << line);
}

} // namespace

// The text tables (text/en.tsv; text/zh.tsv is the folder's probe, so en.tsv can go missing).
TEST_CASE("hostile text: truncated") {
    asset_case("text-truncated", "text/en.tsv", Damage::Truncated,
               "is used by the exhibit but missing");
}
TEST_CASE("hostile text: garbage") {
    asset_case("text-garbage", "text/en.tsv", Damage::Garbage, "text/en.tsv:2: not valid UTF-8");
}
TEST_CASE("hostile text: missing") {
    asset_case("text-missing", "text/en.tsv", Damage::Missing,
               "text/en.tsv: cannot open the text table: no such file");
}
TEST_CASE("hostile text: folder") {
    asset_case("text-folder", "text/en.tsv", Damage::Folder,
               "text/en.tsv: cannot open the text table: it is a folder");
}
TEST_CASE("hostile text: huge") {
    asset_case("text-huge", "text/en.tsv", Damage::Huge,
               "text/en.tsv: the text table is too large (1073741824 bytes");
}
// The content tables (content/products.tsv is the folder's probe: equivalents.tsv goes missing).
TEST_CASE("hostile content: truncated") {
    asset_case("content-truncated", "content/products.tsv", Damage::Truncated,
               "content/products.tsv: no header row");
}
TEST_CASE("hostile content: garbage") {
    asset_case("content-garbage", "content/products.tsv", Damage::Garbage,
               "content/products.tsv:2: the header lacks the column");
}
TEST_CASE("hostile content: missing") {
    asset_case("content-missing", "content/equivalents.tsv", Damage::Missing,
               "content/equivalents.tsv: cannot open the file: no such file");
}
TEST_CASE("hostile content: folder") {
    asset_case("content-folder", "content/products.tsv", Damage::Folder,
               "content/products.tsv: cannot open the file: it is a folder");
}
TEST_CASE("hostile content: huge") {
    asset_case("content-huge", "content/products.tsv", Damage::Huge,
               "content/products.tsv: the file is too large (1073741824 bytes");
}
// The map (a missing map in --assets falls back to the build tree's copy, a developer
// convenience of run_config; installed, that fallback does not exist and the open fails).
TEST_CASE("hostile map: truncated") {
    asset_case("map-truncated", "map/china-provinces.map", Damage::Truncated,
               "triangle indices, found");
}
TEST_CASE("hostile map: garbage") {
    asset_case("map-garbage", "map/china-provinces.map", Damage::Garbage,
               "map/china-provinces.map:2: not a Carbon Trail map asset");
}
TEST_CASE("hostile map: folder") {
    asset_case("map-folder", "map/china-provinces.map", Damage::Folder,
               "map/china-provinces.map: cannot open the map asset: it is a folder");
}
TEST_CASE("hostile map: huge") {
    asset_case("map-huge", "map/china-provinces.map", Damage::Huge,
               "map/china-provinces.map: the map asset is too large (1073741824 bytes");
}
