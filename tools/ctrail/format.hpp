// Output helpers shared by ctrail's commands: full-precision CSV numbers, aligned text tables,
// and opening a model database with the derived quantities.
#pragma once

#include "accounts.hpp"
#include "csv.hpp" // csv_field, shortest_number for --csv output

#include <ostream>
#include <string>
#include <vector>

namespace ctrail::cli {

// Fixed-point with `decimals` digits (text tables).
std::string fixed(double v, int decimals);

class TextTable {
  public:
    explicit TextTable(std::vector<std::string> header) : header_(std::move(header)) {}
    void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
    // First column left-aligned, the rest right-aligned (numbers).
    void print(std::ostream& out) const;

  private:
    std::vector<std::string> header_;
    std::vector<std::vector<std::string>> rows_;
};

// What the account-style commands (accounts, transfers, headline) share: `MODEL.sqlite
// [--stressor CODE] [--csv]` parsed, the model opened and its accounts computed.
struct AccountsCommand {
    Model model;
    int stressor = 0;
    bool csv = false;
    Accounts accounts;
    bool ranges = false; // --ranges (only where with_ranges was passed)
};
AccountsCommand open_accounts(const std::vector<std::string>& argv, bool with_ranges = false);

// --ranges: the model's ensemble ranges; UsageError naming `ctrail build` and the pipeline when
// the model has none.
void require_ranges(const Model& model);
// "54.0–60.0%" (shares) or "0.123–0.150" (4 significant digits); "-" for none.
std::string range_text(const Range* range, bool share);
// Two CSV cells "low,high" (empty cells for none).
std::string range_csv(const Range* range);

// The stressor index for --stressor (default: the model's first stressor); UsageError if unknown.
int stressor_index(const Model& model, const std::string& code);

} // namespace ctrail::cli
