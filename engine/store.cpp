#include "store.hpp"

#include "error.hpp"
#include "sqlite_db.hpp"
#include "store_factorisation.hpp"
#include "validate.hpp"

#include <bit>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <future>
#include <iterator>
#include <optional>
#include <random>

namespace ctrail {
namespace {

using sql::Db;
using sql::Stmt;

static_assert(std::endian::native == std::endian::little,
              "matrix BLOBs are stored little-endian; add byte swapping for this platform");

// Step k takes an empty (k = 1) or version k-1 database to version k; a new database runs all.
const char* const kSchemaSteps[] = {
    // 1: labels and matrices.
    R"sql(
CREATE TABLE meta(position INTEGER PRIMARY KEY, key TEXT UNIQUE NOT NULL, value TEXT NOT NULL);
CREATE TABLE regions(idx INTEGER PRIMARY KEY, code TEXT UNIQUE NOT NULL, name_en TEXT NOT NULL,
  name_zh TEXT NOT NULL, kind TEXT NOT NULL CHECK(kind IN ('domestic','external')),
  grp TEXT NOT NULL, coastal INTEGER NOT NULL, lat REAL, lon REAL, zone TEXT NOT NULL DEFAULT '');
CREATE TABLE sectors(idx INTEGER PRIMARY KEY, code TEXT UNIQUE NOT NULL, name_en TEXT NOT NULL,
  name_zh TEXT NOT NULL);
CREATE TABLE categories(idx INTEGER PRIMARY KEY, code TEXT UNIQUE NOT NULL);
CREATE TABLE stressors(idx INTEGER PRIMARY KEY, code TEXT UNIQUE NOT NULL, name_en TEXT NOT NULL,
  unit TEXT NOT NULL);
-- Z, Y, F, FY as column-major little-endian float64; rows/cols follow the label tables.
CREATE TABLE matrices(name TEXT PRIMARY KEY, rows INTEGER NOT NULL, cols INTEGER NOT NULL,
  data BLOB NOT NULL);
)sql",
    // 2: ensemble ranges (ranges.csv), in file order.
    R"sql(
CREATE TABLE ranges(position INTEGER PRIMARY KEY, quantity TEXT NOT NULL, region TEXT NOT NULL,
  sector TEXT NOT NULL, low REAL NOT NULL, high REAL NOT NULL, UNIQUE(quantity, region, sector));
)sql",
    // 3: the stored factorisation (store_factorisation.hpp): LU (n x n float64, column-major:
    // P(I - A) = L U packed), pivots (n int32), M (stressors x n), stages (stressors * (K + 1)
    // x n: row s * (K + 1) + k = s_s A^k); one row of inputs: the checksum (16 hex digits) of
    // Z, Y, F they were computed from, and K.
    R"sql(
CREATE TABLE factorisation(name TEXT PRIMARY KEY, rows INTEGER NOT NULL, cols INTEGER NOT NULL,
  data BLOB NOT NULL);
CREATE TABLE factorisation_inputs(checksum TEXT NOT NULL, stages INTEGER NOT NULL);
)sql",
};
static_assert(std::size(kSchemaSteps) == kSchemaVersion, "one schema step per version");

