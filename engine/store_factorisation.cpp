#include "store_factorisation.hpp"

#include "error.hpp"
#include "log.hpp"
#include "region_rows.hpp"
#include "store.hpp"
#include "validate.hpp"

#include <bit>
#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <tuple>
#include <type_traits>

namespace ctrail {
namespace {

using sql::Db;
using sql::Stmt;

std::string hex(std::uint64_t v) {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016" PRIx64, v);
    return buf;
}

// Four independent multiply-xor lanes over the raw 64-bit words: a stale factorisation is an
// accident (an edited or half-rebuilt database), not an attack, so speed matters more.
struct Hasher {
    std::uint64_t lane[4] = {0x243F6A8885A308D3ull, 0x13198A2E03707344ull, 0xA4093822299F31D0ull,
                             0x082EFA98EC4E6C89ull};
    void word(int l, std::uint64_t w) {
        lane[l] = (lane[l] ^ w) * 0x9E3779B97F4A7C15ull;
        lane[l] ^= lane[l] >> 29;
    }
    void shape(Eigen::Index rows, Eigen::Index cols) {
        word(0, static_cast<std::uint64_t>(rows));
        word(1, static_cast<std::uint64_t>(cols));
    }
    // A run of a matrix's values; every run but its last must hold a multiple of 4 values.
    void values(const double* d, Eigen::Index n) {
        Eigen::Index i = 0;
        for (; i + 4 <= n; i += 4)
            for (int l = 0; l < 4; ++l) word(l, std::bit_cast<std::uint64_t>(d[i + l]));
        for (; i < n; ++i) word(0, std::bit_cast<std::uint64_t>(d[i]));
    }
    void matrix(const Eigen::MatrixXd& m) {
        shape(m.rows(), m.cols());
        values(m.data(), m.size());
    }
    std::uint64_t value() const {
        std::uint64_t h = 0;
        for (std::uint64_t l : lane) h = (h ^ l) * 0x100000001B3ull + (h >> 31);
        return h;
    }
};

void put(Stmt& s, const char* name, Eigen::Index rows, Eigen::Index cols, const void* data,
         size_t bytes) {
    s.bind(1, std::string(name))
        .bind(2, static_cast<long long>(rows))
        .bind(3, static_cast<long long>(cols))
        .bind_blob(4, data, bytes)
        .run();
}

// Whether the factorisation table has an entry `name`.
bool has(Db& db, const char* name) {
    Stmt s(db, "SELECT 1 FROM factorisation WHERE name = ?");
    s.bind(1, std::string(name));
    return s.next();
}

// Reads one entry into `out` (bytes must match rows x cols x elem); false when absent/misfit.
bool get(Db& db, const char* name, Eigen::Index rows, Eigen::Index cols, size_t elem, void* out,
         std::string& why) {
    Stmt s(db, "SELECT rowid, rows, cols, length(data) FROM factorisation WHERE name = ?");
    s.bind(1, std::string(name));
    if (!s.next()) {
        why = std::string("has no ") + name;
        return false;
    }
    const size_t bytes = static_cast<size_t>(rows * cols) * elem;
    if (s.integer(1) != rows || s.integer(2) != cols ||
        static_cast<size_t>(s.integer(3)) != bytes) {
        why = std::string("has ") + name + " of the wrong size";
        return false;
    }
    if (bytes) sql::read_blob(db, "factorisation", "data", s.integer(0), out, bytes);
    return true;
}

} // namespace

std::uint64_t inputs_checksum(const Model& model) {
    Hasher h;
    h.matrix(model.Z);
    h.matrix(model.Y);
    h.matrix(model.F);
    return h.value();
}

struct ComputedFactorisation::Tables {
    std::unique_ptr<Leontief> leontief; // its LU, pivots and M, not copied
    // Region rows are empty for models above kRegionRowsMaxNodes.
    Eigen::MatrixXd stages, region_stages, region_m, sector_m;
    std::string checksum;
};

ComputedFactorisation::ComputedFactorisation() = default;
ComputedFactorisation::ComputedFactorisation(ComputedFactorisation&&) noexcept = default;
ComputedFactorisation& ComputedFactorisation::operator=(ComputedFactorisation&&) noexcept = default;
ComputedFactorisation::~ComputedFactorisation() = default;

ComputedFactorisation compute_factorisation(const Model& model) {
    ComputedFactorisation out;
    out.tables = std::make_unique<ComputedFactorisation::Tables>();
    auto& t = *out.tables;
    t.leontief = std::make_unique<Leontief>(model);
    const Leontief& l = *t.leontief;
    const Eigen::Index n = model.node_count();
    const auto ns = static_cast<Eigen::Index>(model.stressors.size());
    t.stages.resize(ns * (kStoredStages + 1), n);
    for (Eigen::Index k = 0; k < ns; ++k)
        t.stages.middleRows(k * (kStoredStages + 1), kStoredStages + 1) =
            stage_rows(l.coefficients(), l.intensities().row(k).transpose(), kStoredStages);
    if (n <= kRegionRowsMaxNodes) {
        // Per stressor: region_stages rows [k·(K + 1)·regions, ...), region_M rows [k·regions,
        // ...).
        const auto nr = static_cast<Eigen::Index>(model.regions.size());
        t.region_stages.resize(ns * (kStoredStages + 1) * nr, n);
        t.region_m.resize(ns * nr, n);
        for (Eigen::Index k = 0; k < ns; ++k) {
            const Eigen::VectorXd sk = l.intensities().row(k).transpose();
            t.region_stages.middleRows(k * (kStoredStages + 1) * nr, (kStoredStages + 1) * nr) =
                region_stage_rows(model, l.coefficients(), sk, kStoredStages);
            t.region_m.middleRows(k * nr, nr) = region_multipliers(model, l, sk);
        }
    }
    {
        // Per stressor, rows [k·sectors, ...): M^K = s^K·L per sector K, so that a trace's
        // by-sector split needs no solve (and no LU at all in the exhibit).
        const Eigen::Index nk = model.sector_count();
        t.sector_m.resize(ns * nk, n);
        for (Eigen::Index k = 0; k < ns; ++k) {
            Eigen::MatrixXd c = Eigen::MatrixXd::Zero(nk, n);
            for (Eigen::Index i = 0; i < n; ++i)
                c(model.sector_of_node(static_cast<int>(i)), i) = l.intensities()(k, i);
            t.sector_m.middleRows(k * nk, nk) = l.solve_transposed(c);
        }
    }
    t.checksum = hex(inputs_checksum(model));
    return out;
}

void write_factorisation(Db& db, const ComputedFactorisation& computed) {
    const auto& t = *computed.tables;
    const Leontief& l = *t.leontief;
    const Eigen::VectorXi pivots = l.permutation();
    const Eigen::Index n = pivots.size();
    auto put_matrix = [](Stmt& s, const char* name, const auto& m) {
        put(s, name, m.rows(), m.cols(), m.data(),
            static_cast<size_t>(m.size()) * sizeof(typename std::decay_t<decltype(m)>::Scalar));
    };
    Stmt s(db, "INSERT INTO factorisation VALUES(?,?,?,?)");
    put_matrix(s, "LU", l.lu());
    put(s, "pivots", n, 1, pivots.data(), static_cast<size_t>(n) * sizeof(int));
    put_matrix(s, "M", l.multipliers());
    put_matrix(s, "stages", t.stages);
    if (t.region_stages.size()) {
        put_matrix(s, "region_stages", t.region_stages);
        put_matrix(s, "region_M", t.region_m);
    }
    put_matrix(s, "sector_M", t.sector_m);
    Stmt c(db, "INSERT INTO factorisation_inputs VALUES(?,?)");
    c.bind(1, t.checksum).bind(2, static_cast<long long>(kStoredStages)).run();
}

std::optional<StoredFactorisation> read_factorisation(const std::string& path, const Model& model,
                                                      std::string& why, ReadLu read_lu) {
    Db db(path, SQLITE_OPEN_READONLY);
    return read_factorisation(db, model, why, read_lu);
}

std::optional<LaterFactors> read_lu_factors(const std::string& path, const std::string& checksum,
                                            Eigen::Index n, std::string& why) {
    const auto db = open_for_reading(path);
    {
        Stmt c(*db, "SELECT checksum FROM factorisation_inputs");
        if (!c.next() || c.text(0) != checksum) {
            why = path + " was replaced by a database of other inputs since it was opened";
            return std::nullopt;
        }
    }
    LaterFactors f;
    f.lu.resize(n, n);
    f.permutation.resize(n);
    if (!get(*db, "LU", n, n, sizeof(double), f.lu.data(), why) ||
        !get(*db, "pivots", n, 1, sizeof(int), f.permutation.data(), why)) {
        why = path + " " + why;
        return std::nullopt;
    }
    return f;
}

namespace {

// What a database says of its stored factorisation before any of it is read: whether its two
// tables (and the model's matrices) exist, and the inputs' checksum and stage count it stores.
struct StoredInputs {
    bool tables = false;   // factorisation and factorisation_inputs
    bool matrices = false; // the model's own matrices
    std::optional<std::string> checksum;
    long long stages = 0;
};

StoredInputs stored_inputs(Db& db) {
    StoredInputs in;
    int found = 0;
    Stmt t(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN "
               "('factorisation', 'factorisation_inputs', 'matrices')");
    while (t.next()) {
        if (t.text(0) == "matrices")
            in.matrices = true;
        else
            ++found;
    }
    in.tables = found == 2;
    if (!in.tables) return in;
    Stmt c(db, "SELECT checksum, stages FROM factorisation_inputs");
    if (c.next()) {
        in.checksum = c.text(0);
        in.stages = c.integer(1);
    }
    return in;
}

} // namespace

std::optional<StoredFactorisation> read_factorisation(Db& db, const Model& model, std::string& why,
                                                      ReadLu read_lu) {
    static_assert(sizeof(int) == 4, "pivots are stored as int32");
    const StoredInputs in = stored_inputs(db);
    if (!in.tables) {
        why = "has no stored factorisation";
        return std::nullopt;
    }
    if (!in.checksum) {
        why = "has no checksum for its stored factorisation";
        return std::nullopt;
    }
    if (in.stages != kStoredStages) {
        why = "stores " + std::to_string(in.stages) + " stages, this program uses " +
              std::to_string(kStoredStages);
        return std::nullopt;
    }
    std::string checksum = hex(inputs_checksum(model));
    if (*in.checksum != checksum) {
        why = "has a stored factorisation of other inputs (checksum " + *in.checksum +
              ", Z, Y, F give " + checksum + ")";
        return std::nullopt;
    }
    const Eigen::Index n = model.node_count();
    const auto ns = static_cast<Eigen::Index>(model.stressors.size());
    StoredFactorisation f;
    f.checksum = std::move(checksum);
    f.factors.multipliers.resize(ns, n);
    if (read_lu == ReadLu::now) {
        f.factors.lu.resize(n, n);
        f.factors.permutation.resize(n);
        if (!get(db, "LU", n, n, sizeof(double), f.factors.lu.data(), why) ||
            !get(db, "pivots", n, 1, sizeof(int), f.factors.permutation.data(), why))
            return std::nullopt;
    } else if (!has(db, "LU") || !has(db, "pivots")) {
        why = "has no stored LU factors";
        return std::nullopt;
    }
    Eigen::MatrixXd stages(ns * (kStoredStages + 1), n);
    if (!get(db, "M", ns, n, sizeof(double), f.factors.multipliers.data(), why) ||
        !get(db, "stages", stages.rows(), n, sizeof(double), stages.data(), why))
        return std::nullopt;
    for (Eigen::Index k = 0; k < ns; ++k)
        f.stage_rows.push_back(stages.middleRows(k * (kStoredStages + 1), kStoredStages + 1));
    // Optional (large models and earlier schema-3 databases have none): absent is fine, a
    // misfit is not.
    f.region_rows.resize(static_cast<size_t>(ns));
    if (has(db, "region_stages") || has(db, "region_M")) {
        const auto nr = static_cast<Eigen::Index>(model.regions.size());
        const Eigen::Index per = (kStoredStages + 1) * nr;
        Eigen::MatrixXd rows(ns * per, n), mult(ns * nr, n);
        if (!get(db, "region_stages", rows.rows(), n, sizeof(double), rows.data(), why) ||
            !get(db, "region_M", mult.rows(), n, sizeof(double), mult.data(), why))
            return std::nullopt;
        for (Eigen::Index k = 0; k < ns; ++k) {
            auto& r = f.region_rows[static_cast<size_t>(k)];
            // One stressor (the usual case) adopts the matrices read, without a copy.
            r.stages = std::make_shared<const Eigen::MatrixXd>(
                ns == 1 ? std::move(rows) : Eigen::MatrixXd(rows.middleRows(k * per, per)));
            r.multipliers = std::make_shared<const Eigen::MatrixXd>(
                ns == 1 ? std::move(mult) : Eigen::MatrixXd(mult.middleRows(k * nr, nr)));
        }
    }
    if (has(db, "sector_M")) { // absent from earlier schema-3 databases
        const Eigen::Index nk = model.sector_count();
        Eigen::MatrixXd mult(ns * nk, n);
        if (!get(db, "sector_M", mult.rows(), n, sizeof(double), mult.data(), why))
            return std::nullopt;
        for (Eigen::Index k = 0; k < ns; ++k)
            f.region_rows[static_cast<size_t>(k)].sector_multipliers =
                std::make_shared<const Eigen::MatrixXd>(
                    ns == 1 ? std::move(mult) : Eigen::MatrixXd(mult.middleRows(k * nk, nk)));
    }
    return f;
}

std::optional<std::string> verify_stored_factorisation(Db& db, const Model& labels,
                                                       std::string& why) {
    try {
        const StoredInputs in = stored_inputs(db);
        if (!in.tables || !in.matrices) {
            why = "has no stored factorisation";
            return std::nullopt;
        }
        if (!in.checksum || in.stages != kStoredStages) {
            why = "has no usable checksum for its stored factorisation";
            return std::nullopt;
        }
        const std::string& stored = *in.checksum;
        for (const char* name : {"LU", "pivots", "M", "stages"})
            if (!has(db, name)) {
                why = std::string("has no ") + name + " in its stored factorisation";
                return std::nullopt;
            }
        // Z, Y and F hashed as inputs_checksum does, straight from the file in 64 KB pieces.
        const Eigen::Index n = labels.node_count();
        const Eigen::Index ny =
            static_cast<Eigen::Index>(labels.regions.size()) * labels.category_count();
        const auto ns = static_cast<Eigen::Index>(labels.stressors.size());
        Hasher h;
        std::vector<double> piece(8192); // 64 KB: whole doubles, a multiple of 4 per piece
        for (const auto& [name, rows, cols] :
             {std::tuple{"Z", n, n}, std::tuple{"Y", n, ny}, std::tuple{"F", ns, n}}) {
            Stmt s(db, "SELECT rowid, rows, cols, length(data) FROM matrices WHERE name = ?");
            s.bind(1, std::string(name));
            const auto bytes = static_cast<size_t>(rows * cols) * sizeof(double);
            if (!s.next() || s.integer(1) != rows || s.integer(2) != cols ||
                static_cast<size_t>(s.integer(3)) != bytes) {
                why = std::string("has no matrix ") + name + " of the labels' size";
                return std::nullopt;
            }
            h.shape(rows, cols);
            if (bytes)
                sql::read_blob_pieces(db, "matrices", "data", s.integer(0), bytes, piece.data(),
                                      piece.size() * sizeof(double), [&](size_t got) {
                                          h.values(piece.data(),
                                                   static_cast<Eigen::Index>(got / sizeof(double)));
                                      });
        }
        const std::string want = hex(h.value());
        if (stored != want) {
            why = "has a stored factorisation of other inputs (checksum " + stored +
                  ", Z, Y, F give " + want + ")";
            return std::nullopt;
        }
        return want;
    } catch (const ModelError& e) {
        why = "has an unreadable stored factorisation (" + e.problem() + ")";
        return std::nullopt;
    }
}

namespace {

// The stored factorisation read through `db` adopted as a Leontief (with its rows), or null with
// the reason in `why`.
// With `take_z` (the model's Z) the Leontief forms A in it, leaving it empty, when the stored
// factorisation is used.
std::unique_ptr<Leontief> adopt_stored(Db& db, const Model& model,
                                       std::vector<Eigen::MatrixXd>* stage_rows,
                                       std::vector<StoredRegionRows>* region_rows, std::string& why,
                                       Eigen::MatrixXd* take_z = nullptr) {
    why.clear();
    try {
        if (std::optional<StoredFactorisation> stored =
                read_factorisation(db, model, why, ReadLu::later)) {
            // The LU factors are read when first needed (Leontief::ensure_factors).
            FactorSource later = [path = db.path(), sum = stored->checksum,
                                  n = model.node_count()](std::string& reason) {
                return read_lu_factors(path, sum, n, reason);
            };
            auto l = std::make_unique<Leontief>(model, std::move(stored->factors.multipliers),
                                                std::move(later), take_z);
            if (stage_rows) *stage_rows = std::move(stored->stage_rows);
            if (region_rows) *region_rows = std::move(stored->region_rows);
            return l;
        }
    } catch (const ModelError& e) {
        why = "has an unreadable stored factorisation (" + e.problem() + ")";
    }
    if (why.empty()) why = "has no stored factorisation";
    return nullptr;
}

std::unique_ptr<Leontief> factorise(const std::string& path, const Model& model) {
    try {
        return std::make_unique<Leontief>(model);
    } catch (const ModelError& e) {
        throw ModelError(path, 0, e.problem());
    }
}

} // namespace

std::unique_ptr<Leontief> stored_or_factorised(const std::string& path, const Model& model,
                                               std::vector<Eigen::MatrixXd>* stage_rows,
                                               std::string& why) {
    std::unique_ptr<Leontief> l;
    try {
        Db db(path, SQLITE_OPEN_READONLY);
        l = adopt_stored(db, model, stage_rows, nullptr, why);
    } catch (const ModelError& e) {
        why = "has an unreadable stored factorisation (" + e.problem() + ")";
    }
    return l ? std::move(l) : factorise(path, model);
}

OpenedModel open_model(const std::string& path, int oldest_version, int* found_version,
                       KeepZ keep_z) {
    return open_model(*open_for_reading(path), oldest_version, found_version, keep_z);
}

OpenedModel open_model(Db& db, int oldest_version, int* found_version, KeepZ keep_z) {
    OpenedModel o;
    const std::string& path = db.path();
    o.model = read_database(db, oldest_version, found_version);
    std::string why;
    o.leontief = adopt_stored(db, o.model, &o.stage_rows, &o.region_rows, why,
                              keep_z == KeepZ::no ? &o.model.Z : nullptr);
    o.from_store = o.leontief != nullptr;
    if (o.from_store) return o;
    // A factorisation is stored only for a valid model (write_database), and its checksum
    // proves Z, Y and F are the ones validated then: only a model factorised here is validated.
    const ValidationReport report = validate(o.model);
    if (!report.ok()) throw ModelError(path, 0, "invalid model: " + report.errors.front());
    o.leontief = factorise(path, o.model);
    log_note(path + " " + why + ": factorising instead (rebuild it with ctrail build)");
    return o;
}

} // namespace ctrail
