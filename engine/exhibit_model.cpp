#include "exhibit_model.hpp"

#include "accounts.hpp"
#include "error.hpp"
#include "exhibit_model_access.hpp"
#include "intensity_scale.hpp"
#include "sqlite_db.hpp"
#include "store.hpp"
#include "store_factorisation.hpp"
#include "trace.hpp"
#include "trace_text.hpp"
#include "units.hpp"
#include "validate.hpp"
#include "zones.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <mutex>
#include <numbers>

namespace ctrail {

// What traces and accounts read: the whole model (Z's storage holding A), its Leontief and a
// tracer per stressor, ~4 MB for the China model. Read by the first question, not by open().
struct ExhibitTables {
    Model model;
    std::unique_ptr<Leontief> leontief;
    std::vector<std::unique_ptr<Tracer>> tracers;
};
using Tables = ExhibitTables;

namespace {

// Reads the tables through `db`: the stored factorisation, or factorising (logged) when it
// cannot be used. Throws ModelError naming the file, also when the labels are not `labels`.
std::unique_ptr<const Tables> read_tables(sql::Db& db, const Model& labels) {
    auto t = std::make_unique<Tables>();
    // The exhibit never reads Z after this: A takes its storage (one n x n matrix fewer).
    OpenedModel opened = open_model(db, kOldestReadableSchema, nullptr, KeepZ::no);
    t->model = std::move(opened.model);
    const Model& m = t->model;
    bool same = m.regions.size() == labels.regions.size() &&
                m.sectors.size() == labels.sectors.size() &&
                m.stressors.size() == labels.stressors.size();
    for (size_t r = 0; same && r < m.regions.size(); ++r)
        same = m.regions[r].code == labels.regions[r].code;
    for (size_t k = 0; same && k < m.sectors.size(); ++k)
        same = m.sectors[k].code == labels.sectors[k].code;
    if (!same) throw ModelError(db.path(), 0, "its labels changed since the exhibit opened it");
    if (m.stressors.empty()) throw ModelError(db.path(), 0, "the model has no stressor");
    t->leontief = std::move(opened.leontief);
    for (int s = 0; s < static_cast<int>(m.stressors.size()); ++s)
        t->tracers.push_back(std::make_unique<Tracer>(
            m, *t->leontief, s, std::vector<IntensityScale>{}, kStoredStages,
            opened.stage_rows.empty() ? nullptr : &opened.stage_rows[s],
            opened.region_rows.empty() ? StoredRegionRows{} : opened.region_rows[s]));
    return t;
}

} // namespace

struct ExhibitModel::Impl {
    Model labels; // labels and meta only: what the lists and find_*() need
    ExhibitMeta meta;
    std::vector<ExhibitRegion> regions;
    std::vector<ExhibitSector> sectors;
    std::vector<ExhibitStressor> stressors;
    int default_stressor = 0;
    int schema_version = kSchemaVersion;
    bool has_ranges = false;

    // Until the tables are read: the connection open() verified the stored factorisation
    // through, so a file replaced since (an update) is not the one read.
    mutable std::mutex load_mutex;
    mutable std::unique_ptr<sql::Db> db;
    mutable std::unique_ptr<const Tables> tables;
    mutable std::atomic<const Tables*> ready{nullptr};

