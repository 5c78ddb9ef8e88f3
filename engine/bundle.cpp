#include "bundle.hpp"

#include "csv.hpp"
#include "error.hpp"
#include "validate.hpp"
#include "zones.hpp"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <future>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>

namespace ctrail {
namespace {

namespace fs = std::filesystem;

std::string path_of(const std::string& dir, const char* file) {
    return (fs::path(dir) / file).string();
}

bool parse_bool(const CsvTable& t, const CsvRow& row, int col) {
    if (col < 0) return false;
    const std::string& s = t.cell(row, col);
    if (s.empty() || s == "false" || s == "0" || s == "no") return false;
    if (s == "true" || s == "1" || s == "yes") return true;
    throw ModelError(t.name(), row.line,
                     "'" + s + "' in column '" + t.header()[col] + "' is not true/false");
}

std::optional<double> optional_number(const CsvTable& t, const CsvRow& row, int col) {
    if (col < 0 || t.cell(row, col).empty()) return std::nullopt;
    return t.number(row, col);
}

// Reads a label table; codes must be unique and non-empty.
template <class Item, class Fill>
std::vector<Item> read_labels(const std::string& path, const std::vector<std::string>& required,
                              Fill fill) {
    CsvTable t = CsvTable::read(path);
    t.require(required);
    int code = t.column("code");
    std::vector<Item> items;
    std::map<std::string, int> seen;
    for (const auto& row : t.rows()) {
        const std::string& c = t.cell(row, code);
        if (c.empty()) throw ModelError(t.name(), row.line, "empty code");
        if (auto [it, fresh] = seen.emplace(c, row.line); !fresh)
            throw ModelError(t.name(), row.line,
                             "duplicate code '" + c + "' (first on line " +
                                 std::to_string(it->second) + ")");
        Item item;
        item.code = c;
        fill(t, row, item);
        items.push_back(std::move(item));
    }
    if (items.empty()) throw ModelError(t.name(), 0, "no rows");
    return items;
}

// Looks up a label, with an error naming the file, line and the unknown code.
int lookup(const CsvStream& t, int col, const char* what, int found) {
    if (found < 0)
        throw ModelError(t.name(), t.line(),
                         std::string("unknown ") + what + " '" + std::string(t.cell(col)) + "'");
    return found;
}

// Codes to indices for the long-format tables: hashed (looked up by the cell's view, no
// string made), since a big bundle looks up four codes on each of millions of rows.
struct Codes {
    struct Hash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    using Map = std::unordered_map<std::string, int, Hash, std::equal_to<>>;
    Map region, sector, stressor;
    std::vector<std::string> regions, sectors, stressors; // by index
    explicit Codes(const Model& m) {
        for (size_t i = 0; i < m.regions.size(); ++i) region.emplace(m.regions[i].code, i);
        for (size_t i = 0; i < m.sectors.size(); ++i) sector.emplace(m.sectors[i].code, i);
        for (size_t i = 0; i < m.stressors.size(); ++i) stressor.emplace(m.stressors[i].code, i);
        for (const auto& r : m.regions) regions.push_back(r.code);
        for (const auto& k : m.sectors) sectors.push_back(k.code);
        for (const auto& s : m.stressors) stressors.push_back(s.code);
    }
    static int find(const Map& map, std::string_view code) {
        auto it = map.find(code);
        return it == map.end() ? -1 : it->second;
    }
};

// Fills `m` from every record of a long-format table, streamed: key(t) gives the cell,
// duplicates and (when `nonneg`) negative values are rejected with the file and line. `seen`
// (m.size() flags) marks the cells filled. Cells are stored relaxed-atomically: two halves of
// one table may be read at once (fill_in_halves), and a cell listed in both is then a race.
template <class Key>
void fill_marking(CsvStream t, Eigen::MatrixXd& m, int value_col, bool nonneg, Key key,
                  const BundleProgress& progress, std::vector<bool>& seen) {
    const std::string step = "reading " + fs::path(t.name()).filename().string();
    // Progress by the share of the text read, every 64 Ki records.
    for (size_t i = 0; t.next(); ++i) {
        if (progress && i % 65536 == 0) progress(step, t.progress());
        const auto [r, c] = key(t);
        const double v = t.number(value_col);
        if (nonneg && v < 0)
            throw ModelError(t.name(), t.line(),
                             "negative value " + std::string(t.cell(value_col)));
        const size_t k = static_cast<size_t>(r) + static_cast<size_t>(c) * m.rows();
        if (seen[k]) {
            // Rare: find the first line of this cell again instead of storing every line.
            for (CsvStream first = t.restart(); first.next();)
                if (key(first) == std::make_pair(r, c))
                    throw ModelError(t.name(), t.line(),
                                     "duplicate entry (first on line " +
                                         std::to_string(first.line()) + ")");
        }
        seen[k] = true;
        std::atomic_ref<double>(m(r, c)).store(v, std::memory_order_relaxed);
    }
}

template <class Key>
void fill(CsvStream t, Eigen::MatrixXd& m, int value_col, bool nonneg, Key key,
          const BundleProgress& progress) {
    std::vector<bool> seen(static_cast<size_t>(m.size()), false);
    fill_marking(std::move(t), m, value_col, nonneg, std::move(key), progress, seen);
}

// fill() of a large table in two halves on two threads (Z.csv of a 31 x 42 bundle is 29 MB):
// make_key() gives each half its own key. A problem in either half, or a cell listed in both,
// reads the table again in one pass, so the error is exactly the one a single pass reports.
template <class MakeKey>
void fill_in_halves(CsvStream t, Eigen::MatrixXd& m, int value_col, bool nonneg, MakeKey make_key,
                    const BundleProgress& progress) {
    std::vector<CsvStream> halves = t.split(2);
    if (halves.size() != 2) return fill(std::move(t), m, value_col, nonneg, make_key(), progress);
    std::vector<bool> seen_first(static_cast<size_t>(m.size()), false), seen_second = seen_first;
    auto second = std::async(std::launch::async, [&] {
        fill_marking(halves[1], m, value_col, nonneg, make_key(), {}, seen_second);
    });
    bool clean = true;
    try {
        fill_marking(halves[0], m, value_col, nonneg, make_key(), progress, seen_first);
    } catch (const ModelError&) {
        clean = false;
    }
    try {
        second.get();
    } catch (const ModelError&) {
        clean = false;
    }
    for (size_t k = 0; clean && k < seen_first.size(); ++k)
        clean = !(seen_first[k] && seen_second[k]);
    if (clean) return;
    m.setZero();
    fill(t.restart(), m, value_col, nonneg, make_key(), progress);
}

// One table's code lookups: each column remembers its last code, since a long-format table
// lists one region's (and sector's) rows together: most lookups repeat the previous one, and
// most others are the next code in label order (the innermost column counts up).
class CellCodes {
  public:
    CellCodes(const Codes& codes, const CsvStream& t) : codes_(codes), last_(t.header().size()) {}
    int region(const CsvStream& t, int col) {
        return get(t, col, "region", codes_.region, codes_.regions);
    }
    int sector(const CsvStream& t, int col) {
        return get(t, col, "sector", codes_.sector, codes_.sectors);
    }
    int stressor(const CsvStream& t, int col) {
        return get(t, col, "stressor", codes_.stressor, codes_.stressors);
    }

