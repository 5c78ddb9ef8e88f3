// The key -> box table (ui/text_boxes.cpp) against the code: every key the screens look up has a
// box or a reason, every entry names a key the code still uses, and both text tables hold them.
#include <text_boxes.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

using namespace ctrail::ui;
namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& p) {
    std::ifstream in(p);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The ui/ sources, except the table itself.
std::string ui_code() {
    std::string all;
    for (const auto& e : fs::recursive_directory_iterator(fs::path(CTRAIL_SOURCE_DIR) / "ui")) {
        const auto ext = e.path().extension();
        if ((ext == ".cpp" || ext == ".hpp") && e.path().stem() != "text_boxes")
            all += read(e.path());
    }
    return all;
}

} // namespace

TEST_CASE("text boxes: every tr() key the screens use has a box or a reason") {
    const std::string code = ui_code();
    const std::vector<std::string> uses = keys_the_code_uses();
    const std::set<std::string> known(uses.begin(), uses.end());
    // tr("key") and tr(LANG, "key"), as tests/ui scans them.
    static const std::regex call(R"re(\btr\(\s*(?:[^,()"]+,\s*)?"([^"\\]*)"\s*\))re");
    int seen = 0;
    for (std::sregex_iterator it(code.begin(), code.end(), call), end; it != end; ++it, ++seen) {
        INFO((*it)[1].str());
        CHECK(known.count((*it)[1].str()) == 1);
    }
    CHECK(seen > 50);
}

TEST_CASE("text boxes: every entry names a key the code still uses, in both tables") {
    const std::string code = ui_code();
    const std::string en = read(fs::path(CTRAIL_SOURCE_DIR) / "assets/text/en.tsv");
    const std::string zh = read(fs::path(CTRAIL_SOURCE_DIR) / "assets/text/zh.tsv");
    for (const std::string& key : keys_the_code_uses()) {
        INFO(key);
        CHECK(code.find("\"" + key + "\"") != std::string::npos);
        CHECK(en.find("\n" + key + "\t") != std::string::npos);
        CHECK(zh.find("\n" + key + "\t") != std::string::npos);
    }
}

TEST_CASE("text boxes: each box has room at 800x480 and a stricter one is narrower") {
    Layout L; // compute_layout's figures are tested through --check-content; here: shape only
    L.canvas = Box(0, 0, 800, 480);
    L.content = Box(20, 20, 780, 380);
    L.story = Box(480, 20, 780, 380);
    L.map = Box(20, 20, 470, 380);
    L.trail_map = Box(20, 20, 395, 380);
    L.trail_story = Box(405, 20, 780, 380);
    L.bar = Box(20, 390, 780, 460);
    L.next = Box(560, 390, 780, 460);
    L.lang = Box(150, 390, 300, 460);
    L.touch = 70;
    const std::vector<TextBox> boxes = text_boxes(L, Metrics{});
    CHECK(boxes.size() > 50);
    for (const TextBox& b : boxes) {
        INFO(b.key << " (" << b.screen << ")");
        CHECK(b.width > 0);
        CHECK(b.max_lines >= 1);
        CHECK(b.size >= 16.f);
    }
    // The paragraph boxes follow the panel: a shorter panel leaves fewer lines.
    auto lines = [](const std::vector<TextBox>& bs, const std::string& key) {
        for (const TextBox& b : bs)
            if (b.key == key) return b.max_lines;
        return -1;
    };
    Layout shorter = L;
    shorter.content.max.y = 250;
    CHECK(lines(text_boxes(shorter, Metrics{}), "about.method") < lines(boxes, "about.method"));
}
