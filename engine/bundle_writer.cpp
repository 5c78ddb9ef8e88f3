#include "bundle_writer.hpp"

#include "csv.hpp"
#include "error.hpp"

#include <filesystem>
#include <fstream>

namespace ctrail {
namespace {

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
        return csv_field(m.regions[m.region_of_node(i)].code) + "," +
               csv_field(m.sectors[m.sector_of_node(i)].code);
    };
    auto demand_label = [&m, nc](int col) {
        return csv_field(m.regions[col / nc].code) + "," + csv_field(m.categories[col % nc]);
    };
    {
        File f(dir / "meta.csv");
        *f << "key,value\n";
        for (const auto& [k, v] : m.meta) *f << csv_field(k) << ',' << csv_field(v) << '\n';
    }
    {
        File f(dir / "regions.csv");
        *f << "code,name_en,name_zh,kind,group,coastal,zone,lat,lon\n";
        for (const auto& r : m.regions)
            *f << csv_field(r.code) << ',' << csv_field(r.name_en) << ',' << csv_field(r.name_zh)
               << ',' << (r.kind == RegionKind::External ? "external" : "domestic") << ','
               << csv_field(r.group) << ',' << (r.coastal ? "true" : "false") << ','
               << csv_field(r.zone) << ',' << (r.lat ? shortest_number(*r.lat) : "") << ','
               << (r.lon ? shortest_number(*r.lon) : "") << '\n';
    }
    {
        File f(dir / "sectors.csv");
        *f << "code,name_en,name_zh\n";
        for (const auto& s : m.sectors)
            *f << csv_field(s.code) << ',' << csv_field(s.name_en) << ',' << csv_field(s.name_zh)
               << '\n';
    }
    {
        File f(dir / "stressors.csv");
        *f << "code,name_en,unit\n";
        for (const auto& s : m.stressors)
            *f << csv_field(s.code) << ',' << csv_field(s.name_en) << ',' << csv_field(s.unit)
               << '\n';
    }
    {
        File f(dir / "Z.csv");
        *f << "from_region,from_sector,to_region,to_sector,value\n";
        for (int i = 0; i < m.Z.rows(); ++i)
            for (int j = 0; j < m.Z.cols(); ++j)
                if (m.Z(i, j) != 0)
                    *f << node_label(i) << ',' << node_label(j) << ',' << shortest_number(m.Z(i, j))
                       << '\n';
    }
    {
        File f(dir / "Y.csv");
        *f << "from_region,from_sector,to_region,category,value\n";
        for (int i = 0; i < m.Y.rows(); ++i)
            for (int c = 0; c < m.Y.cols(); ++c)
                if (m.Y(i, c) != 0)
                    *f << node_label(i) << ',' << demand_label(c) << ','
                       << shortest_number(m.Y(i, c)) << '\n';
    }
    {
        File f(dir / "F.csv");
        *f << "region,sector,stressor,value\n";
        for (int k = 0; k < m.F.rows(); ++k)
            for (int j = 0; j < m.F.cols(); ++j)
                if (m.F(k, j) != 0)
                    *f << node_label(j) << ',' << csv_field(m.stressors[k].code) << ','
                       << shortest_number(m.F(k, j)) << '\n';
    }
    {
        File f(dir / "FY.csv");
        *f << "region,category,stressor,value\n";
        for (int k = 0; k < m.FY.rows(); ++k)
            for (int c = 0; c < m.FY.cols(); ++c)
                if (m.FY(k, c) != 0)
                    *f << demand_label(c) << ',' << csv_field(m.stressors[k].code) << ','
                       << shortest_number(m.FY(k, c)) << '\n';
    }
    if (!m.ranges.empty()) {
        File f(dir / "ranges.csv");
        *f << ranges_csv(m.ranges);
    }
}

} // namespace ctrail