void write_contents(Db& db, const Model& m) {
    for (const char* step : kSchemaSteps) db.exec(step);
    db.exec(("PRAGMA user_version = " + std::to_string(kSchemaVersion)).c_str());
    db.exec(("PRAGMA application_id = " + std::to_string(kApplicationId)).c_str());
    {
        Stmt s(db, "INSERT INTO meta(position, key, value) VALUES(?,?,?)");
        for (size_t i = 0; i < m.meta.size(); ++i)
            s.bind(1, static_cast<long long>(i))
                .bind(2, m.meta[i].first)
                .bind(3, m.meta[i].second)
                .run();
    }
    {
        Stmt s(db, "INSERT INTO regions(idx, code, name_en, name_zh, kind, grp, coastal, lat, lon, "
                   "zone) VALUES(?,?,?,?,?,?,?,?,?,?)");
        for (size_t i = 0; i < m.regions.size(); ++i) {
            const Region& r = m.regions[i];
            s.bind(1, static_cast<long long>(i))
                .bind(2, r.code)
                .bind(3, r.name_en)
                .bind(4, r.name_zh);
            s.bind(5, std::string(r.kind == RegionKind::External ? "external" : "domestic"));
            s.bind(6, r.group)
                .bind(7, static_cast<long long>(r.coastal))
                .bind(8, r.lat)
                .bind(9, r.lon)
                .bind(10, r.zone)
                .run();
        }
    }
    {
        Stmt s(db, "INSERT INTO sectors VALUES(?,?,?,?)");
        for (size_t i = 0; i < m.sectors.size(); ++i)
            s.bind(1, static_cast<long long>(i))
                .bind(2, m.sectors[i].code)
                .bind(3, m.sectors[i].name_en)
                .bind(4, m.sectors[i].name_zh)
                .run();
    }
    {
        Stmt s(db, "INSERT INTO categories VALUES(?,?)");
        for (size_t i = 0; i < m.categories.size(); ++i)
            s.bind(1, static_cast<long long>(i)).bind(2, m.categories[i]).run();
    }
    {
        Stmt s(db, "INSERT INTO stressors VALUES(?,?,?,?)");
        for (size_t i = 0; i < m.stressors.size(); ++i)
            s.bind(1, static_cast<long long>(i))
                .bind(2, m.stressors[i].code)
                .bind(3, m.stressors[i].name_en)
                .bind(4, m.stressors[i].unit)
                .run();
    }
    {
        Stmt s(db, "INSERT INTO ranges VALUES(?,?,?,?,?,?)");
        for (size_t i = 0; i < m.ranges.size(); ++i) {
            const Range& r = m.ranges[i];
            s.bind(1, static_cast<long long>(i)).bind(2, r.quantity).bind(3, r.region);
            s.bind(4, r.sector).bind(5, std::optional<double>(r.low));
            s.bind(6, std::optional<double>(r.high)).run();
        }
    }
    Stmt s(db, "INSERT INTO matrices VALUES(?,?,?,?)");
    for (auto [name, mat] : {std::pair{"Z", &m.Z}, {"Y", &m.Y}, {"F", &m.F}, {"FY", &m.FY}})
        s.bind(1, std::string(name))
            .bind(2, static_cast<long long>(mat->rows()))
            .bind(3, static_cast<long long>(mat->cols()))
            .bind_blob(4, mat->data(), static_cast<size_t>(mat->size()) * sizeof(double))
            .run();
}

} // namespace