    // The tables, read now if they are not yet (thread-safe; a failed read is tried again by
    // the next question). Throws ModelError naming the file.
    const Tables& loaded() const {
        if (const Tables* t = ready.load(std::memory_order_acquire)) return *t;
        std::lock_guard<std::mutex> lock(load_mutex);
        if (!tables) {
            tables = read_tables(*db, labels);
            db.reset();
            ready.store(tables.get(), std::memory_order_release);
        }
        return *tables;
    }
};

namespace {

// Per-region accounts in plain types (defined below big_picture, their first user).
std::vector<RegionAccount> region_accounts(const Model& m, const Accounts& acc, double kg);

ExhibitMeta make_meta(const Model& m) {
    ExhibitMeta meta;
    meta.name = m.meta_value("name");
    const std::string year = m.meta_value("year");
    char* end = nullptr;
    const long y = std::strtol(year.c_str(), &end, 10);
    meta.year = (!year.empty() && *end == '\0' && y > 0 && y < 10000) ? static_cast<int>(y) : 0;
    meta.currency_unit = m.meta_value("currency_unit");
    meta.yuan_per_money_unit = yuan_per_money_unit(meta.currency_unit);
    meta.source = m.meta_value("source");
    meta.license = m.meta_value("license");
    meta.caveat = m.meta_value("caveat");
    auto is_zh = [](const std::string& key) {
        return key.size() > 3 && key.compare(key.size() - 3, 3, "_zh") == 0;
    };
    for (const auto& [key, value] : m.meta)
        if ((key == "citation" || key.rfind("citation_", 0) == 0) && !is_zh(key) &&
            !value.empty()) {
            meta.citations.push_back(value);
            meta.citations_zh.push_back(m.meta_value(key + "_zh"));
        }
    meta.entries = m.meta;
    return meta;
}

// Great-circle distance between two capitals, km (haversine on a 6371 km sphere).
double distance_km(const ExhibitRegion& a, const ExhibitRegion& b) {
    constexpr double rad = std::numbers::pi / 180;
    const double dlat = (b.lat - a.lat) * rad, dlon = (b.lon - a.lon) * rad;
    const double h =
        std::sin(dlat / 2) * std::sin(dlat / 2) +
        std::cos(a.lat * rad) * std::cos(b.lat * rad) * std::sin(dlon / 2) * std::sin(dlon / 2);
    return 2 * 6371.0 * std::asin(std::min(1.0, std::sqrt(h)));
}

// Nonzero regions of a per-region vector, descending by value.
std::vector<TraceRegionShare> region_list(const Eigen::VectorXd& values, double total,
                                          double kg_per_unit) {
    std::vector<TraceRegionShare> out;
    for (int e = 0; e < values.size(); ++e)
        if (values(e) > 0)
            out.push_back(
                {e, values(e), values(e) * kg_per_unit, total > 0 ? values(e) / total : 0});
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& a, const auto& b) { return a.value > b.value; });
    return out;
}

} // namespace

