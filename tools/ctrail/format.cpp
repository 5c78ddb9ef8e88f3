#include "format.hpp"

#include "error.hpp"
#include "intensity_scale.hpp"
#include "store.hpp"
#include "store_factorisation.hpp"

#include <cmath>
#include <cstdio>
#include <set>

namespace ctrail::cli {

std::string percent(double share) {
    return std::isnan(share) ? "-" : fixed(100 * share, 1) + "%";
}

std::string fixed(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

// Display width of UTF-8 text: CJK characters take two columns in a terminal.
static size_t width(const std::string& s) {
    size_t w = 0;
    for (size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        // Lead byte 0xE2 is U+2000-U+2FFF: punctuation such as the range dash, one column.
        w += len >= 3 && c != 0xE2 ? 2 : 1;
        i += len;
    }
    return w;
}

void TextTable::print(std::ostream& out) const {
    std::vector<size_t> w(header_.size());
    for (size_t c = 0; c < header_.size(); ++c) w[c] = width(header_[c]);
    for (const auto& r : rows_)
        for (size_t c = 0; c < r.size() && c < w.size(); ++c) w[c] = std::max(w[c], width(r[c]));
    auto line = [&](const std::vector<std::string>& r) {
        for (size_t c = 0; c < r.size() && c < w.size(); ++c) {
            std::string pad(w[c] - width(r[c]), ' ');
            if (c) out << "  ";
            out << (c == 0 ? r[c] + pad : pad + r[c]);
        }
        out << '\n';
    };
    line(header_);
    for (const auto& r : rows_) line(r);
}

int stressor_index(const Model& model, const std::string& code) {
    if (code.empty()) return 0;
    int k = model.find_stressor(code);
    if (k < 0) {
        std::string known;
        for (const auto& s : model.stressors) known += (known.empty() ? "" : ", ") + s.code;
        throw UsageError("unknown stressor '" + code + "' (this model has: " + known + ")");
    }
    return k;
}

std::vector<IntensityScale> parse_scales(const Model& model, const Args& args) {
    try {
        return resolve_scales(model, args.all("scale"));
    } catch (const ModelError& e) {
        throw UsageError("--scale: " + e.problem());
    }
}

std::string scale_note(const std::vector<std::string>& specs) {
    if (specs.empty()) return "";
    std::string list;
    for (const auto& s : specs) list += (list.empty() ? "" : ", ") + s;
    return "What if: intensities scaled by " + list + " (not the model as built).\n";
}

AccountsCommand open_accounts(const std::vector<std::string>& argv, bool with_ranges,
                              bool with_scale) {
    std::set<std::string> flags = {"csv"};
    if (with_ranges) flags.insert("ranges");
    std::set<std::string> options = {"stressor"};
    if (with_scale) options.insert("scale");
    Args args(argv, options, flags, {"scale"});
    const std::string& path = args.positional(0, "MODEL.sqlite");
    args.expect_positionals(1);
    // The stored factorisation when the database has it: reading beats factorising.
    OpenedModel opened = open_model(path);
    AccountsCommand c{std::move(opened.model), 0, args.flag("csv"), {}, args.flag("ranges"), {}};
    if (c.ranges) require_ranges(c.model);
    c.stressor = stressor_index(c.model, args.option_or("stressor", ""));
    c.scales = args.all("scale");
    if (c.scales.empty()) {
        c.accounts = compute_accounts(c.model, *opened.leontief, c.stressor);
        return c;
    }
    // The ensemble's ranges are of the model as built, not of a what-if.
    if (c.ranges) throw UsageError("--ranges cannot be combined with --scale");
    scale_emissions(c.model, parse_scales(c.model, args));
    const Leontief scaled(c.model);
    c.accounts = compute_accounts(c.model, scaled, c.stressor);
    return c;
}

void require_ranges(const Model& model) {
    if (model.ranges.empty())
        throw UsageError("--ranges: this model has no ensemble ranges (its bundle has no "
                         "ranges.csv; tools/model-pipeline/build_model.py --ensemble writes it, "
                         "then ctrail build stores it)");
}

std::string range_text(const Range* range, bool share) {
    if (!range) return "-";
    if (share) return fixed(100 * range->low, 1) + "\u2013" + fixed(100 * range->high, 1) + "%";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.4g\u2013%.4g", range->low, range->high);
    return buf;
}

std::string range_csv(const Range* range) {
    return range ? shortest_number(range->low) + "," + shortest_number(range->high) : ",";
}

} // namespace ctrail::cli
