// Models for the trace tests: the hand-worked 2-region x 3-sector supply chain (worked in
// test_trace.cpp) and a brute-force path enumerator that shares no code with the search.
#pragma once

#include "model.hpp"

#include <algorithm>
#include <functional>
#include <vector>

namespace ctrail::test {

/* Nodes (region-major): 0 SH/MAC, 1 SH/MET, 2 SH/POWER, 3 NM/MAC, 4 NM/MET, 5 NM/POWER.
   Coefficients: A(NM/MET, SH/MAC) = 0.2, A(SH/POWER, SH/MAC) = 0.08, A(NM/MET, NM/MAC) = 0.25,
   A(NM/POWER, NM/MET) = 0.3, A(NM/POWER, SH/MET) = 0.1; everything else 0 (no cycles).
   Final demand (one category "households"):
     SH: SH/MAC 30, NM/MAC 10, SH/POWER 5;   NM: NM/MAC 20, SH/MET 10, NM/POWER 10, NM/MET 5.
   Gross output x = A x + Y 1: SH/MAC 30, NM/MAC 30, SH/MET 10, NM/MET 5 + 0.2·30 + 0.25·30 = 18.5,
     NM/POWER 10 + 0.3·18.5 + 0.1·10 = 16.55, SH/POWER 5 + 0.08·30 = 7.4.
   Z = A diag(x): Z(NM/MET, SH/MAC) 6, Z(SH/POWER, SH/MAC) 2.4, Z(NM/MET, NM/MAC) 7.5,
     Z(NM/POWER, NM/MET) 5.55, Z(NM/POWER, SH/MET) 1.
   Intensities s: SH/MAC 0.1, SH/MET 1.5, SH/POWER 4, NM/MAC 0.2, NM/MET 2, NM/POWER 5, so
   F = s x: 3, 15, 29.6, 6, 37, 82.75 (Mt; money in 10^4 yuan). */
inline Model hand_model() {
    Model m;
    m.meta = {{"name", "hand-worked"},           {"year", "2007"},
              {"currency_unit", "10^4 yuan"},    {"citation", "Test citation A"},
              {"citation_2", "Test citation B"}, {"citation_2_zh", "测试引文乙"}};
    m.regions = {{"SH", "Shanghai", "上海", RegionKind::Domestic, "East Coast", true, 31.23, 121.47,
                  "coast"},
                 {"NM", "Inner Mongolia", "内蒙古", RegionKind::Domestic, "North", false, 40.84,
                  111.75, "centre_west"}};
    m.sectors = {{"MAC", "Machinery & vehicles", "机械和交通设备"},
                 {"MET", "Metals", "金属冶炼"},
                 {"POWER", "Electricity & heat", "电力热力"}};
    m.categories = {"households"};
    m.stressors = {{"CO2", "Carbon dioxide", "Mt"}};
    m.index();
    m.Z = Eigen::MatrixXd::Zero(6, 6);
    m.Z(4, 0) = 6;
    m.Z(2, 0) = 2.4;
    m.Z(4, 3) = 7.5;
    m.Z(5, 4) = 5.55;
    m.Z(5, 1) = 1;
    m.Y = Eigen::MatrixXd::Zero(6, 2);
    m.Y(0, 0) = 30, m.Y(3, 0) = 10, m.Y(2, 0) = 5;
    m.Y(3, 1) = 20, m.Y(1, 1) = 10, m.Y(5, 1) = 10, m.Y(4, 1) = 5;
    m.F = Eigen::MatrixXd(1, 6);
    m.F << 3, 15, 29.6, 6, 37, 82.75;
    m.FY = Eigen::MatrixXd::Zero(1, 2);
    return m;
}

struct BrutePath {
    std::vector<int> nodes;
    double value;
};

// Every path with value >= cut (and > 0) up to max_depth, by depth-first enumeration. It prunes
// with its own bound, independent of the search's: B_t(j), the largest value factor of any single
// path from j with at most t more steps (B_0 = s, B_t(j) = max(s_j, max_i A_ij B_{t-1}(i))).
// Values are multiplied in the same order as the search does, so they compare exactly.
inline std::vector<BrutePath> brute_force_paths(const Eigen::MatrixXd& A, const Eigen::VectorXd& s,
                                                const Eigen::VectorXd& y, double cut,
                                                int max_depth) {
    const int n = static_cast<int>(s.size());
    std::vector<Eigen::VectorXd> B(max_depth + 1, s);
    for (int t = 1; t <= max_depth; ++t)
        for (int j = 0; j < n; ++j)
            for (int i = 0; i < n; ++i) B[t](j) = std::max(B[t](j), A(i, j) * B[t - 1](i));
    auto hopeless = [&](double a, int node, int steps_left) {
        return a * B[steps_left](node) * (1 + 1e-9) < cut;
    };
    std::vector<BrutePath> out;
    std::vector<int> nodes;
    std::function<void(int, double)> visit = [&](int j, double a) {
        nodes.push_back(j);
        const double v = a * s(j);
        if (v > 0 && v >= cut) out.push_back({nodes, v});
        const int left = max_depth - (static_cast<int>(nodes.size()) - 1);
        if (left > 0)
            for (int i = 0; i < n; ++i)
                if (A(i, j) > 0 && !hopeless(a * A(i, j), i, left - 1)) visit(i, a * A(i, j));
        nodes.pop_back();
    };
    for (int i = 0; i < n; ++i)
        if (y(i) > 0 && !hopeless(y(i), i, max_depth)) visit(i, y(i));
    // Descending value; exact ties shorter first, then by node sequence (the search's rule).
    std::sort(out.begin(), out.end(), [](const BrutePath& p, const BrutePath& q) {
        if (p.value != q.value) return p.value > q.value;
        if (p.nodes.size() != q.nodes.size()) return p.nodes.size() < q.nodes.size();
        return p.nodes < q.nodes;
    });
    return out;
}

} // namespace ctrail::test
