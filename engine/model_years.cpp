#include "model_years.hpp"

#include "error.hpp"
#include "exhibit_model_access.hpp"
#include "model_comparison.hpp"

namespace ctrail {

ExhibitYearComparison compare_years(const ExhibitModel& a, const ExhibitModel& b) {
    const Model& ma = ExhibitModelAccess::model(a);
    const Model& mb = ExhibitModelAccess::model(b);
    const int k_a = a.default_stressor();
    const ExhibitStressor& stressor = a.stressors()[static_cast<size_t>(k_a)];
    const int k_b = b.find_stressor(stressor.code);
    if (k_b < 0)
        throw ModelError("the models cannot be compared: B has no stressor " + stressor.code);
    const double kg_a = stressor.kg_per_unit;
    const double kg_b = b.stressors()[static_cast<size_t>(k_b)].kg_per_unit;
    const Accounts acc_a = compute_accounts(ma, ExhibitModelAccess::leontief(a), k_a);
    const Accounts acc_b = compute_accounts(mb, ExhibitModelAccess::leontief(b), k_b);
    const ModelComparison c = compare_models(ma, acc_a, mb, acc_b); // refuses mismatched models

    ExhibitYearComparison out;
    out.year_a = a.meta().year;
    out.year_b = b.meta().year;
    out.groups = c.groups;
    out.net.resize(c.groups.size());
    for (const GroupFlowChange& f : c.flows) {
        const YearPair kg{f.flow.a * kg_a, f.flow.b * kg_b};
        out.flows.push_back({f.from, f.to, kg});
        if (f.from == f.to) continue; // flows within a group are no trade between groups
        YearPair& in = out.net[static_cast<size_t>(f.to)].net_import;
        YearPair& away = out.net[static_cast<size_t>(f.from)].net_import;
        in.a_kg += kg.a_kg, in.b_kg += kg.b_kg;
        away.a_kg -= kg.a_kg, away.b_kg -= kg.b_kg;
    }
    out.national_territorial = {c.national_territorial.a * kg_a, c.national_territorial.b * kg_b};
    return out;
}

} // namespace ctrail
