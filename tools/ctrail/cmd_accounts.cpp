#include "accounts.hpp"
#include "commands.hpp"
#include "format.hpp"
#include "store.hpp"

#include <cmath>
#include <ostream>

namespace ctrail::cli {

const char* const kAccountsUsage =
    "usage: ctrail accounts MODEL.sqlite [--stressor CODE] [--csv] [--scale R.S=F]...\n\n"
    "One row per region: territorial (emitted there, industry + households), consumption\n"
    "(caused by its final demand anywhere + its households), imported and exported embodied\n"
    "emissions, and the share of its consumption-based emissions released elsewhere.\n"
    "Conventions as pymrio's D_pba_reg / D_cba_reg. --csv prints full precision.\n\n"
    "  --stressor CODE default: the model's first stressor\n"
    "  --csv           one row per region, full precision\n" CTRAIL_SCALE_HELP;

int cmd_accounts(const std::vector<std::string>& argv, std::ostream& out) {
    AccountsCommand cmd = open_accounts(argv, false, true);
    const Model& m = cmd.model;
    const int k = cmd.stressor;
    const Accounts& a = cmd.accounts;
    const auto n = m.regions.size();
    if (cmd.csv) {
        out << "region,territorial,consumption,imported,exported,household,emitted_elsewhere_"
               "share\n";
        for (size_t r = 0; r < n; ++r) {
            double share = a.emitted_elsewhere_share(static_cast<Eigen::Index>(r));
            out << m.regions[r].code << ',' << shortest_number(a.territorial(r)) << ','
                << shortest_number(a.consumption(r)) << ',' << shortest_number(a.imported(r)) << ','
                << shortest_number(a.exported(r)) << ',' << shortest_number(a.household(r)) << ','
                << (std::isnan(share) ? "" : shortest_number(share)) << '\n';
        }
        return 0;
    }
    const std::string unit = m.stressors[k].unit;
    out << m.stressors[k].name_en << " accounts (" << unit << "), " << m.meta_value("name") << "\n"
        << scale_note(cmd.scales) << "\n";
    TextTable t({"region", "territorial", "consumption", "imported", "exported", "elsewhere"});
    for (size_t r = 0; r < n; ++r) {
        double share = a.emitted_elsewhere_share(static_cast<Eigen::Index>(r));
        t.add({m.regions[r].code + " " + m.regions[r].name_en, fixed(a.territorial(r), 2),
               fixed(a.consumption(r), 2), fixed(a.imported(r), 2), fixed(a.exported(r), 2),
               std::isnan(share) ? "-" : fixed(100 * share, 1) + "%"});
    }
    t.add({"total", fixed(a.territorial.sum(), 2), fixed(a.consumption.sum(), 2),
           fixed(a.imported.sum(), 2), fixed(a.exported.sum(), 2),
           fixed(100 * a.national_outside_share, 1) + "%"});
    t.print(out);
    return 0;
}

} // namespace ctrail::cli
