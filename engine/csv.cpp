#include "csv.hpp"

#include "error.hpp"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace ctrail {

std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

std::string shortest_number(double v) {
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

CsvTable CsvTable::read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ModelError(path, 0, "cannot open file");
    std::stringstream ss;
    ss << in.rdbuf();
    return parse(ss.str(), path);
}

CsvTable CsvTable::parse(const std::string& text, const std::string& name) {
    CsvTable t;
    t.name_ = name;
    size_t i = 0;
    if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) i = 3; // UTF-8 byte-order mark
    int line = 1;
    std::vector<CsvRow> records;
    while (i < text.size()) {
        CsvRow row;
        row.line = line;
        std::string cell;
        bool end_of_record = false;
        while (!end_of_record) {
            cell.clear();
            if (i < text.size() && text[i] == '"') {
                ++i;
                for (;;) {
                    if (i >= text.size())
                        throw ModelError(name, row.line, "unterminated quoted field");
                    char c = text[i++];
                    if (c == '"') {
                        if (i < text.size() && text[i] == '"') {
                            cell += '"';
                            ++i;
                        } else {
                            break;
                        }
                    } else {
                        if (c == '\n') ++line;
                        cell += c;
                    }
                }
                if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r')
                    throw ModelError(name, line, "unexpected character after a quoted field");
            } else {
                const size_t start = i;
                while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
                    if (text[i] == '"')
                        throw ModelError(name, line, "quote inside an unquoted field");
                    ++i;
                }
                cell.assign(text, start, i - start);
            }
            row.cells.push_back(std::move(cell));
            if (i >= text.size()) {
                end_of_record = true;
            } else if (text[i] == ',') {
                ++i;
            } else {
                if (text[i] == '\r') ++i;
                if (i < text.size() && text[i] == '\n') ++i;
                ++line;
                end_of_record = true;
            }
        }
        bool blank = row.cells.size() == 1 && row.cells[0].empty();
        if (!blank) records.push_back(std::move(row));
    }
    if (records.empty()) throw ModelError(name, 1, "file is empty: a header row is required");
    t.header_ = records.front().cells;
    for (size_t c = 0; c < t.header_.size(); ++c) {
        if (!t.index_.emplace(t.header_[c], static_cast<int>(c)).second)
            throw ModelError(name, records.front().line, "duplicate column '" + t.header_[c] + "'");
    }
    for (size_t r = 1; r < records.size(); ++r) {
        if (records[r].cells.size() != t.header_.size())
            throw ModelError(name, records[r].line,
                             "expected " + std::to_string(t.header_.size()) + " fields, found " +
                                 std::to_string(records[r].cells.size()));
        t.rows_.push_back(std::move(records[r]));
    }
    return t;
}

int CsvTable::column(const std::string& header, bool required) const {
    auto it = index_.find(header);
    if (it != index_.end()) return it->second;
    if (required) throw ModelError(name_, 1, "missing column '" + header + "'");
    return -1;
}

void CsvTable::require(const std::vector<std::string>& headers) const {
    for (const auto& h : headers) column(h);
}

const std::string& CsvTable::cell(const CsvRow& row, int column) const {
    return row.cells.at(static_cast<size_t>(column));
}

double CsvTable::number(const CsvRow& row, int column) const {
    const std::string& s = cell(row, column);
    const std::string& col = header_[static_cast<size_t>(column)];
    if (s.empty()) throw ModelError(name_, row.line, "empty value in column '" + col + "'");
    // from_chars is the fast path (a 100 x 40 bundle has 16 million numbers); strtod keeps
    // accepting what it always did (a leading '+' or blank, hexadecimal floats).
    double v = 0;
    const char* const last = s.data() + s.size();
    auto [ptr, ec] = std::from_chars(s.data(), last, v);
    const char* end = ptr;
    if (ec != std::errc() || ptr != last) {
        char* e = nullptr;
        errno = 0;
        v = std::strtod(s.c_str(), &e);
        end = e;
    }
    if (end != last)
        throw ModelError(name_, row.line, "'" + s + "' in column '" + col + "' is not a number");
    if (!std::isfinite(v))
        throw ModelError(name_, row.line,
                         "value '" + s + "' in column '" + col + "' is not finite");
    return v;
}

} // namespace ctrail
