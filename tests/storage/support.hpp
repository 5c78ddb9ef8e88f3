// Shared by the storage tests: folders under the build tree, seeds from the environment, and a
// figures file the reliability script reads (scripts/reliability/30-storage.sh).
#pragma once

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace st {

inline std::filesystem::path fresh_dir(const std::string& name) {
    const std::filesystem::path p = std::filesystem::path(CTRAIL_STORAGE_TEST_OUT) / name;
    std::filesystem::remove_all(p);
    std::filesystem::create_directories(p);
    return p;
}

// $NAME as a number, or `fallback`.
inline std::uint64_t env_number(const char* name, std::uint64_t fallback) {
    const char* v = std::getenv(name);
    return v && *v ? std::strtoull(v, nullptr, 0) : fallback;
}

// One `key value` line per figure, in CTRAIL_STORAGE_TEST_OUT/figures/<test>.txt.
inline void write_figures(const std::string& test, const std::string& lines) {
    const auto dir = std::filesystem::path(CTRAIL_STORAGE_TEST_OUT) / "figures";
    std::filesystem::create_directories(dir);
    std::ofstream(dir / (test + ".txt")) << lines;
}

} // namespace st