  private:
    struct Last {
        std::string code;
        int index = -1;
    };
    int get(const CsvStream& t, int col, const char* what, const Codes::Map& map,
            const std::vector<std::string>& by_index) {
        Last& last = last_[static_cast<size_t>(col)];
        const std::string_view code = t.cell(col);
        if (last.index >= 0 && code == last.code) return last.index;
        const auto next = static_cast<size_t>(last.index + 1);
        if (next < by_index.size() && code == by_index[next])
            last.index = static_cast<int>(next);
        else
            last.index = lookup(t, col, what, Codes::find(map, code));
        last.code.assign(code);
        return last.index;
    }
    const Codes& codes_;
    std::vector<Last> last_;
};

int domestic_node(const Model& m, CellCodes& codes, const CsvStream& t, int region_col,
                  int sector_col) {
    int r = codes.region(t, region_col);
    int s = codes.sector(t, sector_col);
    int n = m.node(r, s);
    if (n < 0)
        throw ModelError(t.name(), t.line(),
                         "region '" + m.regions[r].code + "' is external: it has no production");
    return n;
}

} // namespace

Model read_bundle(const std::string& dir, const BundleProgress& progress) {
    if (!fs::is_directory(dir)) throw ModelError(dir, 0, "not a folder (expected a CSV bundle)");
    Model m;

    {
        CsvTable t = CsvTable::read(path_of(dir, "meta.csv"));
        t.require({"key", "value"});
        int k = t.column("key"), v = t.column("value");
        std::set<std::string> seen;
        for (const auto& row : t.rows()) {
            if (!seen.insert(t.cell(row, k)).second)
                throw ModelError(t.name(), row.line, "duplicate key '" + t.cell(row, k) + "'");
            m.meta.emplace_back(t.cell(row, k), t.cell(row, v));
        }
        for (const char* key : {"name", "currency_unit"})
            if (m.meta_value(key).empty())
                throw ModelError(t.name(), 0, std::string("missing key '") + key + "'");
    }

    m.regions = read_labels<Region>(
        path_of(dir, "regions.csv"), {"code", "name_en"},
        [](const CsvTable& t, const CsvRow& row, Region& r) {
            r.name_en = t.cell(row, t.column("name_en"));
            if (int c = t.column("name_zh", false); c >= 0) r.name_zh = t.cell(row, c);
            if (int c = t.column("group", false); c >= 0) r.group = t.cell(row, c);
            if (int c = t.column("kind", false); c >= 0) {
                const std::string& k = t.cell(row, c);
                if (k == "external")
                    r.kind = RegionKind::External;
                else if (k.empty() || k == "domestic")
                    r.kind = RegionKind::Domestic;
                else
                    throw ModelError(t.name(), row.line,
                                     "kind '" + k + "' is neither domestic nor external");
            }
            r.coastal = parse_bool(t, row, t.column("coastal", false));
            if (int c = t.column("zone", false); c >= 0) {
                r.zone = t.cell(row, c);
                if (!r.zone.empty() && !is_zone(r.zone))
                    throw ModelError(t.name(), row.line,
                                     "zone '" + r.zone + "' is not one of " + zone_list());
                if (!r.zone.empty() && r.kind == RegionKind::External)
                    throw ModelError(t.name(), row.line,
                                     "external region '" + r.code + "' cannot have a zone");
            }
            r.lat = optional_number(t, row, t.column("lat", false));
            r.lon = optional_number(t, row, t.column("lon", false));
        });
    m.sectors = read_labels<Sector>(path_of(dir, "sectors.csv"), {"code", "name_en"},
                                    [](const CsvTable& t, const CsvRow& row, Sector& s) {
                                        s.name_en = t.cell(row, t.column("name_en"));
                                        if (int c = t.column("name_zh", false); c >= 0)
                                            s.name_zh = t.cell(row, c);
                                    });
    m.stressors = read_labels<Stressor>(path_of(dir, "stressors.csv"), {"code", "name_en", "unit"},
                                        [](const CsvTable& t, const CsvRow& row, Stressor& s) {
                                            s.name_en = t.cell(row, t.column("name_en"));
                                            s.unit = t.cell(row, t.column("unit"));
                                        });
    m.index();
    if (m.domestic_count() == 0)
        throw ModelError(path_of(dir, "regions.csv"), 0, "no domestic region");

    const int n = m.node_count();
    const int nr = static_cast<int>(m.regions.size());
    const int ns = static_cast<int>(m.stressors.size());

    CsvStream ty = CsvStream::open(path_of(dir, "Y.csv"));
    ty.require({"from_region", "from_sector", "to_region", "category", "value"});
    std::optional<CsvStream> tfy;
    if (fs::exists(path_of(dir, "FY.csv"))) {
        tfy = CsvStream::open(path_of(dir, "FY.csv"));
        tfy->require({"region", "category", "stressor", "value"});
    }
    // Categories in first-seen order: Y first, then FY.
    auto add_category = [&m](std::string_view c) {
        for (const auto& k : m.categories)
            if (k == c) return;
        m.categories.emplace_back(c);
    };
    {
        const int c = ty.column("category");
        for (CsvStream t = ty.restart(); t.next();) {
            if (t.cell(c).empty()) throw ModelError(t.name(), t.line(), "empty category");
            add_category(t.cell(c));
        }
    }
    if (tfy) {
        const int c = tfy->column("category");
        for (CsvStream t = tfy->restart(); t.next();) add_category(t.cell(c));
    }
    if (m.categories.empty()) throw ModelError(ty.name(), 0, "no final demand");
    auto category_of = [&m](std::string_view c) {
        for (size_t i = 0; i < m.categories.size(); ++i)
            if (m.categories[i] == c) return static_cast<int>(i);
        return -1;
    };
    const int ny = nr * m.category_count();

    const Codes all_codes(m);
    {
        if (progress) progress("reading Z.csv", 0);
        CsvStream t = CsvStream::open(path_of(dir, "Z.csv"));
        t.require({"from_region", "from_sector", "to_region", "to_sector", "value"});
        int fr = t.column("from_region"), fs_ = t.column("from_sector"), tr = t.column("to_region"),
            ts = t.column("to_sector"), v = t.column("value");
        m.Z = Eigen::MatrixXd::Zero(n, n);
        const CsvStream header = t.restart();
        fill_in_halves(
            std::move(t), m.Z, v, true,
            [&] {
                return [&, codes = CellCodes(all_codes, header)](const CsvStream& row) mutable {
                    return std::make_pair(domestic_node(m, codes, row, fr, fs_),
                                          domestic_node(m, codes, row, tr, ts));
                };
            },
            progress);
    }
    {
        int fr = ty.column("from_region"), fs_ = ty.column("from_sector"),
            tr = ty.column("to_region"), c = ty.column("category"), v = ty.column("value");
        m.Y = Eigen::MatrixXd::Zero(n, ny);
        CellCodes codes(all_codes, ty);
        // Final demand may be negative (inventory change), so no sign check here.
        fill(
            ty.restart(), m.Y, v, false,
            [&](const CsvStream& row) {
                const int to = codes.region(row, tr);
                return std::make_pair(domestic_node(m, codes, row, fr, fs_),
                                      m.y_column(to, category_of(row.cell(c))));
            },
            progress);
    }
    {
        CsvStream t = CsvStream::open(path_of(dir, "F.csv"));
        t.require({"region", "sector", "stressor", "value"});
        int r = t.column("region"), s = t.column("sector"), st = t.column("stressor"),
            v = t.column("value");
        m.F = Eigen::MatrixXd::Zero(ns, n);
        CellCodes codes(all_codes, t);
        fill(
            std::move(t), m.F, v, true,
            [&](const CsvStream& row) {
                const int k = codes.stressor(row, st);
                return std::make_pair(k, domestic_node(m, codes, row, r, s));
            },
            progress);
    }
    m.FY = Eigen::MatrixXd::Zero(ns, ny);
    if (tfy) {
        int r = tfy->column("region"), c = tfy->column("category"), st = tfy->column("stressor"),
            v = tfy->column("value");
        CellCodes codes(all_codes, *tfy);
        fill(
            tfy->restart(), m.FY, v, true,
            [&](const CsvStream& row) {
                const int k = codes.stressor(row, st);
                const int reg = codes.region(row, r);
                return std::make_pair(k, m.y_column(reg, category_of(row.cell(c))));
            },
            progress);
    }

    // Optional stated gross output: the row balance x = Z·1 + Y·1 must hold.
    if (fs::exists(path_of(dir, "x.csv"))) {
        CsvStream t = CsvStream::open(path_of(dir, "x.csv"));
        t.require({"region", "sector", "value"});
        int r = t.column("region"), s = t.column("sector"), v = t.column("value");
        Eigen::VectorXd computed = m.Z.rowwise().sum() + m.Y.rowwise().sum();
        CellCodes codes(all_codes, t);
        while (t.next()) {
            int node = domestic_node(m, codes, t, r, s);
            double stated = t.number(v), have = computed(node);
            if (std::abs(stated - have) > 1e-6 * std::max(1.0, std::abs(stated)))
                throw ModelError(t.name(), t.line(),
                                 "row balance violated for " + std::string(t.cell(r)) + "/" +
                                     std::string(t.cell(s)) + ": stated output " +
                                     std::string(t.cell(v)) +
                                     " but Z·1 + Y·1 = " + std::to_string(have));
        }
    }

    ValidationReport report = validate(m);
    if (!report.ok()) throw ModelError(path_of(dir, "Z.csv"), 0, report.errors.front());
    if (fs::exists(path_of(dir, "ranges.csv")))
        m.ranges = read_ranges(path_of(dir, "ranges.csv"), m);
    return m;
}

} // namespace ctrail
