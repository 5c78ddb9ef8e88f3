// Golden screenshots of the English tour at 800x480, compared with a tolerance: a pixel differs
// when one of its channels is off by more than 48 levels, and at most 1% of the pixels may
// differ (anti-aliasing and prebuilt-library differences between machines stay below that).
// CTRAIL_UPDATE_GOLDEN=1 writes the current screenshots into tests/e2e/golden/ instead.
#include "e2e_support.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>

namespace fs = std::filesystem;
using namespace e2e;

TEST_CASE("golden screenshots") {
    require_model();
    const std::string dir = fresh_dir("golden-run");
    REQUIRE(run_carbontrail(
                {"--tour", dir, "--size", "800x480", "--lang", "en", "--model", model_path()},
                dir) == 0);
    const char* env = std::getenv("CTRAIL_UPDATE_GOLDEN");
    const bool update = env && std::string(env) == "1";
    const char* const shots[] = {"03-region",   "04-product",     "08-trail-4",
                                 "08b-what-if", "09-big-picture", "10-about"};
    for (const char* shot : shots) {
        const std::string actual = dir + "/" + shot + ".png";
        const std::string golden = std::string(CTRAIL_GOLDEN_DIR) + "/" + shot + ".png";
        INFO("screenshot " << shot << " (actual: " << actual << ")");
        if (update) {
            fs::copy_file(actual, golden, fs::copy_options::overwrite_existing);
            MESSAGE("updated " << golden);
            continue;
        }
        const Image want = load_png(golden);
        if (want.width == 0)
            FAIL(
                "no golden " << golden
                             << ": run the test with CTRAIL_UPDATE_GOLDEN=1 and review the images");
        const double diff = differing_fraction(load_png(actual), want, 48);
        INFO("differing pixels: " << diff * 100 << "%");
        CHECK(diff <= 0.01);
    }
}
