// RFC 4180 CSV reading with line numbers, for the bundle reader's precise error messages, and
// the two helpers every CSV writer uses (bundle export, ctrail --csv). CsvStream reads a file
// record by record with views into its text (the long-format matrix tables have millions of
// rows: no string per cell); CsvTable keeps a small file's rows.
#pragma once

#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ctrail {

struct CsvText; // a file's text, mapped or owned (csv.cpp)

struct CsvRow {
    int line = 0; // 1-based line where the record starts
    std::vector<std::string> cells;
};

// A field, quoted (RFC 4180) only when it holds a comma, quote or line break.
std::string csv_field(const std::string& s);
// Shortest text that reads back (strtod) as the same double: full precision, no noise digits.
std::string shortest_number(double v);
// Parses a finite number; the error names file, line, column and the offending text.
double parse_number(std::string_view text, const std::string& file, int line,
                    const std::string& column);

// A CSV text with a header row, read one record at a time. Cells are views into the text (or
// into the record's own buffer for a quoted cell with doubled quotes), valid until next().
class CsvStream {
  public:
    // Reads a whole file; throws ModelError(file, line, ...) on unreadable or malformed input.
    static CsvStream open(const std::string& path);
    // `name` is used in error messages. Reads the header row.
    CsvStream(std::string text, std::string name);
    // A stream at the first data record of the same text (a second pass, or a look back).
    CsvStream restart() const;
    // The data records from the start as `parts` streams over consecutive pieces of the text,
    // each with its own line numbers, for parallel reading; just {restart()} when the text has
    // a quote or a carriage return (a record may then span lines) or is too small to share.
    std::vector<CsvStream> split(int parts) const;

    // The next data record (blank lines skipped); false at the end. Throws ModelError naming
    // the file and line when it is malformed or has the wrong number of fields.
    bool next();
    int line() const { return line_; } // where the current record starts
    std::string_view cell(int column) const { return cells_[static_cast<size_t>(column)]; }
    double number(int column) const;
    double progress() const; // fraction of the text read so far, 0..1

    const std::string& name() const { return *name_; }
    const std::vector<std::string>& header() const { return *header_; }
    // Column index by header name; throws ModelError naming the file when required and absent.
    int column(const std::string& header, bool required = true) const;
    // Checks that every listed column exists (error names the first missing one).
    void require(const std::vector<std::string>& headers) const;

  private:
    CsvStream() = default;
    CsvStream(std::shared_ptr<const CsvText> text, std::string name);
    bool read_record(); // any record, blank or not, into cells_; false at the end

    std::shared_ptr<const CsvText> text_;
    std::shared_ptr<const std::string> name_;
    std::shared_ptr<const std::vector<std::string>> header_;
    std::shared_ptr<const std::unordered_map<std::string, int>> index_;
    size_t pos_ = 0;
    size_t body_ = 0;                     // where the first data record starts
    size_t end_ = std::string_view::npos; // where this stream's text ends (split())
    int line_ = 0, next_line_ = 1, body_line_ = 1;
    std::vector<std::string_view> cells_;
    std::deque<std::string> unescaped_; // quoted cells with doubled quotes, this record only
};

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
    static CsvTable from(CsvStream stream);

    std::string name_;
    std::vector<std::string> header_;
    std::unordered_map<std::string, int> index_;
    std::vector<CsvRow> rows_;
};

} // namespace ctrail
