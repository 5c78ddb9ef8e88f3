#include "commands.hpp"
#include "format.hpp"
#include "headline.hpp"
#include "store.hpp"

#include <cmath>
#include <ostream>

namespace ctrail::cli {

const char* const kHeadlineUsage =
    "usage: ctrail headline MODEL.sqlite [--stressor CODE] [--csv] [--ranges]\n"
    "                       [--scale R.S=F]...\n\n"
    "The headline figures of Feng et al. (2013), 'Outsourcing CO2 within China':\n"
    "  - national outside share: emissions tied to final demand outside the emitting region\n"
    "    (other regions and external ones such as ROW) / all industry emissions;\n"
    "  - per consumer region: consumption-based emissions (households' direct ones included),\n"
    "    the share of its industry-caused emissions released in other regions (households\n"
    "    excluded), and the three regions other than itself that emit most for it;\n"
    "  - the coastal region with the highest such share and the coastal / interior medians.\n"
    "--csv prints one row per region at full precision, then a row 'national' whose\n"
    "emitted_elsewhere_share is the national outside share.\n"
    "--ranges adds the low-high over the model's ensemble (models built under other reasonable\n"
    "assumptions, ranges.csv) beside each figure and each consumer's share; with --csv as two\n"
    "more columns, low,high (of emitted_elsewhere_share), and after 'national' one row each for\n"
    "external_demand (exports' share), top_coastal (top1 = the region), median_coastal and\n"
    "median_interior, their figure in emitted_elsewhere_share.\n" CTRAIL_SCALE_HELP;

namespace {

std::string region_label(const Model& m, int r) {
    return m.regions[r].code + " " + m.regions[r].name_en;
}

} // namespace

int cmd_headline(const std::vector<std::string>& argv, std::ostream& out) {
    AccountsCommand cmd = open_accounts(argv, true, true);
    const Model& m = cmd.model;
    const int k = cmd.stressor;
    const Accounts& a = cmd.accounts;
    Headline h = compute_headline(m, a);
    constexpr int kTop = 3;
    // Ranges beside a figure: " (ensemble 54.0–60.0%)" in text, nothing without --ranges.
    auto beside = [&](const char* quantity, const std::string& region = "") -> std::string {
        if (!cmd.ranges) return "";
        return " (ensemble " + range_text(find_range(m.ranges, quantity, region), true) + ")";
    };

    if (cmd.csv) {
        out << "region,coastal,consumption,caused_by_industry,emitted_elsewhere_share";
        for (int i = 1; i <= kTop; ++i) out << ",top" << i << ",top" << i << "_value";
        out << (cmd.ranges ? ",low,high\n" : "\n");
        for (const auto& c : h.consumers) {
            const Region& r = m.regions[c.region];
            const char* coastal = r.kind == RegionKind::External ? ""
                                  : r.coastal                    ? "true"
                                                                 : "false";
            out << csv_field(r.code) << ',' << coastal << ',' << shortest_number(c.consumption)
                << ',' << shortest_number(c.caused_by_industry) << ','
                << (std::isnan(c.emitted_elsewhere_share)
                        ? ""
                        : shortest_number(c.emitted_elsewhere_share));
            for (int i = 0; i < kTop; ++i) {
                if (i < static_cast<int>(c.top_emitters.size()))
                    out << ',' << csv_field(m.regions[c.top_emitters[i].region].code) << ','
                        << shortest_number(c.top_emitters[i].value);
                else
                    out << ",,";
            }
            if (cmd.ranges)
                out << ',' << range_csv(find_range(m.ranges, "consumer_share_elsewhere", r.code));
            out << '\n';
        }
        out << "national,," << shortest_number(a.consumption.sum()) << ','
            << shortest_number(a.transfers.sum()) << ','
            << shortest_number(h.national_outside_share) << std::string(2 * kTop, ',');
        if (cmd.ranges) out << ',' << range_csv(find_range(m.ranges, "national_outside_share"));
        out << '\n';
        if (!cmd.ranges) return 0;
        // The other headline figures with their ranges, shaped like the 'national' row.
        auto figure_row = [&](const char* name, double value, const std::string& top1,
                              const char* quantity) {
            out << name << ",,,," << (std::isnan(value) ? "" : shortest_number(value)) << ','
                << csv_field(top1) << std::string(2 * kTop - 1, ',') << ','
                << range_csv(find_range(m.ranges, quantity)) << '\n';
        };
        figure_row("external_demand", h.external_share, "", "exports_share");
        if (h.top_coastal >= 0)
            figure_row("top_coastal",
                       h.consumers[static_cast<size_t>(h.top_coastal)].emitted_elsewhere_share,
                       m.regions[h.top_coastal].code, "top_coastal_share");
        figure_row("median_coastal", h.median_coastal, "", "median_coastal");
        figure_row("median_interior", h.median_interior, "", "median_interior");
        return 0;
    }

    const Stressor& s = m.stressors[k];
    out << s.name_en << " headline figures (" << s.unit << "), " << m.meta_value("name") << "\n"
        << scale_note(cmd.scales) << "\n";
    out << "National outside share: " << percent(h.national_outside_share)
        << " of industry emissions are tied to "
        << "final demand outside the emitting region (external demand alone: "
        << percent(h.external_share)
        << (cmd.ranges ? ", ensemble " + range_text(find_range(m.ranges, "exports_share"), true)
                       : std::string())
        << ")" << beside("national_outside_share") << ".\n";
    if (h.top_coastal >= 0)
        out << "Coastal region with the highest share emitted elsewhere: "
            << region_label(m, h.top_coastal) << ", "
            << percent(h.consumers[static_cast<size_t>(h.top_coastal)].emitted_elsewhere_share)
            << beside("top_coastal_share") << ".\n";
    if (!std::isnan(h.median_coastal) && !std::isnan(h.median_interior))
        out << "Median share emitted elsewhere: coastal " << percent(h.median_coastal)
            << beside("median_coastal") << ", interior " << percent(h.median_interior)
            << beside("median_interior") << ".\n";
    if (cmd.ranges)
        out << "Ranges: low-high over the model's ensemble (other reasonable assumptions, "
               "ranges.csv).\n";
    out << '\n';

    std::vector<std::string> head = {"consumer", "coastal", "consumption", "elsewhere"};
    if (cmd.ranges) head.push_back("ensemble");
    head.push_back("top emitting regions elsewhere");
    TextTable t(head);
    for (const auto& c : h.consumers) {
        const Region& r = m.regions[c.region];
        std::string top;
        for (const auto& e : c.top_emitters)
            top += (top.empty() ? "" : ", ") + m.regions[e.region].code + " " + fixed(e.value, 1);
        std::vector<std::string> row = {region_label(m, c.region),
                                        r.kind == RegionKind::External ? "-"
                                        : r.coastal                    ? "yes"
                                                                       : "no",
                                        fixed(c.consumption, 1),
                                        percent(c.emitted_elsewhere_share)};
        if (cmd.ranges)
            row.push_back(
                range_text(find_range(m.ranges, "consumer_share_elsewhere", r.code), true));
        row.push_back(top.empty() ? "-" : top);
        t.add(std::move(row));
    }
    t.print(out);
    return 0;
}

} // namespace ctrail::cli
