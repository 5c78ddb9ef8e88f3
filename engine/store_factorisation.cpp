#include "store_factorisation.hpp"

#include "error.hpp"
#include "log.hpp"
#include "store.hpp"
#include "validate.hpp"

#include <bit>
#include <cinttypes>
#include <cstdio>
#include <cstring>

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
    void matrix(const Eigen::MatrixXd& m) {
        word(0, static_cast<std::uint64_t>(m.rows()));
        word(1, static_cast<std::uint64_t>(m.cols()));
        const double* d = m.data();
        const Eigen::Index n = m.size();
        Eigen::Index i = 0;
        for (; i + 4 <= n; i += 4)
            for (int l = 0; l < 4; ++l) word(l, std::bit_cast<std::uint64_t>(d[i + l]));
        for (; i < n; ++i) word(0, std::bit_cast<std::uint64_t>(d[i]));
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

void write_factorisation(Db& db, const Model& model) {
    const Leontief l(model);
    const Eigen::Index n = model.node_count();
    const auto ns = static_cast<Eigen::Index>(model.stressors.size());
    Eigen::MatrixXd stages(ns * (kStoredStages + 1), n);
    for (Eigen::Index k = 0; k < ns; ++k)
        stages.middleRows(k * (kStoredStages + 1), kStoredStages + 1) =
            stage_rows(l.coefficients(), l.intensities().row(k).transpose(), kStoredStages);
    const Eigen::VectorXi pivots = l.permutation();
    Stmt s(db, "INSERT INTO factorisation VALUES(?,?,?,?)");
    put(s, "LU", n, n, l.lu().data(), static_cast<size_t>(l.lu().size()) * sizeof(double));
    put(s, "pivots", n, 1, pivots.data(), static_cast<size_t>(n) * sizeof(int));
    put(s, "M", ns, n, l.multipliers().data(),
        static_cast<size_t>(l.multipliers().size()) * sizeof(double));
    put(s, "stages", stages.rows(), n, stages.data(),
        static_cast<size_t>(stages.size()) * sizeof(double));
    Stmt c(db, "INSERT INTO factorisation_inputs VALUES(?,?)");
    c.bind(1, hex(inputs_checksum(model))).bind(2, static_cast<long long>(kStoredStages)).run();
}

std::optional<StoredFactorisation> read_factorisation(const std::string& path, const Model& model,
                                                      std::string& why) {
    static_assert(sizeof(int) == 4, "pivots are stored as int32");
    Db db(path, SQLITE_OPEN_READONLY);
    {
        Stmt t(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN "
                   "('factorisation', 'factorisation_inputs')");
        if (!t.next() || t.integer(0) != 2) {
            why = "has no stored factorisation";
            return std::nullopt;
        }
    }
    {
        Stmt c(db, "SELECT checksum, stages FROM factorisation_inputs");
        if (!c.next()) {
            why = "has no checksum for its stored factorisation";
            return std::nullopt;
        }
        if (c.integer(1) != kStoredStages) {
            why = "stores " + std::to_string(c.integer(1)) + " stages, this program uses " +
                  std::to_string(kStoredStages);
            return std::nullopt;
        }
        const std::string want = hex(inputs_checksum(model));
        if (c.text(0) != want) {
            why = "has a stored factorisation of other inputs (checksum " + c.text(0) +
                  ", Z, Y, F give " + want + ")";
            return std::nullopt;
        }
    }
    const Eigen::Index n = model.node_count();
    const auto ns = static_cast<Eigen::Index>(model.stressors.size());
    StoredFactorisation f;
    f.factors.lu.resize(n, n);
    f.factors.permutation.resize(n);
    f.factors.multipliers.resize(ns, n);
    Eigen::MatrixXd stages(ns * (kStoredStages + 1), n);
    if (!get(db, "LU", n, n, sizeof(double), f.factors.lu.data(), why) ||
        !get(db, "pivots", n, 1, sizeof(int), f.factors.permutation.data(), why) ||
        !get(db, "M", ns, n, sizeof(double), f.factors.multipliers.data(), why) ||
        !get(db, "stages", stages.rows(), n, sizeof(double), stages.data(), why))
        return std::nullopt;
    for (Eigen::Index k = 0; k < ns; ++k)
        f.stage_rows.push_back(stages.middleRows(k * (kStoredStages + 1), kStoredStages + 1));
    return f;
}

std::unique_ptr<Leontief> stored_or_factorised(const std::string& path, const Model& model,
                                               std::vector<Eigen::MatrixXd>* stage_rows,
                                               std::string& why) {
    why.clear();
    try {
        if (auto stored = read_factorisation(path, model, why)) {
            if (stage_rows) *stage_rows = std::move(stored->stage_rows);
            return std::make_unique<Leontief>(model, std::move(stored->factors));
        }
    } catch (const ModelError& e) {
        why = "has an unreadable stored factorisation (" + e.problem() + ")";
    }
    if (why.empty()) why = "has no stored factorisation";
    try {
        return std::make_unique<Leontief>(model);
    } catch (const ModelError& e) {
        throw ModelError(path, 0, e.problem());
    }
}

OpenedModel open_model(const std::string& path, int oldest_version, int* found_version) {
    OpenedModel o;
    o.model = read_database(path, oldest_version, found_version);
    const ValidationReport report = validate(o.model);
    if (!report.ok()) throw ModelError(path, 0, "invalid model: " + report.errors.front());
    std::string why;
    o.leontief = stored_or_factorised(path, o.model, &o.stage_rows, why);
    o.from_store = why.empty();
    if (!o.from_store)
        log_note(path + " " + why + ": factorising instead (rebuild it with ctrail build)");
    return o;
}

} // namespace ctrail
