// libFuzzer target: the bundle importer (engine/bundle.hpp). One input holds a whole bundle as
// "=== meta.csv", "=== Z.csv", ... parts; they are written to a private folder in RAM
// (/dev/shm when it exists) and read back with read_bundle, the path ctrail build takes.
// A folder rather than an in-memory entry point keeps engine/bundle.cpp unchanged.
#include "fuzz_input.hpp"

#include <bundle.hpp>
#include <error.hpp>

#include <array>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace {

namespace fs = std::filesystem;

const std::array<const char*, 10> kFiles = {
    "meta.csv", "regions.csv", "sectors.csv", "stressors.csv", "Z.csv",
    "Y.csv",    "F.csv",       "FY.csv",      "x.csv",         "ranges.csv"};

const fs::path& folder() {
    static const fs::path dir = [] {
        std::string base = fs::is_directory("/dev/shm") ? "/dev/shm" : fs::temp_directory_path();
        std::string tmpl = base + "/ctrail-fuzz-bundle-XXXXXX";
        if (!mkdtemp(tmpl.data())) std::abort();
        std::atexit([] { fs::remove_all(folder()); });
        return fs::path(tmpl);
    }();
    return dir;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto parts = ctrail::fuzz::split_parts(ctrail::fuzz::as_text(data, size));
    for (const char* name : kFiles) {
        const fs::path file = folder() / name;
        auto it = parts.find(name);
        if (it == parts.end()) {
            fs::remove(file);
            continue;
        }
        std::ofstream(file, std::ios::binary | std::ios::trunc) << it->second;
    }
    try {
        (void)ctrail::read_bundle(folder().string());
    } catch (const ctrail::ModelError&) {
    }
    return 0;
}
