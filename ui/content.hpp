// The curator-editable content tables in assets/content/ (products.tsv, equivalents.tsv):
// product cards mapped to model sectors with a typical price, and everyday comparisons with
// their sources. Tab-separated, UTF-8, `#` comments, a header row naming the columns (in any
// order). Every problem is reported as "file:line: problem" and nothing is half-loaded.
#pragma once

#include <file_error.hpp>

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace ctrail::ui {

class ContentError : public FileError {
  public:
    using FileError::FileError;
};

struct Product {
    std::string id;                 // "car"
    std::string icon;               // icon name (icons.hpp)
    std::string sector;             // model sector code
    double price_yuan = 0;          // typical price, yuan
    std::string name_en, name_zh;   // card title
    std::string short_en, short_zh; // inside sentences ("car" / "汽车")
    std::string equivalent;         // id in equivalents.tsv
    int line = 0;                   // its row in products.tsv (curators' error messages)
};

struct Equivalent {
    std::string id;
    double kg_co2_per_unit = 0;
    std::string unit;                 // "km"
    std::string text_en, text_zh;     // with {n}
    std::string source_en, source_zh; // shown on the About screen
    int line = 0;                     // its row in equivalents.tsv
};

struct Content {
    std::string products_file, equivalents_file; // where the tables were read (for errors)
    std::vector<Product> products;
    std::vector<Equivalent> equivalents;
    const Product* find_product(const std::string& id) const;
    const Equivalent* find_equivalent(const std::string& id) const;
};

// One row of a content table: its line in the file and its cells by column name.
struct ContentRow {
    int line = 0;
    std::map<std::string, std::string> cells;
};
// The rows of a table (`name` in errors) with the `required` columns, none empty; extra columns
// are allowed (curator notes). Throws ContentError naming file, line and problem.
std::vector<ContentRow> read_content_table(const std::string& text, const std::string& name,
                                           const std::vector<std::string>& required);
// A content file's text (at most 1 MB); ContentError when it cannot be read.
std::string read_content_file(const std::string& path);

// Loads dir/products.tsv and dir/equivalents.tsv. Throws ContentError on: a missing file or
// column, a bad number, a duplicate id, an equivalent a product names but the table lacks, a
// text without {n}, fewer than 1 or more than 8 products.
Content load_content(const std::string& dir);
// The two tables from wherever they are (a curator's override may replace just one).
Content load_content_files(const std::string& products_path, const std::string& equivalents_path);
// Same from text (names used in errors).
Content parse_content(const std::string& products_text, const std::string& products_name,
                      const std::string& equivalents_text, const std::string& equivalents_name);

} // namespace ctrail::ui
