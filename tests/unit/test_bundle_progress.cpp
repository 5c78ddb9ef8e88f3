#include "bundle.hpp"
#include "bundle_writer.hpp"
#include "random_model.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

using namespace ctrail;

TEST_CASE("bundle reader: reports its progress through every matrix, in order") {
    test::TempDir dir;
    const Model m = test::random_model(4, 5, 3, 0.7, 0.6, 3);
    write_bundle(m, dir.file("b"));
    std::vector<std::pair<std::string, double>> seen;
    const Model back = read_bundle(
        dir.file("b"), [&](const std::string& s, double f) { seen.emplace_back(s, f); });
    CHECK(back.Z == m.Z);
    REQUIRE_FALSE(seen.empty());
    CHECK(seen.front().first == "reading Z.csv");
    bool y = false, f = false;
    for (size_t i = 0; i < seen.size(); ++i) {
        CHECK(seen[i].second >= 0);
        CHECK(seen[i].second < 1);
        if (i > 0 && seen[i].first == seen[i - 1].first)
            CHECK(seen[i].second >= seen[i - 1].second);
        y = y || seen[i].first == "reading Y.csv";
        f = f || seen[i].first == "reading F.csv";
    }
    CHECK(y);
    CHECK(f);
}

TEST_CASE("bundle reader: numbers read exactly, including forms only strtod accepts") {
    test::TempDir dir;
    Model m = test::random_model(2, 2, 4);
    m.Z(0, 1) = 0.1 + 0.2; // needs all 17 significant digits
    write_bundle(m, dir.file("b"));
    CHECK(read_bundle(dir.file("b")).Z(0, 1) == m.Z(0, 1));
    // A leading '+' was always accepted; from_chars alone would reject it.
    std::string z = test::read_text(dir.path() / "b" / "Z.csv");
    const auto comma = z.rfind(',');
    z.insert(comma + 1, "+");
    test::write_text(dir.path() / "b" / "Z.csv", z);
    CHECK_NOTHROW(read_bundle(dir.file("b")));
}