ExhibitModel::ExhibitModel(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ExhibitModel::~ExhibitModel() = default;

std::unique_ptr<ExhibitModel> ExhibitModel::open(const std::string& database_path) {
    // The exhibit's traces are small and run on its own worker: BLAS threads would only compete.
    use_single_threaded_kernels();
    auto impl = std::make_unique<Impl>();
    // Older databases still open (what they lack, e.g. ranges, is simply absent).
    impl->db = open_for_reading(database_path);
    impl->labels =
        read_database(*impl->db, kOldestReadableSchema, &impl->schema_version, ModelParts::labels);
    const Model& m = impl->labels;
    if (m.stressors.empty()) throw ModelError(database_path, 0, "the model has no stressor");
    if (impl->schema_version >= 2) {
        sql::Stmt any(*impl->db, "SELECT EXISTS(SELECT 1 FROM ranges)");
        impl->has_ranges = any.next() && any.integer(0) != 0;
    }
    // Open reads only what the first screen needs. The tables wait for the first question
    // (the exhibit asks for the big picture at start, on its worker), but only once the stored
    // factorisation is known to be there and of these inputs: anything else is read, validated
    // and factorised here, so a bad database still fails at open with its reason.
    std::string why;
    if (!verify_stored_factorisation(*impl->db, m, why)) (void)impl->loaded();

    impl->meta = make_meta(m);
    for (const Region& r : m.regions) {
        ExhibitRegion e;
        e.code = r.code;
        e.name_en = r.name_en;
        e.name_zh = r.name_zh.empty() ? r.name_en : r.name_zh;
        e.external = r.kind == RegionKind::External;
        e.group = r.group;
        e.coastal = r.coastal;
        e.zone = r.zone;
        e.has_location = r.lat.has_value() && r.lon.has_value();
        e.lat = r.lat.value_or(0);
        e.lon = r.lon.value_or(0);
        impl->regions.push_back(std::move(e));
    }
    for (const Sector& s : m.sectors)
        impl->sectors.push_back({s.code, s.name_en, s.name_zh.empty() ? s.name_en : s.name_zh});
    for (const Stressor& s : m.stressors)
        impl->stressors.push_back({s.code, s.name_en, s.unit, kg_per_unit(s.unit)});
    const int co2 = m.find_stressor("CO2");
    impl->default_stressor = co2 >= 0 ? co2 : 0;
    // The path texts' word table is parsed once per process: here, not in the first trace
    // (a no-op for every later open).
    (void)word_table();
    return std::unique_ptr<ExhibitModel>(new ExhibitModel(std::move(impl)));
}

void ExhibitModel::load() const {
    (void)impl_->loaded();
}

const ExhibitMeta& ExhibitModel::meta() const {
    return impl_->meta;
}
const std::vector<ExhibitRegion>& ExhibitModel::regions() const {
    return impl_->regions;
}
const std::vector<ExhibitSector>& ExhibitModel::sectors() const {
    return impl_->sectors;
}
const std::vector<ExhibitStressor>& ExhibitModel::stressors() const {
    return impl_->stressors;
}
int ExhibitModel::default_stressor() const {
    return impl_->default_stressor;
}
int ExhibitModel::find_region(const std::string& code) const {
    return impl_->labels.find_region(code);
}
int ExhibitModel::find_sector(const std::string& code) const {
    return impl_->labels.find_sector(code);
}
int ExhibitModel::find_stressor(const std::string& code) const {
    return impl_->labels.find_stressor(code);
}

ExhibitTrace ExhibitModel::trace(const std::string& region_code, const std::string& sector_code,
                                 double amount_yuan, const ExhibitTraceOptions& options) const {
    ExhibitTrace out;
    auto fail = [](std::string why) {
        ExhibitTrace bad;
        bad.error = std::move(why);
        return bad;
    };
    const Tables* tables = nullptr;
    try {
        tables = &impl_->loaded();
    } catch (const ModelError& e) {
        return fail(e.what());
    }
    const Model& m = tables->model;
    const int region = m.find_region(region_code);
    const int sector = m.find_sector(sector_code);
    const int stressor =
        options.stressor.empty() ? impl_->default_stressor : m.find_stressor(options.stressor);
    if (region < 0) return fail("unknown region '" + region_code + "'");
    if (sector < 0) return fail("unknown sector '" + sector_code + "'");
    if (stressor < 0) return fail("unknown stressor '" + options.stressor + "'");
    if (!(amount_yuan > 0) || !std::isfinite(amount_yuan))
        return fail("the amount must be a positive number of yuan");
    const double yuan_per_unit = impl_->meta.yuan_per_money_unit;
    if (!(yuan_per_unit > 0))
        return fail("the model's currency unit '" + impl_->meta.currency_unit +
                    "' is not a yuan amount");
    const double kg = impl_->stressors[stressor].kg_per_unit;

    // What-if scaling needs its own M (one transposed solve) and supplier order.
    std::unique_ptr<Tracer> scaled;
    if (!options.scales.empty()) {
        std::vector<IntensityScale> scales;
        for (const ExhibitScale& s : options.scales) {
            IntensityScale sc;
            sc.region = s.region_code.empty() ? -1 : m.find_region(s.region_code);
            sc.sector = s.sector_code.empty() ? -1 : m.find_sector(s.sector_code);
            if (sc.region < 0 && !s.region_code.empty())
                return fail("unknown region '" + s.region_code + "' in a scale");
            if (sc.sector < 0 && !s.sector_code.empty())
                return fail("unknown sector '" + s.sector_code + "' in a scale");
            if (!(s.factor >= 0) || !std::isfinite(s.factor))
                return fail("a scale factor must be a non-negative number");
            sc.factor = s.factor;
            scales.push_back(sc);
        }
        scaled = std::make_unique<Tracer>(m, *tables->leontief, stressor, scales);
    }
    const Tracer& tracer = scaled ? *scaled : *tables->tracers[stressor];

    TraceOptions opt;
    opt.threshold = options.threshold;
    opt.max_paths = options.max_paths;
    opt.max_depth = options.max_depth;
    opt.stages = options.stages;
    opt.stage_regions = options.stage_regions;
    opt.by_node = false; // by region and sector from the stored multipliers: no LU needed
    TraceResult r;
    try {
        r = tracer.trace(region, sector, amount_yuan / yuan_per_unit, opt);
    } catch (const ModelError& e) {
        return fail(e.problem());
    }

    out.region = region;
    out.sector = sector;
    out.stressor = stressor;
    out.amount_yuan = amount_yuan;
    out.amount_model = r.amount;
    out.national_mix = r.national_mix;
    out.total = r.total;
    out.total_kg = r.total * kg;
    out.kg_per_yuan = out.total_kg / amount_yuan;
    out.share_elsewhere = r.share_elsewhere;
    out.by_region = region_list(r.by_region, r.total, kg);

    const ExhibitRegion& home = impl_->regions[region];
    if (home.has_location) {
        double weighted = 0, located = 0;
        for (const auto& e : out.by_region) {
            const ExhibitRegion& where = impl_->regions[e.region];
            if (!where.has_location) continue;
            weighted += e.value * distance_km(home, where);
            located += e.value;
        }
        out.weighted_distance_km = located > 0 ? weighted / located : 0;
    }

    for (int s = 0; s < r.by_sector.size(); ++s)
        if (r.by_sector(s) > 0)
            out.by_sector.push_back({s, r.by_sector(s), r.by_sector(s) * kg,
                                     r.total > 0 ? r.by_sector(s) / r.total : 0});
    std::stable_sort(out.by_sector.begin(), out.by_sector.end(),
                     [](const auto& a, const auto& b) { return a.value > b.value; });

    // Stages, with their regions from the tracer (the remainder is its last column).
    for (size_t k = 0; k <= r.stages.size(); ++k) {
        TraceStage st;
        st.stage = static_cast<int>(k);
        st.remainder = k == r.stages.size();
        st.value = st.remainder ? r.stage_remainder : r.stages[k];
        st.kg = st.value * kg;
        st.share = r.total > 0 ? st.value / r.total : 0;
        if (options.stage_regions)
            st.by_region =
                region_list(r.stage_regions.col(static_cast<Eigen::Index>(k)), r.total, kg);
        out.by_stage.push_back(std::move(st));
    }

    const PathWording wording{options.product_en, options.product_zh};
    auto view = [&](const Path& p) {
        TracePathView v;
        for (int node : p.nodes)
            v.nodes.push_back({m.region_of_node(node), m.sector_of_node(node)});
        v.value = p.value;
        v.kg = p.value * kg;
        v.share = r.total > 0 ? p.value / r.total : 0;
        v.text_en = describe_path(m, p.nodes, Language::English, wording);
        v.text_zh = describe_path(m, p.nodes, Language::Chinese, wording);
        return v;
    };
    for (const Path& p : r.paths) out.paths.push_back(view(p));

    // The trail's framing: the four-way split and the chains that travel.
    out.home_zone = m.regions[region].zone;
    const ZoneTotals split = zone_totals(m, r.by_region, region);
    const double part = r.total > 0 ? 1 / r.total : 0;
    out.zones = {split.home * part, split.coast * part, split.centre_west * part,
                 split.northeast * part, split.unzoned * part};
    auto chain_list = [&](const SetPaths& found) {
        TraceChainList list;
        for (const Path& p : found.paths) list.paths.push_back(view(p));
        list.share = found.total * part;
        list.unexplained = found.unexplained * part;
        return list;
    };
    if (options.chains > 0) {
        TraceOptions chain_opt = opt;
        chain_opt.max_paths = options.chains;
        const RegionMask leaving = all_but(m, region);
        for (int d = 0; d < options.chain_depths; ++d)
            out.leaving_by_depth.push_back(
                chain_list(tracer.paths_at_depth(r, leaving, d, chain_opt)));
        out.furthest_interior = out.home_zone != kZoneCentreWest;
        RegionMask far = leaving;
        if (out.furthest_interior) {
            far = zone_mask(m, kZoneCentreWest);
            far[region] = 0;
        }
        out.furthest = chain_list(tracer.paths_emitted_in(r, far, chain_opt));
    }
    out.coverage = r.coverage;
    out.unexplained = r.unexplained;
    out.nodes_visited = r.nodes_visited;
    out.search_complete = r.search_complete;
    return out;
}

BigPicture ExhibitModel::big_picture(const std::string& stressor_code) const {
    const Tables& tables = impl_->loaded();
    const Model& m = tables.model;
    BigPicture out;
    const int stressor =
        stressor_code.empty() ? impl_->default_stressor : m.find_stressor(stressor_code);
    if (stressor < 0) throw ModelError("unknown stressor '" + stressor_code + "'");
    out.stressor = stressor;
    const double kg = impl_->stressors[stressor].kg_per_unit;
    const Accounts acc = compute_accounts(m, *tables.leontief, stressor);

    // Groups and their flows come from the accounts; here they only become plain types.
    const RegionGroups groups = region_groups(m);
    for (size_t k = 0; k < groups.names.size(); ++k) {
        RegionGroup g{groups.names[k], groups.external[k], groups.members[k], !groups.external[k]};
        for (int r : g.regions)
            if (!m.regions[r].coastal) g.coastal = false;
        out.groups.push_back(std::move(g));
    }
    const int G = static_cast<int>(out.groups.size());
    const Eigen::MatrixXd flows = group_flows(m, acc, groups);
    out.total = acc.transfers.sum();
    out.total_kg = out.total * kg;
    for (int a = 0; a < G; ++a)
        for (int b = 0; b < G; ++b)
            if (flows(a, b) > 0)
                out.flows.push_back({a, b, flows(a, b), flows(a, b) * kg,
                                     out.total > 0 ? flows(a, b) / out.total : 0});
    std::stable_sort(out.flows.begin(), out.flows.end(),
                     [](const auto& x, const auto& y) { return x.value > y.value; });
    out.national_outside_share = acc.national_outside_share;

    out.regions = region_accounts(m, acc, kg);
    return out;
}

std::string ExhibitModel::check_scales(const std::vector<std::string>& specs) const {
    try {
        resolve_scales(impl_->labels, specs);
    } catch (const ModelError& e) {
        return e.problem();
    }
    return "";
}

WhatIf ExhibitModel::what_if(const WhatIfRequest& request) const {
    WhatIf out;
    const Tables* tables = nullptr;
    try {
        tables = &impl_->loaded();
    } catch (const ModelError& e) {
        out.error = e.what();
        return out;
    }
    const Model& m = tables->model;
    std::vector<IntensityScale> scales;
    try {
        scales = resolve_scales(m, request.scales);
    } catch (const ModelError& e) {
        out.error = e.problem();
        return out;
    }
    const int stressor = impl_->default_stressor;
    const double kg = impl_->stressors[stressor].kg_per_unit;
    if (!request.region.empty()) {
        const int region = m.find_region(request.region);
        const int sector = m.find_sector(request.sector);
        const double yuan_per_unit = impl_->meta.yuan_per_money_unit;
        if (region < 0 || sector < 0 || !(request.amount_yuan > 0) ||
            !std::isfinite(request.amount_yuan) || !(yuan_per_unit > 0)) {
            out.error = "what if: no product '" + request.sector + "' bought in '" +
                        request.region + "' for a positive number of yuan";
            return out;
        }
        // The product's emissions by node, s_scaled ∘ (L·y): L (and so x) does not change with
        // the intensities, which is why this equals a trace of the rebuilt model.
        const Eigen::VectorXd y =
            tables->tracers[stressor]->demand(region, sector, request.amount_yuan / yuan_per_unit);
        Eigen::VectorXd s = tables->leontief->intensities().row(stressor).transpose();
        apply_scales(m, scales, s);
        const Eigen::VectorXd e = s.cwiseProduct(tables->leontief->solve(y).col(0));
        double total = 0, home = 0;
        for (int i = 0; i < m.node_count(); ++i) {
            total += e(i);
            if (m.region_of_node(i) == region) home += e(i);
        }
        out.has_product = true;
        out.product_kg = total * kg;
        out.product_share_elsewhere = total > 0 ? (total - home) / total : 0;
    }
    const Accounts acc = compute_accounts(m, *tables->leontief, stressor, scales);
    out.regions = region_accounts(m, acc, kg);
    for (const RegionAccount& a : out.regions) {
        out.national_territorial_kg += a.territorial_kg;
        if (m.regions[a.region].kind != RegionKind::External)
            out.national_consumption_kg += a.consumption_kg;
    }
    out.national_outside_share = acc.national_outside_share;
    return out;
}

namespace {

std::vector<RegionAccount> region_accounts(const Model& m, const Accounts& acc, double kg) {
    std::vector<RegionAccount> out;
    for (int r = 0; r < static_cast<int>(m.regions.size()); ++r) {
        RegionAccount a;
        a.region = r;
        a.territorial = acc.territorial(r);
        a.consumption = acc.consumption(r);
        a.imported = acc.imported(r);
        a.exported = acc.exported(r);
        const double share = acc.emitted_elsewhere_share(r);
        a.share_elsewhere = std::isfinite(share) ? share : 0;
        a.territorial_kg = a.territorial * kg;
        a.consumption_kg = a.consumption * kg;
        out.push_back(a);
    }
    return out;
}

} // namespace

double ExhibitTrace::share_through_stage(int stages) const {
    double s = 0;
    for (const auto& st : by_stage)
        if (!st.remainder && st.stage < stages) s += st.share;
    return s;
}

std::vector<TraceRegionShare> ExhibitTrace::largest_elsewhere(std::size_t count) const {
    std::vector<TraceRegionShare> out;
    for (const auto& r : by_region)
        if (r.region != region && out.size() < count) out.push_back(r);
    return out;
}

std::vector<double> ExhibitTrace::region_shares_through_stage(int stages,
                                                              std::size_t region_count) const {
    std::vector<double> s(region_count, 0.0);
    for (const auto& st : by_stage)
        if (!st.remainder && st.stage < stages)
            for (const auto& r : st.by_region) s[static_cast<std::size_t>(r.region)] += r.share;
    return s;
}

// Ensemble ranges (second edition). Kept at the end of the file: they only read the model.
int ExhibitModel::schema_version() const {
    return impl_->schema_version;
}
bool ExhibitModel::has_ranges() const {
    return impl_->has_ranges;
}

ExhibitRange ExhibitModel::range(const std::string& quantity, const std::string& region_code,
                                 const std::string& sector_code) const {
    // Asked after a trace, so the tables are read; a failed read (said by the trace) is no range.
    const Tables* tables = nullptr;
    try {
        tables = &impl_->loaded();
    } catch (const ModelError&) {
        return {};
    }
    const Range* r = find_range(tables->model.ranges, quantity, region_code, sector_code);
    return r ? ExhibitRange{true, r->low, r->high} : ExhibitRange{};
}

ExhibitTraceRanges ExhibitModel::trace_ranges(const std::string& region_code,
                                              const std::string& sector_code) const {
    ExhibitTraceRanges out;
    out.kg_per_yuan = range("intensity_kg_per_yuan", region_code, sector_code);
    out.share_elsewhere = range("share_outside", region_code, sector_code);
    out.share_centre_west = range("share_centre_west", region_code, sector_code);
    return out;
}

const std::string& path_step_separator(bool chinese) {
    return word_table().phrase("arrow", chinese ? Language::Chinese : Language::English);
}

} // namespace ctrail

namespace ctrail {

const Model& ExhibitModelAccess::model(const ExhibitModel& m) {
    return m.impl_->loaded().model;
}

const Leontief& ExhibitModelAccess::leontief(const ExhibitModel& m) {
    return *m.impl_->loaded().leontief;
}

bool ExhibitModelAccess::tables_read(const ExhibitModel& m) {
    return m.impl_->ready.load(std::memory_order_acquire) != nullptr;
}

} // namespace ctrail
