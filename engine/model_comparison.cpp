#include "model_comparison.hpp"

#include "error.hpp"

namespace ctrail {
namespace {

// "what differs: N in A, M in B (first difference: position K, X in A, Y in B)", or "".
template <class T, class Key>
std::string list_mismatch(const char* what, const std::vector<T>& a, const std::vector<T>& b,
                          Key key) {
    const size_t n = std::min(a.size(), b.size());
    size_t k = 0;
    while (k < n && key(a[k]) == key(b[k])) ++k;
    if (k == n && a.size() == b.size()) return "";
    std::string out = std::string(what) + " differ: " + std::to_string(a.size()) + " in A, " +
                      std::to_string(b.size()) + " in B";
    if (k < n)
        out += " (first difference: position " + std::to_string(k + 1) + ", " + key(a[k]) +
               " in A, " + key(b[k]) + " in B)";
    else
        out += " (the first " + std::to_string(n) + " agree)";
    return out;
}

std::string region_key(const Region& r) {
    return r.code + (r.kind == RegionKind::External ? " (external)" : "") +
           (r.group.empty() ? "" : " [" + r.group + "]");
}

} // namespace

std::string model_mismatch(const Model& a, const Model& b) {
    std::string out = list_mismatch("regions", a.regions, b.regions, region_key);
    const std::string sectors =
        list_mismatch("sectors", a.sectors, b.sectors, [](const Sector& s) { return s.code; });
    if (!sectors.empty()) out += (out.empty() ? "" : "; ") + sectors;
    return out;
}

ModelComparison compare_models(const Model& a, const Accounts& acc_a, const Model& b,
                               const Accounts& acc_b) {
    if (const std::string why = model_mismatch(a, b); !why.empty())
        throw ModelError("the models cannot be compared: " + why);
    ModelComparison c;
    for (int r : a.domestic_regions()) {
        RegionChange rc;
        rc.region = r;
        rc.territorial = {acc_a.territorial(r), acc_b.territorial(r)};
        rc.consumption = {acc_a.consumption(r), acc_b.consumption(r)};
        rc.net_transfer = {acc_a.consumption(r) - acc_a.territorial(r),
                           acc_b.consumption(r) - acc_b.territorial(r)};
        rc.share_elsewhere = {acc_a.emitted_elsewhere_share(r), acc_b.emitted_elsewhere_share(r)};
        c.regions.push_back(rc);
    }
    c.national_territorial = {acc_a.territorial.sum(), acc_b.territorial.sum()};
    c.national_consumption = {acc_a.consumption.sum(), acc_b.consumption.sum()};

    // Same regions and groups in the same order, so one grouping serves both models.
    const RegionGroups groups = region_groups(a);
    const Eigen::MatrixXd fa = group_flows(a, acc_a, groups);
    const Eigen::MatrixXd fb = group_flows(b, acc_b, groups);
    std::vector<int> domestic;
    for (size_t g = 0; g < groups.names.size(); ++g)
        if (!groups.external[g]) {
            domestic.push_back(static_cast<int>(g));
            c.groups.push_back(groups.names[g]);
        }
    for (size_t i = 0; i < domestic.size(); ++i)
        for (size_t j = 0; j < domestic.size(); ++j)
            c.flows.push_back({static_cast<int>(i),
                               static_cast<int>(j),
                               {fa(domestic[i], domestic[j]), fb(domestic[i], domestic[j])}});
    return c;
}

} // namespace ctrail
