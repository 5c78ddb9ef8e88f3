#include "exhibit_model.hpp"

#include "accounts.hpp"
#include "error.hpp"
#include "store.hpp"
#include "trace.hpp"
#include "trace_text.hpp"
#include "units.hpp"
#include "validate.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <numbers>

namespace ctrail {

struct ExhibitModel::Impl {
    Model model;
    std::unique_ptr<Leontief> leontief;
    std::vector<std::unique_ptr<Tracer>> tracers; // one per stressor, built at open
    ExhibitMeta meta;
    std::vector<ExhibitRegion> regions;
    std::vector<ExhibitSector> sectors;
    std::vector<ExhibitStressor> stressors;
    int default_stressor = 0;
    int schema_version = kSchemaVersion;
};

namespace {

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
    for (const auto& [key, value] : m.meta)
        if ((key == "citation" || key.rfind("citation_", 0) == 0) && !value.empty())
            meta.citations.push_back(value);
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
    auto impl = std::make_unique<Impl>();
    // Older databases still open; what they lack (ensemble ranges) is simply absent.
    impl->model = read_database(database_path, kOldestReadableSchema, &impl->schema_version);
    const Model& m = impl->model;
    const ValidationReport report = validate(m);
    if (!report.ok()) throw ModelError(database_path, 0, "invalid model: " + report.errors.front());
    if (m.stressors.empty()) throw ModelError(database_path, 0, "the model has no stressor");
    try {
        impl->leontief = std::make_unique<Leontief>(m);
    } catch (const ModelError& e) {
        throw ModelError(database_path, 0, e.problem());
    }
    for (int s = 0; s < static_cast<int>(m.stressors.size()); ++s)
        impl->tracers.push_back(std::make_unique<Tracer>(m, *impl->leontief, s));

    impl->meta = make_meta(m);
    for (const Region& r : m.regions) {
        ExhibitRegion e;
        e.code = r.code;
        e.name_en = r.name_en;
        e.name_zh = r.name_zh.empty() ? r.name_en : r.name_zh;
        e.external = r.kind == RegionKind::External;
        e.group = r.group;
        e.coastal = r.coastal;
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
    return std::unique_ptr<ExhibitModel>(new ExhibitModel(std::move(impl)));
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
    return impl_->model.find_region(code);
}
int ExhibitModel::find_sector(const std::string& code) const {
    return impl_->model.find_sector(code);
}
int ExhibitModel::find_stressor(const std::string& code) const {
    return impl_->model.find_stressor(code);
}

ExhibitTrace ExhibitModel::trace(const std::string& region_code, const std::string& sector_code,
                                 double amount_yuan, const ExhibitTraceOptions& options) const {
    const Model& m = impl_->model;
    ExhibitTrace out;
    auto fail = [](std::string why) {
        ExhibitTrace bad;
        bad.error = std::move(why);
        return bad;
    };
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
        scaled = std::make_unique<Tracer>(m, *impl_->leontief, stressor, scales);
    }
    const Tracer& tracer = scaled ? *scaled : *impl_->tracers[stressor];

    TraceOptions opt;
    opt.threshold = options.threshold;
    opt.max_paths = options.max_paths;
    opt.max_depth = options.max_depth;
    opt.stages = options.stages;
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

    // Stage by region: s ∘ (A^k y) summed per region; the remainder entry takes what is left of
    // each region's total, so every list still adds up exactly.
    const Eigen::VectorXd& s = tracer.intensities();
    Eigen::VectorXd stage_flow = r.demand; // A^k y
    Eigen::VectorXd left = r.by_region;
    for (size_t k = 0; k <= r.stages.size(); ++k) {
        TraceStage st;
        st.stage = static_cast<int>(k);
        st.remainder = k == r.stages.size();
        st.value = st.remainder ? r.stage_remainder : r.stages[k];
        st.kg = st.value * kg;
        st.share = r.total > 0 ? st.value / r.total : 0;
        if (options.stage_regions) {
            Eigen::VectorXd per_region = left;
            if (!st.remainder) {
                if (k > 0) stage_flow = (tracer.leontief().coefficients() * stage_flow).eval();
                per_region.setZero();
                const Eigen::VectorXd emitted = s.cwiseProduct(stage_flow);
                for (int i = 0; i < m.node_count(); ++i)
                    per_region(m.region_of_node(i)) += emitted(i);
                left -= per_region;
            }
            st.by_region = region_list(per_region, r.total, kg);
        }
        out.by_stage.push_back(std::move(st));
    }

    PathWording wording{options.product_en, options.product_zh};
    for (const Path& p : r.paths) {
        TracePathView v;
        for (int node : p.nodes)
            v.nodes.push_back({m.region_of_node(node), m.sector_of_node(node)});
        v.value = p.value;
        v.kg = p.value * kg;
        v.share = r.total > 0 ? p.value / r.total : 0;
        v.text_en = describe_path(m, p.nodes, Language::English, wording);
        v.text_zh = describe_path(m, p.nodes, Language::Chinese, wording);
        out.paths.push_back(std::move(v));
    }
    out.coverage = r.coverage;
    out.unexplained = r.unexplained;
    out.nodes_visited = r.nodes_visited;
    out.search_complete = r.search_complete;
    return out;
}

BigPicture ExhibitModel::big_picture(const std::string& stressor_code) const {
    const Model& m = impl_->model;
    BigPicture out;
    const int stressor =
        stressor_code.empty() ? impl_->default_stressor : m.find_stressor(stressor_code);
    if (stressor < 0) throw ModelError("unknown stressor '" + stressor_code + "'");
    out.stressor = stressor;
    const double kg = impl_->stressors[stressor].kg_per_unit;
    const Accounts acc = compute_accounts(m, *impl_->leontief, stressor);

    // Groups: domestic ones in first-seen order, then the external ones.
    std::vector<int> group_of(m.regions.size(), -1);
    for (bool external : {false, true}) {
        for (int r = 0; r < static_cast<int>(m.regions.size()); ++r) {
            const Region& reg = m.regions[r];
            if ((reg.kind == RegionKind::External) != external) continue;
            const std::string name = reg.group.empty() ? reg.code : reg.group;
            auto it = std::find_if(out.groups.begin(), out.groups.end(), [&](const RegionGroup& g) {
                return g.name == name && g.external == external;
            });
            if (it == out.groups.end()) {
                out.groups.push_back({name, external, {}, true});
                it = out.groups.end() - 1;
            }
            it->regions.push_back(r);
            if (!reg.coastal) it->coastal = false;
            group_of[r] = static_cast<int>(it - out.groups.begin());
        }
    }
    for (auto& g : out.groups)
        if (g.external) g.coastal = false;

    const int G = static_cast<int>(out.groups.size());
    Eigen::MatrixXd flows = Eigen::MatrixXd::Zero(G, G);
    const auto& domestic = m.domestic_regions();
    for (int e = 0; e < acc.transfers.rows(); ++e)
        for (int r = 0; r < acc.transfers.cols(); ++r)
            flows(group_of[domestic[e]], group_of[r]) += acc.transfers(e, r);
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
        out.regions.push_back(a);
    }
    return out;
}

double ExhibitTrace::share_through_stage(int stages) const {
    double s = 0;
    for (const auto& st : by_stage)
        if (!st.remainder && st.stage < stages) s += st.share;
    return s;
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
    return !impl_->model.ranges.empty();
}

ExhibitRange ExhibitModel::range(const std::string& quantity, const std::string& region_code,
                                 const std::string& sector_code) const {
    const Range* r = find_range(impl_->model.ranges, quantity, region_code, sector_code);
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

} // namespace ctrail
