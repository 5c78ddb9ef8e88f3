// Shared helpers for the unit tests: temporary folders, random productive models, bundle copies.
#pragma once

#include "log.hpp"
#include "model.hpp"
#include "random_model.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace ctrail::test {

// a and b equal to a relative tolerance (the tests' comparisons of two computations).
inline bool close(double a, double b, double rel = 1e-9) {
    return std::abs(a - b) <= rel * std::max({std::abs(a), std::abs(b), 1e-300});
}

namespace fs = std::filesystem;

// Collects the engine's log notes for the duration of a test.
struct CapturedLog {
    std::vector<std::string> notes;
    LogSink old;
    CapturedLog() {
        old = set_log_sink([this](const std::string& s) { notes.push_back(s); });
    }
    ~CapturedLog() { set_log_sink(old); }
    CapturedLog(const CapturedLog&) = delete;
    CapturedLog& operator=(const CapturedLog&) = delete;
};

// A fresh empty folder under the system temp dir, removed when the object goes away.
class TempDir {
  public:
    TempDir() {
        std::random_device rd;
        path_ = fs::temp_directory_path() /
                ("ctrail-test-" + std::to_string(rd()) + std::to_string(rd()));
        fs::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const fs::path& path() const { return path_; }
    std::string file(const std::string& name) const { return (path_ / name).string(); }

  private:
    fs::path path_;
};

inline std::string data_dir(const std::string& name) {
    return std::string(CTRAIL_TEST_DATA_DIR) + "/" + name;
}

inline std::string read_text(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline void write_text(const fs::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary);
    out << text;
}

// Copies a test bundle into `dir` so a test can break one file of it.
inline void copy_bundle(const std::string& name, const fs::path& dir) {
    for (const auto& e : fs::directory_iterator(data_dir(name)))
        fs::copy_file(e.path(), dir / e.path().filename());
}

} // namespace ctrail::test
