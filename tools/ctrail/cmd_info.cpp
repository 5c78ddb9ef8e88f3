#include "accounts.hpp"
#include "commands.hpp"
#include "format.hpp"
#include "store.hpp"
#include "store_factorisation.hpp"
#include "validate.hpp"

#include <cmath>
#include <ostream>

namespace ctrail::cli {

const char* const kInfoUsage =
    "usage: ctrail info MODEL.sqlite\n\n"
    "Prints the model's name, year, sizes, units and provenance (every meta entry, with its\n"
    "citations), then the checks: non-negativity, productivity (column sums and spectral radius\n"
    "of A), the Leontief solve residual and the accounting identities per stressor.\n";

int cmd_info(const std::vector<std::string>& argv, std::ostream& out) {
    Args args(argv, {}, {});
    const std::string& path = args.positional(0, "MODEL.sqlite");
    args.expect_positionals(1);
    Model m = read_database(path);

    out << m.meta_value("name") << "\n\n";
    out << "Provenance\n";
    for (const auto& [k, v] : m.meta) out << "  " << k << ": " << v << '\n';
    out << "\nSize\n";
    out << "  regions: " << m.regions.size() << " (" << m.domestic_count() << " producing, "
        << m.regions.size() - static_cast<size_t>(m.domestic_count()) << " external:";
    for (const auto& r : m.regions)
        if (r.kind == RegionKind::External) out << ' ' << r.code;
    out << ")\n  sectors: " << m.sectors.size()
        << "\n  final-demand categories: " << m.categories.size() << " (";
    for (size_t c = 0; c < m.categories.size(); ++c) out << (c ? ", " : "") << m.categories[c];
    out << ")\n  production nodes: " << m.node_count() << '\n';
    out << "\nUnits\n  money: " << m.meta_value("currency_unit") << '\n';
    for (const auto& s : m.stressors)
        out << "  " << s.code << " (" << s.name_en << "): " << s.unit << '\n';

    ValidationReport report = validate(m);
    out << "\nChecks\n";
    out << "  values finite and non-negative (Z, F, FY), outputs consistent: "
        << (report.ok() ? "ok" : "FAILED") << '\n';
    for (const auto& e : report.errors) out << "  error: " << e << '\n';
    for (const auto& w : report.warnings) out << "  note: " << w << '\n';
    // The checks above, and one line on stderr naming the file and the first problem.
    if (!report.ok()) throw ModelError(path, 0, "invalid model: " + report.errors.front());
    out << "  productive: yes (largest column sum of A " << fixed(report.max_column_sum, 4)
        << (report.spectral_radius > 0 ? ", spectral radius " + fixed(report.spectral_radius, 4)
                                       : "")
        << ")\n";
    // The stored factorisation when the database has a current one: reading beats factorising.
    std::string why;
    const auto stored = stored_or_factorised(path, m, nullptr, why);
    const Leontief& leontief = *stored;
    out << "  factorisation of I - A: "
        << (why.empty() ? "stored (inputs checksum agrees)"
                        : "factorised here: the database " + why)
        << '\n';
    for (int k = 0; k < static_cast<int>(m.stressors.size()); ++k) {
        Accounts a = compute_accounts(m, leontief, k);
        double terr = a.territorial.sum(), cons = a.consumption.sum(), t = a.transfers.sum();
        double f = m.F.row(k).sum();
        auto rel = [](double a, double b) {
            return std::abs(a - b) / std::max(std::abs(b), 1e-300);
        };
        out << "  " << m.stressors[k].code << ": total " << fixed(terr, 2) << ' '
            << m.stressors[k].unit << " (industry " << fixed(f, 2) << ", households "
            << fixed(a.household.sum(), 2) << ")\n";
        if (k == 0)
            out << "    solve residual |(I-A)X - Y| / |Y|: " << solve_residual(m, leontief) << '\n';
        out << "    sum territorial = sum consumption: relative difference " << rel(cons, terr)
            << '\n';
        out << "    sum transfers = sum F: relative difference " << rel(t, f) << '\n';
        out << "    national share tied to final demand outside the emitting region: "
            << fixed(100 * a.national_outside_share, 1) << "%\n";
    }
    return 0;
}

} // namespace ctrail::cli
