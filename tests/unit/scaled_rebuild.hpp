// The model "rebuilt" with scaled intensities by a route that shares no code with the engine's
// what-if scaling: the bundle exported, F.csv edited, built again through `ctrail build`.
#pragma once

#include "cli_run.hpp"
#include "model.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace ctrail::test {

inline std::vector<std::string> split(const std::string& line, char sep = ',') {
    std::vector<std::string> out(1);
    for (char c : line) {
        if (c == sep)
            out.emplace_back();
        else
            out.back() += c;
    }
    return out;
}

// The bundle of `db` with every F.csv row whose region is in `regions` (codes) and whose sector
// is `sector` ("*" = any) multiplied by `factor`, built again into `out_db`: the model rebuilt
// with scaled intensities, by a route that shares no code with resolve_scale.
inline void rebuild_scaled(const std::string& db, const std::filesystem::path& dir,
                           const std::set<std::string>& regions, const std::string& sector,
                           double factor, const std::string& out_db) {
    REQUIRE(ctrail_run({"export", db, dir.string()}).code == 0);
    std::istringstream in(read_text(dir / "F.csv"));
    std::string line, out;
    std::getline(in, line);
    REQUIRE(line == "region,sector,stressor,value");
    out = line + "\n";
    while (std::getline(in, line)) {
        auto f = split(line);
        REQUIRE(f.size() == 4);
        double v = std::stod(f[3]);
        if (regions.count(f[0]) && (sector == "*" || f[1] == sector)) v *= factor;
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.17g", v);
        out += f[0] + "," + f[1] + "," + f[2] + "," + buf + "\n";
    }
    write_text(dir / "F.csv", out);
    REQUIRE(ctrail_run({"build", dir.string(), out_db}).code == 0);
}

// region codes of `group` (regions.csv group or zone) in model `m`
inline std::set<std::string> codes_of(const ctrail::Model& m, const std::string& group) {
    std::set<std::string> out;
    for (const auto& r : m.regions)
        if (r.code == group || r.group == group || r.zone == group) out.insert(r.code);
    return out;
}

} // namespace ctrail::test
