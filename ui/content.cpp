#include "content.hpp"
#include <small_file.hpp>

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace ctrail::ui {

namespace {
using Row = ContentRow;

std::vector<std::string> split_tabs(const std::string& s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        std::size_t tab = s.find('\t', start);
        out.push_back(s.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
        if (tab == std::string::npos) break;
        start = tab + 1;
    }
    return out;
}

} // namespace

std::vector<ContentRow> read_content_table(const std::string& text, const std::string& name,
                                           const std::vector<std::string>& required) {
    std::istringstream in(text);
    std::string line;
    int n = 0;
    std::vector<std::string> header;
    int header_line = 0;
    std::vector<Row> rows;
    while (std::getline(in, line)) {
        ++n;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (n == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3); // UTF-8 BOM
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> cells = split_tabs(line);
        if (header.empty()) {
            header = cells;
            header_line = n;
            std::set<std::string> seen;
            for (const auto& h : header)
                if (!seen.insert(h).second)
                    throw ContentError(name, n, "column '" + h + "' appears twice in the header");
            for (const auto& r : required)
                if (!seen.count(r))
                    throw ContentError(name, n, "the header lacks the column '" + r + "'");
            continue;
        }
        if (cells.size() != header.size())
            throw ContentError(name, n,
                               "expected " + std::to_string(header.size()) +
                                   " tab-separated cells (as in the header on line " +
                                   std::to_string(header_line) + "), found " +
                                   std::to_string(cells.size()));
        Row row{n, {}};
        for (std::size_t i = 0; i < cells.size(); ++i) row.cells[header[i]] = cells[i];
        for (const auto& r : required)
            if (row.cells[r].empty()) throw ContentError(name, n, "the cell '" + r + "' is empty");
        rows.push_back(std::move(row));
    }
    if (header.empty()) throw ContentError(name, 0, "no header row (the file is empty)");
    return rows;
}

namespace {
const auto read_table = read_content_table;

double positive_number(const Row& row, const std::string& column, const std::string& name) {
    const std::string& s = row.cells.at(column);
    char* end = nullptr;
    errno = 0;
    double v = std::strtod(s.c_str(), &end);
    if (end == s.c_str() || *end != '\0' || errno != 0 || !std::isfinite(v))
        throw ContentError(name, row.line, column + ": '" + s + "' is not a number");
    if (v <= 0) throw ContentError(name, row.line, column + ": " + s + " must be above zero");
    return v;
}

} // namespace

std::string read_content_file(const std::string& path) {
    // 1 MB: the shipped tables are 4 kB each.
    return read_small_file<ContentError>(path, 1 << 20, "file");
}

const Product* Content::find_product(const std::string& id) const {
    for (const auto& p : products)
        if (p.id == id) return &p;
    return nullptr;
}

const Equivalent* Content::find_equivalent(const std::string& id) const {
    for (const auto& e : equivalents)
        if (e.id == id) return &e;
    return nullptr;
}

Content parse_content(const std::string& products_text, const std::string& products_name,
                      const std::string& equivalents_text, const std::string& equivalents_name) {
    Content c;
    c.products_file = products_name;
    c.equivalents_file = equivalents_name;
    std::map<std::string, int> equivalent_lines;
    for (const Row& r : read_table(
             equivalents_text, equivalents_name,
             {"id", "kg_co2_per_unit", "unit", "text_en", "text_zh", "source_en", "source_zh"})) {
        Equivalent e;
        e.id = r.cells.at("id");
        e.line = r.line;
        if (equivalent_lines.count(e.id))
            throw ContentError(equivalents_name, r.line,
                               "id '" + e.id + "' already used on line " +
                                   std::to_string(equivalent_lines[e.id]));
        equivalent_lines[e.id] = r.line;
        e.kg_co2_per_unit = positive_number(r, "kg_co2_per_unit", equivalents_name);
        e.unit = r.cells.at("unit");
        e.text_en = r.cells.at("text_en");
        e.text_zh = r.cells.at("text_zh");
        e.source_en = r.cells.at("source_en");
        e.source_zh = r.cells.at("source_zh");
        for (const std::string* t : {&e.text_en, &e.text_zh})
            if (t->find("{n}") == std::string::npos)
                throw ContentError(equivalents_name, r.line,
                                   "the text '" + *t +
                                       "' lacks the placeholder {n} for the number");
        c.equivalents.push_back(std::move(e));
    }
    std::map<std::string, int> product_lines;
    int last_line = 0;
    for (const Row& r : read_table(products_text, products_name,
                                   {"id", "icon", "sector", "price_yuan", "name_en", "name_zh",
                                    "short_en", "short_zh", "equivalent"})) {
        Product p;
        p.id = r.cells.at("id");
        p.line = r.line;
        if (product_lines.count(p.id))
            throw ContentError(products_name, r.line,
                               "id '" + p.id + "' already used on line " +
                                   std::to_string(product_lines[p.id]));
        product_lines[p.id] = r.line;
        p.icon = r.cells.at("icon");
        p.sector = r.cells.at("sector");
        p.price_yuan = positive_number(r, "price_yuan", products_name);
        p.name_en = r.cells.at("name_en");
        p.name_zh = r.cells.at("name_zh");
        p.short_en = r.cells.at("short_en");
        p.short_zh = r.cells.at("short_zh");
        p.equivalent = r.cells.at("equivalent");
        if (!equivalent_lines.count(p.equivalent))
            throw ContentError(products_name, r.line,
                               "equivalent '" + p.equivalent + "' is not an id in " +
                                   equivalents_name);
        c.products.push_back(std::move(p));
        last_line = r.line;
    }
    if (c.products.empty()) throw ContentError(products_name, 0, "no products: add 6 to 8 rows");
    if (c.products.size() > 8)
        throw ContentError(products_name, last_line,
                           std::to_string(c.products.size()) +
                               " products: the screen has room for 8 at most");
    return c;
}

Content load_content(const std::string& dir) {
    return load_content_files(dir + "/products.tsv", dir + "/equivalents.tsv");
}

Content load_content_files(const std::string& p, const std::string& e) {
    return parse_content(read_content_file(p), p, read_content_file(e), e);
}

} // namespace ctrail::ui
