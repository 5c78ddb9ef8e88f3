// Shared helpers for the unit tests: temporary folders, random productive models, bundle copies.
#pragma once

#include "model.hpp"

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

namespace ctrail::test {

namespace fs = std::filesystem;

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

// A random model with `regions` domestic regions (+ one external), `sectors` sectors, two
// final-demand categories and one stressor. Column sums of A stay below `max_colsum`.
inline Model random_model(int regions, int sectors, unsigned seed, double max_colsum = 0.7,
                          double density = 0.6) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    Model m;
    m.meta = {{"name", "random"}, {"currency_unit", "unit"}};
    for (int r = 0; r < regions; ++r)
        m.regions.push_back({"R" + std::to_string(r),
                             "Region " + std::to_string(r),
                             "",
                             RegionKind::Domestic,
                             "",
                             r % 2 == 0,
                             {},
                             {}});
    m.regions.push_back({"ROW", "Rest of world", "", RegionKind::External, "", false, {}, {}});
    for (int s = 0; s < sectors; ++s)
        m.sectors.push_back({"S" + std::to_string(s), "Sector " + std::to_string(s), ""});
    m.categories = {"households", "exports"};
    m.stressors = {{"CO2", "Carbon dioxide", "Mt"}};
    m.index();
    const int n = m.node_count(), ny = static_cast<int>(m.regions.size()) * 2;
    // Draw A with column sums < max_colsum and positive final demand, then Z = A diag(x).
    Eigen::MatrixXd A = Eigen::MatrixXd::Zero(n, n);
    for (int j = 0; j < n; ++j) {
        for (int i = 0; i < n; ++i)
            if (u(rng) < density) A(i, j) = u(rng);
        double c = A.col(j).sum();
        if (c > 0) A.col(j) *= max_colsum * u(rng) / c;
    }
    m.Y = Eigen::MatrixXd::Zero(n, ny);
    for (int i = 0; i < n; ++i)
        for (int c = 0; c < ny; ++c)
            if (u(rng) < density) m.Y(i, c) = 10 * u(rng);
    Eigen::VectorXd x =
        (Eigen::MatrixXd::Identity(n, n) - A).partialPivLu().solve(m.Y.rowwise().sum());
    m.Z = A * x.asDiagonal();
    m.F = Eigen::MatrixXd::Zero(1, n);
    for (int i = 0; i < n; ++i) m.F(0, i) = u(rng) < 0.9 ? x(i) * u(rng) : 0.0;
    m.FY = Eigen::MatrixXd::Zero(1, ny);
    for (int c = 0; c < ny; ++c) m.FY(0, c) = u(rng);
    return m;
}

} // namespace ctrail::test
