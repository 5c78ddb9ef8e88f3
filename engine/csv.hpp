// RFC 4180 CSV reading with line numbers, for the bundle reader's precise error messages, and
// the two helpers every CSV writer uses (bundle export, ctrail --csv).
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

namespace ctrail {

struct CsvRow {
    int line = 0; // 1-based line where the record starts
    std::vector<std::string> cells;
};

// A field, quoted (RFC 4180) only when it holds a comma, quote or line break.
std::string csv_field(const std::string& s);
// Shortest text that reads back (strtod) as the same double: full precision, no noise digits.
std::string shortest_number(double v);

class CsvTable {
  public:
    // Reads a whole file; throws ModelError(file, line, ...) on unreadable or malformed input.
    static CsvTable read(const std::string& path);
    // Parses text; `name` is used in error messages.
    static CsvTable parse(const std::string& text, const std::string& name);

    const std::string& name() const { return name_; }
    const std::vector<std::string>& header() const { return header_; }
    const std::vector<CsvRow>& rows() const { return rows_; }
    // Column index by header name; throws ModelError naming the file when required and absent.
    int column(const std::string& header, bool required = true) const;
    // Checks that every listed column exists (error names the first missing one).
    void require(const std::vector<std::string>& headers) const;

    const std::string& cell(const CsvRow& row, int column) const;
    // Parses a finite number; error names file, line, column and the offending text.
    double number(const CsvRow& row, int column) const;

  private:
    std::string name_;
    std::vector<std::string> header_;
    std::unordered_map<std::string, int> index_;
    std::vector<CsvRow> rows_;
};

} // namespace ctrail
