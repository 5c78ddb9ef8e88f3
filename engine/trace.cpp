#include "trace.hpp"

#include "error.hpp"

#include <algorithm>
#include <string>

namespace ctrail {

void apply_scales(const Model& model, const std::vector<IntensityScale>& scales,
                  Eigen::VectorXd& intensities) {
    for (const auto& sc : scales)
        for (int i = 0; i < model.node_count(); ++i)
            if ((sc.region < 0 || model.region_of_node(i) == sc.region) &&
                (sc.sector < 0 || model.sector_of_node(i) == sc.sector))
                intensities(i) *= sc.factor;
}

Tracer::Tracer(const Model& model, const Leontief& leontief, int stressor,
               const std::vector<IntensityScale>& scales, int precomputed_stages,
               const Eigen::MatrixXd* stored_stage_rows)
    : model_(model), leontief_(leontief), stressor_(stressor) {
    if (stressor < 0 || stressor >= static_cast<int>(model.stressors.size()))
        throw ModelError("trace: no stressor number " + std::to_string(stressor));
    s_ = leontief.intensities().row(stressor).transpose();
    if (scales.empty()) {
        m_ = leontief.multipliers().row(stressor).transpose();
    } else {
        apply_scales(model, scales, s_);
        // M for the scaled s: one transposed solve against the existing factorisation.
        m_ = leontief.solve_transposed(s_.transpose()).row(0).transpose();
    }
    const Eigen::MatrixXd& A = leontief.coefficients();
    if (scales.empty() && stored_stage_rows &&
        stored_stage_rows->rows() == std::max(precomputed_stages, 0) + 1 &&
        stored_stage_rows->cols() == s_.size())
        stage_rows_ = *stored_stage_rows;
    else
        stage_rows_ = stage_rows(A, s_, precomputed_stages);
    graph_ = SupplierGraph::build(A, m_);
}

Eigen::VectorXd Tracer::demand(int consumer_region, int product_sector, double amount,
                               bool* national_mix) const {
    const Model& m = model_;
    if (consumer_region < 0 || consumer_region >= static_cast<int>(m.regions.size()))
        throw ModelError("trace: no region number " + std::to_string(consumer_region));
    if (product_sector < 0 || product_sector >= m.sector_count())
        throw ModelError("trace: no sector number " + std::to_string(product_sector));

    // w over the supplying regions e: Y[(e, k), (r, c)] summed over the categories c.
    Eigen::VectorXd y = Eigen::VectorXd::Zero(m.node_count());
    auto add_consumer = [&](int r) {
        for (int e : m.domestic_regions()) {
            const int i = m.node(e, product_sector);
            for (int c = 0; c < m.category_count(); ++c) y(i) += m.Y(i, m.y_column(r, c));
        }
    };
    add_consumer(consumer_region);
    bool fallback = !(y.sum() > 0);
    if (fallback) {
        y.setZero();
        for (int r = 0; r < static_cast<int>(m.regions.size()); ++r) add_consumer(r);
        if (!(y.sum() > 0))
            throw ModelError("trace: nobody buys sector " + m.sectors[product_sector].code +
                             " as final demand, so it has no supply mix");
    }
    if (national_mix) *national_mix = fallback;
    y *= amount / y.sum();
    return y;
}

TraceResult Tracer::trace(int consumer_region, int product_sector, double amount,
                          const TraceOptions& options) const {
    const Model& m = model_;
    TraceResult r;
    r.consumer_region = consumer_region;
    r.product_sector = product_sector;
    r.stressor = stressor_;
    r.amount = amount;
    r.demand = demand(consumer_region, product_sector, amount, &r.national_mix);
    const Eigen::VectorXd& y = r.demand;

    r.total = m_.dot(y);

    // Emitted at each node: s ∘ (L·y), L·y by one solve.
    r.by_node = s_.cwiseProduct(leontief_.solve(y));
    r.by_region = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(m.regions.size()));
    r.by_sector = Eigen::VectorXd::Zero(m.sector_count());
    for (int i = 0; i < m.node_count(); ++i) {
        r.by_region(m.region_of_node(i)) += r.by_node(i);
        r.by_sector(m.sector_of_node(i)) += r.by_node(i);
    }
    r.emitted_elsewhere = r.total - r.by_region(consumer_region);
    r.share_elsewhere = r.total > 0 ? r.emitted_elsewhere / r.total : 0;

    // Stages: s·A^k·y from the precomputed rows s·A^k (y has one nonzero per supplying region).
    const int stages = std::max(options.stages, 0);
    r.stages.reserve(stages + 1);
    double stage_sum = 0;
    Eigen::RowVectorXd row;
    for (int k = 0; k <= stages; ++k) {
        double v;
        if (k < stage_rows_.rows()) {
            v = stage_rows_.row(k).dot(y);
        } else {
            // Beyond the precomputed stages: continue the row recursion locally.
            if (row.size() == 0) row = stage_rows_.row(stage_rows_.rows() - 1);
            row = (row * leontief_.coefficients()).eval();
            v = row.dot(y);
        }
        r.stages.push_back(v);
        stage_sum += v;
    }
    r.stage_remainder = r.total - stage_sum;

    PathSearchLimits limits;
    limits.cut = std::max(options.threshold, 0.0) * r.total;
    limits.max_paths = std::max(options.max_paths, 0);
    limits.max_depth = std::max(options.max_depth, 0);
    limits.max_expansions = options.max_expansions;
    limits.max_prefixes = options.max_prefixes;
    PathSearchResult found = search_paths(graph_, s_, m_, y, limits);
    r.paths = std::move(found.paths);
    r.nodes_visited = found.expansions;
    r.search_complete = !found.hit_cap && !found.hit_depth && !found.hit_guard;
    double listed = 0;
    for (const auto& p : r.paths) listed += p.value;
    r.coverage = r.total > 0 ? listed / r.total : 0;
    r.unexplained = r.total - listed;
    return r;
}

TraceResult trace(const Model& model, const Leontief& leontief, int consumer_region,
                  int product_sector, double amount, int stressor, const TraceOptions& options,
                  const std::vector<IntensityScale>& scales) {
    Tracer tracer(model, leontief, stressor, scales, options.stages);
    return tracer.trace(consumer_region, product_sector, amount, options);
}

} // namespace ctrail
