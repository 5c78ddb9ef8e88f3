#include "commands.hpp"
#include "error.hpp"
#include "format.hpp"
#include "model_comparison.hpp"
#include "store_factorisation.hpp"

#include <cmath>
#include <ostream>

namespace ctrail::cli {

const char* const kCompareUsage =
    "usage: ctrail compare A.sqlite B.sqlite [--stressor CODE] [--csv]\n\n"
    "Two models of the same regions and sectors side by side (e.g. two years), in the\n"
    "stressor's unit, with the change B - A:\n"
    "  - per province: territorial, consumption, net transfer (consumption - territorial =\n"
    "    imported - exported; positive: its final demand causes more than it releases) and the\n"
    "    share of its consumption-based emissions released elsewhere (change in points);\n"
    "  - per pair of region groups (regions.csv `group`, e.g. China's eight regions): the\n"
    "    emissions released in the first group for final demand in the second.\n"
    "Models whose regions (codes, groups) or sectors differ are refused (exit 1, saying what\n"
    "differs).\n\n"
    "  --stressor CODE default: model A's first stressor (B must have it too)\n"
    "  --csv           section,region,from_group,to_group,quantity,a,b,change at full\n"
    "                  precision: section province (quantities territorial, consumption,\n"
    "                  net_transfer, share_elsewhere; a share is empty when undefined) or flow\n"
    "                  (quantity flow)\n";

namespace {

std::string cell(double v) {
    return std::isnan(v) ? "" : shortest_number(v);
}

std::string signed_fixed(double v, int decimals) {
    return (v > 0 ? "+" : "") + fixed(v, decimals);
}

std::string share(double v) {
    return std::isnan(v) ? "-" : fixed(100 * v, 1) + "%";
}

std::string points(const Pair& p) {
    const double d = p.change();
    return std::isnan(d) ? "-" : signed_fixed(100 * d, 1) + " pts";
}

void csv_row(std::ostream& out, const char* section, const std::string& region,
             const std::string& from, const std::string& to, const char* quantity, const Pair& p) {
    out << section << ',' << csv_field(region) << ',' << csv_field(from) << ',' << csv_field(to)
        << ',' << quantity << ',' << cell(p.a) << ',' << cell(p.b) << ',' << cell(p.change())
        << '\n';
}

} // namespace

int cmd_compare(const std::vector<std::string>& argv, std::ostream& out) {
    Args args(argv, {"stressor"}, {"csv"});
    const std::string& path_a = args.positional(0, "A.sqlite");
    const std::string& path_b = args.positional(1, "B.sqlite");
    args.expect_positionals(2);
    OpenedModel a = open_model(path_a);
    OpenedModel b = open_model(path_b);
    if (const std::string why = model_mismatch(a.model, b.model); !why.empty())
        throw ModelError("cannot compare " + path_a + " (A) with " + path_b + " (B): " + why);
    const int k_a = stressor_index(a.model, args.option_or("stressor", ""));
    const std::string& code = a.model.stressors[k_a].code;
    const int k_b = b.model.find_stressor(code);
    if (k_b < 0) throw ModelError(path_b + " (B) has no stressor " + code);
    const Accounts acc_a = compute_accounts(a.model, *a.leontief, k_a);
    const Accounts acc_b = compute_accounts(b.model, *b.leontief, k_b);
    const ModelComparison c = compare_models(a.model, acc_a, b.model, acc_b);
    const Model& m = a.model;

    if (args.flag("csv")) {
        out << "section,region,from_group,to_group,quantity,a,b,change\n";
        for (const auto& r : c.regions) {
            const std::string& rc = m.regions[r.region].code;
            csv_row(out, "province", rc, "", "", "territorial", r.territorial);
            csv_row(out, "province", rc, "", "", "consumption", r.consumption);
            csv_row(out, "province", rc, "", "", "net_transfer", r.net_transfer);
            csv_row(out, "province", rc, "", "", "share_elsewhere", r.share_elsewhere);
        }
        for (const auto& f : c.flows)
            csv_row(out, "flow", "", c.groups[f.from], c.groups[f.to], "flow", f.flow);
        return 0;
    }

    const std::string unit = m.stressors[k_a].unit;
    out << m.stressors[k_a].name_en << " (" << unit << "): A = " << m.meta_value("name") << " ("
        << path_a << ")\n"
        << std::string(m.stressors[k_a].name_en.size() + unit.size() + 4, ' ')
        << "B = " << b.model.meta_value("name") << " (" << path_b << ")\n\n";
    out << "Per province (change = B - A; net transfer = consumption - territorial)\n";
    TextTable t({"region", "territorial A", "B", "change", "consumption A", "B", "change",
                 "net transfer A", "B", "change", "elsewhere A", "B", "change"});
    for (const auto& r : c.regions) {
        const Region& reg = m.regions[r.region];
        t.add({reg.code + " " + reg.name_en, fixed(r.territorial.a, 1), fixed(r.territorial.b, 1),
               signed_fixed(r.territorial.change(), 1), fixed(r.consumption.a, 1),
               fixed(r.consumption.b, 1), signed_fixed(r.consumption.change(), 1),
               fixed(r.net_transfer.a, 1), fixed(r.net_transfer.b, 1),
               signed_fixed(r.net_transfer.change(), 1), share(r.share_elsewhere.a),
               share(r.share_elsewhere.b), points(r.share_elsewhere)});
    }
    t.add({"total", fixed(c.national_territorial.a, 1), fixed(c.national_territorial.b, 1),
           signed_fixed(c.national_territorial.change(), 1), fixed(c.national_consumption.a, 1),
           fixed(c.national_consumption.b, 1), signed_fixed(c.national_consumption.change(), 1), "",
           "", "", "", "", ""});
    t.print(out);

    out << "\nBetween region groups: released in FROM for final demand in TO\n";
    TextTable g({"from", "to", "A", "B", "change", "change %"});
    for (const auto& f : c.flows)
        g.add({c.groups[f.from], c.groups[f.to], fixed(f.flow.a, 1), fixed(f.flow.b, 1),
               signed_fixed(f.flow.change(), 1),
               f.flow.a > 0 ? signed_fixed(100 * f.flow.change() / f.flow.a, 1) + "%" : "-"});
    g.print(out);
    return 0;
}

} // namespace ctrail::cli
