// Tiny argument parser for ctrail's commands: positionals, `--name value` options, `--flag`s.
// Unknown options are usage errors (exit 2), so a typo never silently changes a result; for the
// same reason an option given twice is an error unless it is declared repeatable.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace ctrail::cli {

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Args {
  public:
    // `options` take a value, `flags` do not; `repeatable` options (also listed in `options`)
    // keep every occurrence. Throws UsageError on anything else.
    Args(const std::vector<std::string>& argv, const std::set<std::string>& options,
         const std::set<std::string>& flags, const std::set<std::string>& repeatable = {});

    bool help() const { return help_; }
    const std::vector<std::string>& positionals() const { return positionals_; }
    // The n-th positional; throws UsageError naming `what` when missing.
    const std::string& positional(size_t n, const char* what) const;
    void expect_positionals(size_t count) const;

    bool flag(const std::string& name) const { return flags_.count(name) != 0; }
    // The value of a single option (the last one of a repeatable option).
    std::optional<std::string> option(const std::string& name) const;
    // Every value of an option, in command-line order (empty when not given).
    std::vector<std::string> all(const std::string& name) const;
    std::string option_or(const std::string& name, const std::string& fallback) const;
    double number_or(const std::string& name, double fallback) const;
    int integer_or(const std::string& name, int fallback) const;

  private:
    bool help_ = false;
    std::vector<std::string> positionals_;
    std::map<std::string, std::vector<std::string>> options_;
    std::set<std::string> flags_;
};

} // namespace ctrail::cli
