// Output helpers shared by ctrail's commands: full-precision CSV numbers, aligned text tables,
// and opening a model database with the derived quantities.
#pragma once

#include "accounts.hpp"
#include "args.hpp"
#include "csv.hpp" // csv_field, shortest_number for --csv output

#include <ostream>
#include <string>
#include <vector>

namespace ctrail::cli {

// Fixed-point with `decimals` digits (text tables).
std::string fixed(double v, int decimals);
// A share as "57.0%" (one decimal); "-" for NaN (no value).
std::string percent(double share);

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
// [--stressor CODE] [--csv]` parsed, the model opened and its accounts computed. With
// `with_scale`, repeatable `--scale REGION.SECTOR=FACTOR` (intensity_scale.hpp): the accounts
// are those of the model with scaled intensities (factorised afresh).
struct AccountsCommand {
    Model model;
    int stressor = 0;
    bool csv = false;
    Accounts accounts;
    bool ranges = false;             // --ranges (only where with_ranges was passed)
    std::vector<std::string> scales; // the --scale specs as given (only with with_scale)
};
AccountsCommand open_accounts(const std::vector<std::string>& argv, bool with_ranges = false,
                              bool with_scale = false);

// The --scale help lines shared by trace, headline and accounts (a literal, so that the usage
// texts can append it).
#define CTRAIL_SCALE_HELP                                                                          \
    "  --scale REGION.SECTOR=FACTOR\n"                                                             \
    "                  what if: multiply the emissions per unit of output of SECTOR in REGION\n"   \
    "                  by FACTOR (a number >= 0). REGION: a region code, a group (e.g.\n"          \
    "                  Northwest) or a zone (coast, centre_west, northeast); SECTOR: a\n"          \
    "                  sector code or * (every sector).\n"                                         \
    "                  Repeatable; scales of the same sector multiply. E.g.\n"                     \
    "                  --scale centre_west.POWER=0.75 --scale centre_west.METAL=0.5\n"

// The --scale specs of `args` resolved against `model` (UsageError naming the bad token).
std::vector<IntensityScale> parse_scales(const Model& model, const Args& args);
// "What if: intensities scaled by SPEC, SPEC (not the model as built).\n", or "" without any.
std::string scale_note(const std::vector<std::string>& specs);

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
