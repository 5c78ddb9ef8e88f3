#include "accounts.hpp"
#include "commands.hpp"
#include "format.hpp"
#include "store.hpp"

#include <ostream>

namespace ctrail::cli {

const char* const kTransfersUsage =
    "usage: ctrail transfers MODEL.sqlite [--stressor CODE] [--csv]\n\n"
    "Emissions by emitting region (rows) and consuming region (final demand, external regions\n"
    "included): what region e emits because of region r's final demand. Households' direct\n"
    "emissions are not transfers. --csv prints rows emitter,consumer,value at full precision.\n";

int cmd_transfers(const std::vector<std::string>& argv, std::ostream& out) {
    AccountsCommand cmd = open_accounts(argv);
    const Model& m = cmd.model;
    const int k = cmd.stressor;
    const Accounts& a = cmd.accounts;
    const auto& dom = m.domestic_regions();
    if (cmd.csv) {
        out << "emitter,consumer,value\n";
        for (size_t e = 0; e < dom.size(); ++e)
            for (size_t r = 0; r < m.regions.size(); ++r)
                out << m.regions[dom[e]].code << ',' << m.regions[r].code << ','
                    << shortest_number(
                           a.transfers(static_cast<Eigen::Index>(e), static_cast<Eigen::Index>(r)))
                    << '\n';
        return 0;
    }
    out << m.stressors[k].name_en << " transfers (" << m.stressors[k].unit
        << "): rows emit, columns consume\n\n";
    std::vector<std::string> header{"emitter"};
    for (const auto& r : m.regions) header.push_back(r.code);
    TextTable t(header);
    for (size_t e = 0; e < dom.size(); ++e) {
        std::vector<std::string> row{m.regions[dom[e]].code};
        for (size_t r = 0; r < m.regions.size(); ++r)
            row.push_back(
                fixed(a.transfers(static_cast<Eigen::Index>(e), static_cast<Eigen::Index>(r)), 2));
        t.add(row);
    }
    t.print(out);
    return 0;
}

} // namespace ctrail::cli