void write_database(const Model& model, const std::string& path) {
    namespace fs = std::filesystem;
    fs::path target(path);
    fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    if (!fs::is_directory(dir))
        throw ModelError(path, 0, "folder " + dir.string() + " does not exist");
    std::random_device rd;
    fs::path tmp = dir / ("." + target.filename().string() + ".tmp-" + std::to_string(rd()));
    try {
        {
            Db db(tmp.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
            db.exec("PRAGMA page_size = 65536");
            db.exec("PRAGMA journal_mode = MEMORY");
            // The model's own tables are written on a second thread while this one computes
            // the factorisation (independent until its tables are written; BLAS stays on the
            // calling thread, whose kernel threads it already runs). Opening trusts a stored
            // factorisation's inputs as validated (open_model): an invalid model gets none,
            // and is validated (and refused) when opened.
            db.exec("BEGIN");
            auto writing =
                std::async(std::launch::async, [&db, &model] { write_contents(db, model); });
            std::optional<ComputedFactorisation> computed;
            if (validate(model).ok()) computed = compute_factorisation(model);
            writing.get();
            if (computed) write_factorisation(db, *computed);
            db.exec("COMMIT");
        }
        fs::rename(tmp, target);
    } catch (const ModelError& e) {
        std::error_code ec;
        fs::remove(tmp, ec);
        if (e.file().empty()) throw ModelError(path, 0, e.problem()); // e.g. singular I - A
        throw;
    } catch (const std::exception& e) {
        std::error_code ec;
        fs::remove(tmp, ec);
        throw ModelError(path, 0, std::string("cannot write database: ") + e.what());
    }
}

std::unique_ptr<Db> open_for_reading(const std::string& path) {
    // Says which of missing, a folder, a symlink loop or another non-file it is (the log of a
    // resting exhibit names the reason); never throws a filesystem_error.
    std::error_code ec;
    const auto st = std::filesystem::status(path, ec);
    if (st.type() == std::filesystem::file_type::not_found)
        throw ModelError(path, 0, "no such model database");
    if (ec) throw ModelError(path, 0, "cannot open the model database: " + ec.message());
    if (std::filesystem::is_directory(st))
        throw ModelError(path, 0, "a folder, not a model database");
    if (!std::filesystem::is_regular_file(st))
        throw ModelError(path, 0, "not a regular file, so not a model database");
    auto db = std::make_unique<Db>(path, SQLITE_OPEN_READONLY);
    // Read the BLOBs through a memory map of the file: no page cache of our own to allocate
    // and fill first (fresh pages cost more than the copy at open). Capped: mapped pages count
    // as resident, and a research model's 100+ MB matrices are better read once (peak memory).
    db->exec("PRAGMA mmap_size = 16777216");
    return db;
}

Model read_database(const std::string& path, int oldest_version, int* found_version) {
    return read_database(*open_for_reading(path), oldest_version, found_version);
}

Model read_database(Db& db, int oldest_version, int* found_version, ModelParts parts) {
    const std::string& path = db.path();
    Model m;
    long long version = 0, app = 0;
    {
        Stmt s(db, "PRAGMA user_version");
        version = s.next() ? s.integer(0) : 0;
        Stmt a(db, "PRAGMA application_id");
        app = a.next() ? a.integer(0) : 0;
    }
    // Version 1 predates the application_id; from version 2 on it must be ours.
    if (app != kApplicationId && (version >= 2 || app != 0))
        throw ModelError(path, 0,
                         "not a Carbon Trail model database (application_id " +
                             std::to_string(app) + ")");
    if (version < oldest_version || version > kSchemaVersion)
        throw ModelError(path, 0,
                         "model database schema version " + std::to_string(version) +
                             ", this program reads version " + std::to_string(kSchemaVersion) +
                             ": rebuild it from its bundle with `ctrail build BUNDLE_DIR " + path +
                             "`");
    if (found_version) *found_version = static_cast<int>(version);
    try {
        Stmt meta(db, "SELECT key, value FROM meta ORDER BY position");
        while (meta.next()) m.meta.emplace_back(meta.text(0), meta.text(1));
        Stmt regions(db, "SELECT code, name_en, name_zh, kind, grp, coastal, lat, lon FROM regions "
                         "ORDER BY idx");
        while (regions.next()) {
            Region r{regions.text(0),
                     regions.text(1),
                     regions.text(2),
                     regions.text(3) == "external" ? RegionKind::External : RegionKind::Domestic,
                     regions.text(4),
                     regions.integer(5) != 0,
                     regions.real(6),
                     regions.real(7),
                     {}};
            m.regions.push_back(std::move(r));
        }
        // `zone` came after the first databases of this schema: read it where it exists.
        Stmt has_zone(db, "SELECT 1 FROM pragma_table_info('regions') WHERE name = 'zone'");
        if (has_zone.next()) {
            Stmt zones(db, "SELECT zone FROM regions ORDER BY idx");
            for (size_t i = 0; i < m.regions.size() && zones.next(); ++i)
                m.regions[i].zone = zones.text(0);
        }
        Stmt sectors(db, "SELECT code, name_en, name_zh FROM sectors ORDER BY idx");
        while (sectors.next())
            m.sectors.push_back({sectors.text(0), sectors.text(1), sectors.text(2)});
        Stmt cats(db, "SELECT code FROM categories ORDER BY idx");
        while (cats.next()) m.categories.push_back(cats.text(0));
        Stmt st(db, "SELECT code, name_en, unit FROM stressors ORDER BY idx");
        while (st.next()) m.stressors.push_back({st.text(0), st.text(1), st.text(2)});
    } catch (const ModelError& e) {
        throw ModelError(path, 0, "not a Carbon Trail model: " + e.problem());
    }
    m.index();
    if (parts == ModelParts::labels) return m;
    if (version >= 2) {
        Stmt r(db, "SELECT quantity, region, sector, low, high FROM ranges ORDER BY position");
        while (r.next())
            m.ranges.push_back({r.text(0), r.text(1), r.text(2), r.real(3).value_or(NAN),
                                r.real(4).value_or(NAN)});
        check_ranges(m.ranges, m, path);
    }
    const Eigen::Index n = m.node_count();
    const Eigen::Index ny = static_cast<Eigen::Index>(m.regions.size()) * m.category_count();
    const Eigen::Index ns = static_cast<Eigen::Index>(m.stressors.size());
    struct Want {
        const char* name;
        Eigen::MatrixXd* mat;
        Eigen::Index rows, cols;
    };
    for (const Want& w : {Want{"Z", &m.Z, n, n}, Want{"Y", &m.Y, n, ny}, Want{"F", &m.F, ns, n},
                          Want{"FY", &m.FY, ns, ny}}) {
        Stmt s(db, "SELECT rowid, rows, cols, length(data) FROM matrices WHERE name = ?");
        s.bind(1, std::string(w.name));
        if (!s.next()) throw ModelError(path, 0, std::string("matrix ") + w.name + " is missing");
        const auto bytes = static_cast<size_t>(w.rows * w.cols) * sizeof(double);
        if (s.integer(1) != w.rows || s.integer(2) != w.cols ||
            static_cast<size_t>(s.integer(3)) != bytes)
            throw ModelError(
                path, 0, std::string("matrix ") + w.name + " has the wrong size for the labels");
        w.mat->resize(w.rows, w.cols);
        if (bytes) sql::read_blob(db, "matrices", "data", s.integer(0), w.mat->data(), bytes);
    }
    return m;
}

} // namespace ctrail
