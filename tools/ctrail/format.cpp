#include "format.hpp"

#include "args.hpp"
#include "store.hpp"
#include "store_factorisation.hpp"

#include <cstdio>

namespace ctrail::cli {

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
        w += len >= 3 ? 2 : 1;
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

AccountsCommand open_accounts(const std::vector<std::string>& argv) {
    Args args(argv, {"stressor"}, {"csv"});
    const std::string& path = args.positional(0, "MODEL.sqlite");
    args.expect_positionals(1);
    // The stored factorisation when the database has it: reading beats factorising.
    OpenedModel opened = open_model(path);
    AccountsCommand c{std::move(opened.model), 0, args.flag("csv"), {}};
    c.stressor = stressor_index(c.model, args.option_or("stressor", ""));
    c.accounts = compute_accounts(c.model, *opened.leontief, c.stressor);
    return c;
}

} // namespace ctrail::cli
