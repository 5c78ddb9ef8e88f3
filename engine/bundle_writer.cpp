#include "bundle_writer.hpp"

#include "error.hpp"

#include <charconv>
#include <filesystem>
#include <fstream>

namespace ctrail {
namespace {

std::string quoted(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

std::string number(double v) {
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

class File {
  public:
    File(const std::filesystem::path& p) : path_(p.string()), out_(p, std::ios::binary) {
        if (!out_) throw ModelError(path_, 0, "cannot write file");
    }
    ~File() noexcept(false) {
        out_.flush();
        if (!out_ && std::uncaught_exceptions() == 0) throw ModelError(path_, 0, "write failed");
    }
    std::ofstream& operator*() { return out_; }

  private:
    std::string path_;
    std::ofstream out_;
};

} // namespace

void write_bundle(const Model& m, const std::string& directory) {
    namespace fs = std::filesystem;
    fs::path dir(directory);
    fs::create_directories(dir);
    const int nc = m.category_count();
    auto node_label = [&m](int i) {
        return quoted(m.regions[m.region_of_node(i)].code) + "," +
               quoted(m.sectors[m.sector_of_node(i)].code);
    };
    auto demand_label = [&m, nc](int col) {
        return quoted(m.regions[col / nc].code) + "," + quoted(m.categories[col % nc]);
    };
    {
        File f(dir / "meta.csv");
        *f << "key,value\n";
        for (const auto& [k, v] : m.meta) *f << quoted(k) << ',' << quoted(v) << '\n';
    }
    {
        File f(dir / "regions.csv");
        *f << "code,name_en,name_zh,kind,group,coastal,lat,lon\n";
        for (const auto& r : m.regions)
            *f << quoted(r.code) << ',' << quoted(r.name_en) << ',' << quoted(r.name_zh) << ','
               << (r.kind == RegionKind::External ? "external" : "domestic") << ','
               << quoted(r.group) << ',' << (r.coastal ? "true" : "false") << ','
               << (r.lat ? number(*r.lat) : "") << ',' << (r.lon ? number(*r.lon) : "") << '\n';
    }
    {
        File f(dir / "sectors.csv");
        *f << "code,name_en,name_zh\n";
        for (const auto& s : m.sectors)
            *f << quoted(s.code) << ',' << quoted(s.name_en) << ',' << quoted(s.name_zh) << '\n';
    }
    {
        File f(dir / "stressors.csv");
        *f << "code,name_en,unit\n";
        for (const auto& s : m.stressors)
            *f << quoted(s.code) << ',' << quoted(s.name_en) << ',' << quoted(s.unit) << '\n';
    }
    {
        File f(dir / "Z.csv");
        *f << "from_region,from_sector,to_region,to_sector,value\n";
        for (int i = 0; i < m.Z.rows(); ++i)
            for (int j = 0; j < m.Z.cols(); ++j)
                if (m.Z(i, j) != 0)
                    *f << node_label(i) << ',' << node_label(j) << ',' << number(m.Z(i, j)) << '\n';
    }
    {
        File f(dir / "Y.csv");
        *f << "from_region,from_sector,to_region,category,value\n";
        for (int i = 0; i < m.Y.rows(); ++i)
            for (int c = 0; c < m.Y.cols(); ++c)
                if (m.Y(i, c) != 0)
                    *f << node_label(i) << ',' << demand_label(c) << ',' << number(m.Y(i, c))
                       << '\n';
    }
    {
        File f(dir / "F.csv");
        *f << "region,sector,stressor,value\n";
        for (int k = 0; k < m.F.rows(); ++k)
            for (int j = 0; j < m.F.cols(); ++j)
                if (m.F(k, j) != 0)
                    *f << node_label(j) << ',' << quoted(m.stressors[k].code) << ','
                       << number(m.F(k, j)) << '\n';
    }
    {
        File f(dir / "FY.csv");
        *f << "region,category,stressor,value\n";
        for (int k = 0; k < m.FY.rows(); ++k)
            for (int c = 0; c < m.FY.cols(); ++c)
                if (m.FY(k, c) != 0)
                    *f << demand_label(c) << ',' << quoted(m.stressors[k].code) << ','
                       << number(m.FY(k, c)) << '\n';
    }
}

} // namespace ctrail
