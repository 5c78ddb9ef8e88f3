// Hostile text, content and map assets (issue 13). The packaged assets (the --assets folder,
// /usr/share/carbontrail on a Pi) are what the exhibit speaks and draws with: when one is
// truncated, bit-flipped, garbage, of another format version, holds a NaN or a negative
// number, is missing, a folder, huge, unreadable or a symlink loop, the exhibit rests (resting
// screen in both languages, with its own built-in words when the text tables are what is broken),
// names the file and problem in the log and keeps the watchdog fed. A curator's override in the
// data folder that is broken falls back to the packaged copy instead (tested in test_check_content:
// "a broken curator override falls back to the packaged text").
#include "e2e_support.hpp"
#include "hostile_support.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using namespace hostile;

namespace {

enum class Damage { Truncated, Garbage, Missing, Folder, Huge, Unreadable, SymlinkLoop, BitFlip };

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
    case Damage::Unreadable: // a copy no one but root may read (the test then runs as nobody)
        std::ofstream(file, std::ios::binary) << original;
        fs::permissions(file, fs::perms::none);
        break;
    case Damage::SymlinkLoop: // two links naming each other
        fs::create_symlink("loop", file);
        fs::create_symlink(file.filename(), file.parent_path() / "loop");
        break;
    case Damage::BitFlip: { // 16 bytes in the middle set to 0xFF, as a failing flash cell does
        std::string flipped = original;
        for (std::size_t i = 0; i < 16; ++i) flipped[flipped.size() / 2 + i] = '\xff';
        std::ofstream(file, std::ios::binary) << flipped;
        break;
    }
    }
}

// Replaces ASSETS/REL with a copy in which the first `from` reads `to` (a value edited by hand).
void edit(const std::string& assets, const std::string& rel, const std::string& from,
          const std::string& to) {
    const fs::path file = fs::path(assets) / rel;
    std::string text = e2e::read_text(fs::read_symlink(file).string());
    const size_t at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, rel << " no longer holds '" << from << "'");
    text.replace(at, from.size(), to);
    fs::remove(file);
    std::ofstream(file, std::ios::binary) << text;
}

void resting_case(const std::string& dir, const std::string& assets, const std::string& reason,
                  bool as_nobody = false) {
    e2e::require_model();
    if (as_nobody) { // nobody reads the model and fonts from the test's folder
        fs::copy_file(e2e::model_path(), dir + "/model.sqlite");
        fs::permissions(dir + "/model.sqlite", fs::perms::all);
    }
    const std::string model = as_nobody ? dir + "/model.sqlite" : e2e::model_path();
    const std::string line =
        expect_resting(dir, {"--assets", assets, "--model", model}, reason, as_nobody);
    MESSAGE("log: " << line);
}

void asset_case(const std::string& name, const std::string& rel, Damage how,
                const std::string& reason) {
    const std::string dir = e2e::fresh_dir("hostile-asset-" + name);
    const std::string assets = linked_assets(dir);
    damage(assets, rel, how);
    // As root (CI) chmod 000 proves nothing: the unreadable case runs as nobody.
    resting_case(dir, assets, reason, how == Damage::Unreadable && running_as_root());
}

void edited_case(const std::string& name, const std::string& rel, const std::string& from,
                 const std::string& to, const std::string& reason) {
    const std::string dir = e2e::fresh_dir("hostile-asset-" + name);
    const std::string assets = linked_assets(dir);
    edit(assets, rel, from, to);
    resting_case(dir, assets, reason);
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
TEST_CASE("hostile text: unreadable") {
    asset_case("text-unreadable", "text/en.tsv", Damage::Unreadable,
               "text/en.tsv: cannot open the text table: Permission denied");
}
TEST_CASE("hostile text: symlink-loop") {
    asset_case("text-symlink-loop", "text/en.tsv", Damage::SymlinkLoop,
               "text/en.tsv: cannot open the text table: Too many levels of symbolic links");
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
TEST_CASE("hostile content: unreadable") {
    asset_case("content-unreadable", "content/products.tsv", Damage::Unreadable,
               "content/products.tsv: cannot open the file: Permission denied");
}
TEST_CASE("hostile content: symlink-loop") {
    asset_case("content-symlink-loop", "content/products.tsv", Damage::SymlinkLoop,
               "content/products.tsv: cannot open the file: Too many levels of symbolic links");
}
TEST_CASE("hostile content: nan") {
    edited_case("content-nan", "content/equivalents.tsv", "\t2.348\t", "\tnan\t",
                "content/equivalents.tsv:8: kg_co2_per_unit: 'nan' is not a number");
}
TEST_CASE("hostile content: negative") {
    edited_case("content-negative", "content/products.tsv", "\t120000\t", "\t-120000\t",
                "content/products.tsv:7: price_yuan: -120000 must be above zero");
}
// The map (an assets folder with a map/ folder is the one used: a map missing from it is a
// damaged install, not a reason to draw the build tree's copy).
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
TEST_CASE("hostile map: missing") {
    asset_case("map-missing", "map/china-provinces.map", Damage::Missing,
               "map/china-provinces.map: cannot open the map asset: no such file");
}
TEST_CASE("hostile map: bit-flipped") {
    asset_case("map-bit-flipped", "map/china-provinces.map", Damage::BitFlip,
               "map/china-provinces.map:267: expected 8 coordinates, found 11");
}
TEST_CASE("hostile map: wrong-version") {
    edited_case("map-wrong-version", "map/china-provinces.map", "CTMAP 1", "CTMAP 2",
                "map/china-provinces.map:1: unsupported map format version 2 (this build reads 1)");
}
TEST_CASE("hostile map: nan") {
    edited_case("map-nan", "map/china-provinces.map", "\nland 10.1 ", "\nland nan ",
                "map/china-provinces.map:7: bad number 'nan' in land");
}
TEST_CASE("hostile map: negative") {
    edited_case("map-negative", "map/china-provinces.map", "radius_km=6371", "radius_km=-6371",
                "map/china-provinces.map:5: projection needs radius_km > 0");
}
TEST_CASE("hostile map: unreadable") {
    asset_case("map-unreadable", "map/china-provinces.map", Damage::Unreadable,
               "map/china-provinces.map: cannot open the map asset: Permission denied");
}
TEST_CASE("hostile map: symlink-loop") {
    asset_case(
        "map-symlink-loop", "map/china-provinces.map", Damage::SymlinkLoop,
        "map/china-provinces.map: cannot open the map asset: Too many levels of symbolic links");
}
