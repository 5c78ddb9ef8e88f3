// A large Z.csv is read in two halves on two threads (bundle.cpp, fill_in_halves): the same
// matrix as one pass, and on any problem exactly the error one pass reports.
#include "bundle.hpp"
#include "bundle_writer.hpp"
#include "csv.hpp"
#include "error.hpp"
#include "random_model.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <fstream>

using namespace ctrail;

namespace {

// A bundle whose Z.csv (400 nodes, ~3 MB) is large enough to be read in halves.
struct LargeBundle {
    test::TempDir dir;
    Model m = test::random_model(20, 20, 5, 0.7, 0.6, 2);
    std::string z_path;
    LargeBundle() {
        write_bundle(m, dir.file("b"));
        z_path = (dir.path() / "b" / "Z.csv").string();
    }
    std::vector<std::string> lines() const {
        std::ifstream in(z_path);
        std::vector<std::string> out;
        for (std::string l; std::getline(in, l);) out.push_back(l);
        return out;
    }
    void write(const std::vector<std::string>& lines) const {
        std::ofstream out(z_path, std::ios::trunc);
        for (const auto& l : lines) out << l << '\n';
    }
    std::string error() const {
        try {
            (void)read_bundle(dir.file("b"));
        } catch (const ModelError& e) {
            return e.what();
        }
        return "";
    }
};

} // namespace

TEST_CASE("bundle halves: the two halves cover every record once, with the lines of one pass") {
    const LargeBundle b;
    const CsvStream whole = CsvStream::open(b.z_path);
    const std::vector<CsvStream> halves = whole.split(2);
    REQUIRE(halves.size() == 2);
    std::vector<int> one_pass, split;
    for (CsvStream t = whole.restart(); t.next();) one_pass.push_back(t.line());
    for (CsvStream t : halves)
        while (t.next()) split.push_back(t.line());
    CHECK(split == one_pass);
    CHECK(read_bundle(b.dir.file("b")).Z == b.m.Z);
}

TEST_CASE("bundle halves: a quoted or small file is not split") {
    CHECK(CsvStream("a,b\n1,2\n", "small.csv").split(2).size() == 1);
    std::string text = "a,b\n";
    while (text.size() < (std::size_t(3) << 20)) text += "\"x\",2\n";
    CHECK(CsvStream(text, "quoted.csv").split(2).size() == 1);
}

TEST_CASE("bundle halves: a cell listed in both halves is the duplicate one pass reports") {
    const LargeBundle b;
    std::vector<std::string> lines = b.lines();
    lines.push_back(lines[1]); // the first record again, at the very end
    b.write(lines);
    CHECK(b.error() ==
          b.z_path + ":" + std::to_string(lines.size()) + ": duplicate entry (first on line 2)");
}

TEST_CASE("bundle halves: with problems in both halves, the first in the file is reported") {
    const LargeBundle b;
    const std::vector<std::string> original = b.lines();
    std::vector<std::string> lines = original;
    lines.back() = "NOWHERE" + lines.back().substr(lines.back().find(','));
    std::string& early = lines[3];
    early = early.substr(0, early.rfind(',')) + ",-1";
    b.write(lines);
    CHECK(b.error() == b.z_path + ":4: negative value -1");
    // Only the late one left: it is reported with its own line.
    lines[3] = original[3];
    b.write(lines);
    CHECK(b.error() ==
          b.z_path + ":" + std::to_string(lines.size()) + ": unknown region 'NOWHERE'");
}
