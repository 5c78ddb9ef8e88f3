#include "commands.hpp"
#include "error.hpp"
#include "format.hpp"
#include "store.hpp"
#include "store_factorisation.hpp"
#include "trace.hpp"
#include "trace_text.hpp"
#include "units.hpp"
#include "zones.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ostream>

namespace ctrail::cli {

const char* const kTraceUsage =
    "usage: ctrail trace MODEL.sqlite --region CODE --sector CODE [--amount A | --yuan Y]\n"
    "                    [--stressor CODE] [--threshold T] [--top N] [--max-depth D]\n"
    "                    [--stages K] [--emitted-in CODES] [--lang en|zh] [--csv]\n"
    "                    [--ranges] [--scale R.S=F]...\n\n"
    "Traces the emissions behind A units of sector CODE's product bought by households of\n"
    "region CODE back along its supply chains (structural path analysis, exact best-first).\n"
    "The purchase is split over supplying regions like the region's own final demand for the\n"
    "sector (all categories); when the region buys none, like the whole model's.\n\n"
    "  --amount A      amount in the model's money unit (meta currency_unit; default 1)\n"
    "  --yuan Y        amount in yuan instead (converted with the currency unit)\n"
    "  --stressor CODE default: the model's first stressor\n"
    "  --threshold T   list paths worth at least T x total (default 0.001)\n"
    "  --top N         list at most N paths (default 100)\n"
    "  --max-depth D   longest path, in supplier steps (default 12)\n"
    "  --stages K      stage table: stages 0..K, then the remainder (default 12)\n"
    "  --emitted-in CODES\n"
    "                  list only the chains whose CO2 is released in these regions: a\n"
    "                  comma-separated list of region codes, group names or zones from\n"
    "                  regions.csv (coast, centre_west, northeast), e.g. SX,NM or\n"
    "                  Central,Northwest,Southwest or centre_west. The list is still exact\n"
    "                  and in descending order; --threshold stays a share of the total\n"
    "  --lang en|zh    language of names and path texts (default en)\n"
    "  --csv           one row per path: rank,value,share,depth,path with\n"
    "                  path = REGION/SECTOR <- REGION/SECTOR <- ... (the bought product first)\n"
    "  --ranges        low-high over the model's ensemble (ranges.csv) beside the intensity,\n"
    "                  the share emitted outside the region and the share emitted in the\n"
    "                  central and western provinces; with --csv two more columns low,high\n"
    "                  (empty on path rows) and, after the paths, one row for each of those\n"
    "                  three: rank = its name, value, low, high\n" CTRAIL_SCALE_HELP
    "                  (the trace reuses the model's factorisation: one transposed solve)\n\n"
    "Text output: total, share emitted outside the region, by emitting region, by stage, and\n"
    "the paths in words. Values are in the stressor's unit; --csv prints full precision.\n";

namespace {

// Four significant digits: trace values span many orders of magnitude.
std::string sig(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.4g", v);
    return buf;
}

// Up to ten significant digits without an exponent where it fits: amounts of money.
std::string plain(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}

std::string node_code(const Model& m, int node) {
    return m.regions[m.region_of_node(node)].code + "/" + m.sectors[m.sector_of_node(node)].code;
}

} // namespace

int cmd_trace(const std::vector<std::string>& argv, std::ostream& out) {
    Args args(argv,
              {"region", "sector", "amount", "yuan", "stressor", "threshold", "top", "max-depth",
               "stages", "lang", "emitted-in", "scale"},
              {"csv", "ranges"}, {"scale"});
    const std::string& path = args.positional(0, "MODEL.sqlite");
    args.expect_positionals(1);
    const auto region_code = args.option("region");
    const auto sector_code = args.option("sector");
    if (!region_code) throw UsageError("--region CODE is required");
    if (!sector_code) throw UsageError("--sector CODE is required");
    if (args.option("amount") && args.option("yuan"))
        throw UsageError("give either --amount or --yuan, not both");
    const std::string lang = args.option_or("lang", "en");
    if (lang != "en" && lang != "zh")
        throw UsageError("--lang must be en or zh, got '" + lang + "'");
    const Language language = lang == "zh" ? Language::Chinese : Language::English;

    TraceOptions options;
    options.threshold = args.number_or("threshold", options.threshold);
    options.max_paths = args.integer_or("top", options.max_paths);
    options.max_depth = args.integer_or("max-depth", options.max_depth);
    options.stages = args.integer_or("stages", options.stages);
    if (options.threshold < 0) throw UsageError("--threshold must not be negative");
    if (options.max_paths < 0) throw UsageError("--top must not be negative");
    if (options.max_depth < 0) throw UsageError("--max-depth must not be negative");
    if (options.stages < 0 || options.stages > 1000)
        throw UsageError("--stages must be between 0 and 1000");

    // The stored factorisation when the database has one: reading beats factorising.
    OpenedModel opened = open_model(path);
    const Model& m = opened.model;
    const bool ranges = args.flag("ranges");
    if (ranges) require_ranges(m);
    const std::vector<IntensityScale> scales = parse_scales(m, args);
    // The ensemble's ranges are of the model as built, not of a what-if.
    if (ranges && !scales.empty()) throw UsageError("--ranges cannot be combined with --scale");
    const int region = m.find_region(*region_code);
    if (region < 0) throw UsageError("unknown region '" + *region_code + "' (see ctrail info)");
    const int sector = m.find_sector(*sector_code);
    if (sector < 0) throw UsageError("unknown sector '" + *sector_code + "' (see ctrail info)");
    const int stressor = stressor_index(m, args.option_or("stressor", ""));
    const std::string currency = m.meta_value("currency_unit");
    const double yuan_per_unit = yuan_per_money_unit(currency);
    double amount = args.number_or("amount", 1.0);
    if (auto yuan = args.option("yuan")) {
        if (!(yuan_per_unit > 0))
            throw UsageError("--yuan: the model's currency unit '" + currency + "' is not in yuan");
        amount = args.number_or("yuan", 0) / yuan_per_unit;
    }
    if (!(amount > 0)) throw UsageError("the amount must be positive");

    const auto emitted_in = args.option("emitted-in");
    if (emitted_in) {
        try {
            options.emitted_in = resolve_regions(m, *emitted_in);
        } catch (const ModelError& e) {
            throw UsageError("--emitted-in: " + e.problem());
        }
    }

    const Eigen::MatrixXd* stored_rows = stressor < static_cast<int>(opened.stage_rows.size())
                                             ? &opened.stage_rows[stressor]
                                             : nullptr;
    const StoredRegionRows region_rows = stressor < static_cast<int>(opened.region_rows.size())
                                             ? opened.region_rows[stressor]
                                             : StoredRegionRows{};
    Tracer tracer(m, *opened.leontief, stressor, scales, options.stages, stored_rows, region_rows);
    TraceResult r = tracer.trace(region, sector, amount, options);

    // Ranges of this consumer's purchase, with the trace's own values (CO2 per yuan, shares).
    const std::string& rc = m.regions[region].code;
    const std::string& sc = m.sectors[sector].code;
    const double kg_unit = kg_per_unit(m.stressors[stressor].unit);
    double centre_west = 0;
    for (int e = 0; e < r.by_region.size(); ++e)
        if (in_centre_west(m.regions[e])) centre_west += r.by_region(e);
    struct Ranged {
        const char* quantity;
        double value;
        const Range* range;
    };
    const Ranged ranged[] = {
        {"intensity_kg_per_yuan", r.total * kg_unit / (amount * yuan_per_unit),
         find_range(m.ranges, "intensity_kg_per_yuan", rc, sc)},
        {"share_outside", r.share_elsewhere, find_range(m.ranges, "share_outside", rc, sc)},
        {"share_centre_west", r.total > 0 ? centre_west / r.total : 0,
         find_range(m.ranges, "share_centre_west", rc, sc)},
    };
    auto beside = [&](int k) {
        return ranges ? " [ensemble " + range_text(ranged[k].range, k > 0) + "]" : std::string();
    };

    if (args.flag("csv")) {
        out << "rank,value,share,depth,path" << (ranges ? ",low,high\n" : "\n");
        for (size_t p = 0; p < r.paths.size(); ++p) {
            const Path& path_ = r.paths[p];
            std::string chain;
            for (size_t t = 0; t < path_.nodes.size(); ++t)
                chain += (t ? " <- " : "") + node_code(m, path_.nodes[t]);
            out << p + 1 << ',' << shortest_number(path_.value) << ','
                << shortest_number(r.total > 0 ? path_.value / r.total : 0) << ',' << path_.depth()
                << ',' << csv_field(chain) << (ranges ? ",,\n" : "\n");
        }
        // The ranged quantities after the paths, named in the rank column (like headline's
        // "national" row): a path has no range of its own.
        if (ranges)
            for (const auto& q : ranged)
                out << q.quantity << ',' << shortest_number(q.value) << ",,,," << range_csv(q.range)
                    << '\n';
        return 0;
    }

    const Stressor& st = m.stressors[stressor];
    const std::string unit = st.unit;
    const std::string home = region_name(m.regions[region], language);
    out << "Trace: " << sector_name(m.sectors[sector], language) << " (" << m.sectors[sector].code
        << ") bought in " << home << " (" << m.regions[region].code << "), " << sig(amount) << " x "
        << (currency.empty() ? "money units" : currency);
    if (yuan_per_unit > 0) out << " = " << plain(amount * yuan_per_unit) << " yuan";
    out << "\nModel: " << m.meta_value("name") << "\n" << scale_note(args.all("scale"));
    if (r.national_mix)
        out << "Note: " << m.regions[region].code << " buys none of " << m.sectors[sector].code
            << " in the model; the national supply mix is used.\n";
    out << "\n" << st.name_en << " total:   " << sig(r.total) << ' ' << unit;
    const double kg = kg_per_unit(unit);
    if (std::isfinite(kg)) {
        out << " = " << sig(r.total * kg) << " kg";
        if (yuan_per_unit > 0)
            out << " (" << sig(r.total * kg / (amount * yuan_per_unit)) << " kg per yuan"
                << beside(0) << ")";
    }
    out << "\nEmitted outside " << home << ": " << percent(r.share_elsewhere) << " ("
        << sig(r.emitted_elsewhere) << ' ' << unit << ")" << beside(1) << "\n";
    if (ranges)
        out << "Emitted in central and western provinces: " << percent(ranged[2].value) << beside(2)
            << "\nRanges: low-high over the model's ensemble (other reasonable "
            << "assumptions, ranges.csv).\n";
    out << "\n";

    out << "By emitting region\n";
    {
        std::vector<int> order;
        for (int e = 0; e < r.by_region.size(); ++e)
            if (r.by_region(e) > 0) order.push_back(e);
        std::stable_sort(order.begin(), order.end(),
                         [&](int a, int b) { return r.by_region(a) > r.by_region(b); });
        TextTable t({"region", unit, "share"});
        for (int e : order)
            t.add({m.regions[e].code + " " + region_name(m.regions[e], language),
                   sig(r.by_region(e)), percent(r.total > 0 ? r.by_region(e) / r.total : 0)});
        t.print(out);
    }

    out << "\nBy supply-chain stage (0 = the product's own producers)\n";
    {
        TextTable t({"stage", unit, "share"});
        for (size_t k = 0; k < r.stages.size(); ++k)
            t.add({std::to_string(k), sig(r.stages[k]),
                   percent(r.total > 0 ? r.stages[k] / r.total : 0)});
        t.add({"beyond " + std::to_string(r.stages.size() - 1), sig(r.stage_remainder),
               percent(r.total > 0 ? r.stage_remainder / r.total : 0)});
        t.print(out);
    }

    if (emitted_in)
        out << "\nEmitted in " << *emitted_in << ": "
            << percent(r.total > 0 ? r.paths_total / r.total : 0) << " (" << sig(r.paths_total)
            << ' ' << unit << ")\n";
    out << "\nTop supply chains" << (emitted_in ? " ending in " + *emitted_in : std::string())
        << " (" << r.paths.size() << " listed, coverage " << percent(r.coverage) << ", unexplained "
        << sig(r.unexplained) << ' ' << unit << ", nodes visited " << r.nodes_visited
        << (r.search_complete ? "" : ", search cut short by --top/--max-depth") << ")\n";
    for (size_t p = 0; p < r.paths.size(); ++p) {
        const Path& path_ = r.paths[p];
        char head[64];
        std::snprintf(head, sizeof head, "%3zu. %6s  ", p + 1,
                      percent(r.total > 0 ? path_.value / r.total : 0).c_str());
        out << head << describe_path(m, path_.nodes, language) << '\n';
    }
    return 0;
}

} // namespace ctrail::cli
