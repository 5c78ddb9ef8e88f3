#include "trace.hpp"

#include "error.hpp"
#include "region_rows.hpp"

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
               const Eigen::MatrixXd* stored_stage_rows, const StoredRegionRows& stored_region_rows)
    : model_(model), leontief_(leontief), stressor_(stressor) {
    if (stressor < 0 || stressor >= static_cast<int>(model.stressors.size()))
        throw ModelError("trace: no stressor number " + std::to_string(stressor));
    s_ = leontief.intensities().row(stressor).transpose();
    scaled_ = !scales.empty();
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
    if (scales.empty()) {
        const Eigen::Index nr = static_cast<Eigen::Index>(model.regions.size()), n = s_.size();
        const auto& rows = stored_region_rows.stages;
        if (rows && rows->rows() == stage_rows_.rows() * nr && rows->cols() == n)
            region_rows_ = rows;
        const auto& mult = stored_region_rows.multipliers;
        if (mult && mult->rows() == nr && mult->cols() == n) region_m_ = mult;
        const auto& by_sector = stored_region_rows.sector_multipliers;
        if (by_sector && by_sector->rows() == model.sector_count() && by_sector->cols() == n)
            sector_m_ = by_sector;
    }
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

    r.by_region = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(m.regions.size()));
    r.by_sector = Eigen::VectorXd::Zero(m.sector_count());
    if (!options.by_node && region_m_ && sector_m_) {
        // By region R: M^R·y, by sector K: M^K·y (y has one nonzero per supplying region).
        for (Eigen::Index i = 0; i < y.size(); ++i)
            if (y(i) != 0) {
                r.by_region.noalias() += region_m_->col(i) * y(i);
                r.by_sector.noalias() += sector_m_->col(i) * y(i);
            }
    } else {
        // Emitted at each node: s ∘ (L·y), L·y by one solve.
        r.by_node = s_.cwiseProduct(leontief_.solve(y));
        for (int i = 0; i < m.node_count(); ++i) {
            r.by_region(m.region_of_node(i)) += r.by_node(i);
            r.by_sector(m.sector_of_node(i)) += r.by_node(i);
        }
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

    if (options.stage_regions) {
        // s ∘ A^k y per region; the remainder column takes what is left of each region's total,
        // so every column and every row still adds up.
        const int nr = static_cast<int>(m.regions.size());
        r.stage_regions = Eigen::MatrixXd::Zero(nr, stages + 2);
        const auto rows = scaled_ ? nullptr : region_rows();
        if (rows && rows->rows() >= static_cast<Eigen::Index>(stages + 1) * nr) {
            // (s^R·A^k)·y for every region R and stage k: y has one nonzero per supplying region.
            Eigen::VectorXd v = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(stages + 1) * nr);
            for (Eigen::Index i = 0; i < y.size(); ++i)
                if (y(i) != 0) v.noalias() += rows->col(i).head(v.size()) * y(i);
            for (int k = 0; k <= stages; ++k)
                r.stage_regions.col(k) = v.segment(static_cast<Eigen::Index>(k) * nr, nr);
        } else {
            // A one-off (scaled) tracer or more stages than cached: repeated column axpys with
            // A (not a BLAS gemv, which threads and costs ~10x more at this n on a busy machine).
            const Eigen::MatrixXd& A = leontief_.coefficients();
            Eigen::VectorXd flow = y, next(y.size());
            for (int k = 0; k <= stages; ++k) {
                if (k > 0) {
                    next.setZero();
                    for (Eigen::Index j = 0; j < A.cols(); ++j)
                        if (flow(j) != 0) next.noalias() += A.col(j) * flow(j);
                    flow.swap(next);
                }
                for (int i = 0; i < m.node_count(); ++i)
                    r.stage_regions(m.region_of_node(i), k) += s_(i) * flow(i);
            }
        }
        r.stage_regions.col(stages + 1) =
            r.by_region - r.stage_regions.leftCols(stages + 1).rowwise().sum();
    }

    SetPaths found = options.emitted_in.empty() ? search(r, options, nullptr, -1)
                                                : paths_emitted_in(r, options.emitted_in, options);
    r.paths = std::move(found.paths);
    r.paths_total = found.total;
    r.nodes_visited = found.nodes_visited;
    r.search_complete = found.search_complete;
    r.unexplained = found.unexplained;
    r.coverage = r.paths_total > 0 ? (r.paths_total - r.unexplained) / r.paths_total : 0;
    return r;
}

std::shared_ptr<const Eigen::MatrixXd> Tracer::region_rows() const {
    {
        std::lock_guard<std::mutex> lock(sets_mutex_);
        if (region_rows_) return region_rows_;
    }
    // Built outside the lock (~12 products of (regions x n) by A, a few ms once per tracer).
    auto rows = std::make_shared<const Eigen::MatrixXd>(region_stage_rows(
        model_, leontief_.coefficients(), s_, static_cast<int>(stage_rows_.rows()) - 1));
    std::lock_guard<std::mutex> lock(sets_mutex_);
    if (!region_rows_) region_rows_ = std::move(rows);
    return region_rows_;
}

std::shared_ptr<const Tracer::SetBounds> Tracer::bounds_for(const RegionMask& set) const {
    const Model& m = model_;
    if (set.size() != m.regions.size())
        throw ModelError("trace: a region set must have one flag per region (" +
                         std::to_string(m.regions.size()) + "), not " + std::to_string(set.size()));
    bool every = true;
    for (int r : m.domestic_regions()) every = every && set[r];
    if (every) return nullptr; // the tracer's own s, M and graph
    {
        std::lock_guard<std::mutex> lock(sets_mutex_);
        if (auto it = sets_.find(set); it != sets_.end()) {
            it->second.used = ++set_uses_;
            return it->second.bounds;
        }
    }
    // Built outside the lock: two threads may both build it; the first one stays.
    std::shared_ptr<const SetBounds> built;
    std::shared_ptr<const Eigen::MatrixXd> rows, mult;
    {
        std::lock_guard<std::mutex> lock(sets_mutex_);
        rows = region_rows_;
        mult = region_m_;
    }
    if (!rows || !mult) {
        // Not stored (a large model, an older database, a what-if scaled tracer): solving for
        // the set costs far less than building every region's rows for it.
        built = solve_set(set);
    } else {
        // s^set·A^k and M^set are sums of the per-region rows (both linear in s): a few
        // thousand additions per region instead of a solve and `stages` products per set. A set
        // of most regions (the exhibit's "all but the home province") is the tracer's own rows
        // less the regions outside it: fewer rows to read on a province's first trace.
        const Eigen::Index nr = static_cast<Eigen::Index>(m.regions.size());
        std::vector<Eigen::Index> members, others;
        for (int r : m.domestic_regions())
            (set[static_cast<size_t>(r)] ? members : others).push_back(r);
        const bool complement = others.size() < members.size();
        const std::vector<Eigen::Index>& add = complement ? others : members;
        const Eigen::Index n = s_.size(), stages = stage_rows_.rows();
        auto b = std::make_shared<SetBounds>();
        b->m.resize(n);
        b->rows.resize(stages, n);
        // Column by column: the stored matrices are column-major, so every read is contiguous.
        for (Eigen::Index j = 0; j < n; ++j) {
            const double* mc = mult->col(j).data();
            const double* rc = rows->col(j).data();
            double mj = 0;
            for (Eigen::Index r : add) mj += mc[r];
            b->m(j) = complement ? m_(j) - mj : mj;
            for (Eigen::Index k = 0; k < stages; ++k) {
                double v = 0;
                for (Eigen::Index r : add) v += rc[k * nr + r];
                b->rows(k, j) = complement ? stage_rows_(k, j) - v : v;
            }
        }
        if (complement) {
            // s^set is exactly s or 0 per node (row 0); the differences can round below zero
            // where the set's share is nil, and M^set >= 0 exactly.
            b->m = b->m.cwiseMax(0.0);
            for (Eigen::Index r : others)
                for (int k = 0; k < m.sector_count(); ++k)
                    b->rows(0, m.node(static_cast<int>(r), k)) = 0.0;
        }
        b->s = b->rows.row(0).transpose();
        b->max_bound = max_supplier_bounds(graph_, b->m);
        built = std::move(b);
    }
    std::lock_guard<std::mutex> lock(sets_mutex_);
    if (auto it = sets_.find(set); it != sets_.end()) return it->second.bounds; // built twice
    if (sets_.size() >= kCachedSets)
        sets_.erase(std::min_element(sets_.begin(), sets_.end(), [](const auto& a, const auto& b) {
            return a.second.used < b.second.used;
        }));
    return sets_.emplace(set, CachedSet{std::move(built), ++set_uses_}).first->second.bounds;
}

std::size_t Tracer::cached_sets() const {
    std::lock_guard<std::mutex> lock(sets_mutex_);
    return sets_.size();
}

std::shared_ptr<const Tracer::SetBounds> Tracer::solve_set(const RegionMask& set) const {
    const Model& m = model_;
    auto b = std::make_shared<SetBounds>();
    b->s = s_;
    for (int i = 0; i < m.node_count(); ++i)
        if (!set[m.region_of_node(i)]) b->s(i) = 0;
    b->m = leontief_.solve_transposed(b->s.transpose()).row(0).transpose();
    // Rounding can leave tiny negatives where s^set is zero upstream; M^set >= 0 exactly.
    b->m = b->m.cwiseMax(0.0);
    b->max_bound = max_supplier_bounds(graph_, b->m);
    b->rows.resize(stage_rows_.rows(), b->s.size());
    b->rows.row(0) = b->s.transpose();
    // Row k = (row k-1)·A as column dots, not a BLAS gemv: at the exhibit's n a threaded gemv
    // costs more than it saves (measured ~30 ms vs a few ms per province on a busy 2-core box).
    const Eigen::MatrixXd& A = leontief_.coefficients();
    Eigen::VectorXd prev = b->s;
    for (int k = 1; k < b->rows.rows(); ++k) {
        for (Eigen::Index j = 0; j < A.cols(); ++j) b->rows(k, j) = A.col(j).dot(prev);
        prev = b->rows.row(k).transpose();
    }
    return b;
}

SetPaths Tracer::search(const TraceResult& trace, const TraceOptions& options, const SetBounds* set,
                        int depth) const {
    const Eigen::VectorXd& s = set ? set->s : s_;
    const Eigen::VectorXd& y = trace.demand;
    PathSearchLimits limits;
    limits.cut = std::max(options.threshold, 0.0) * trace.total;
    limits.max_paths = std::max(options.max_paths, 0);
    limits.max_depth = std::max(options.max_depth, 0);
    limits.max_expansions = options.max_expansions;
    limits.max_prefixes = options.max_prefixes;
    SetPaths out;
    PathSearchResult found;
    if (depth < 0) {
        found = set ? search_paths_in_set(graph_, s, set->m, set->max_bound, y, limits)
                    : search_paths(graph_, s, m_, y, limits);
        out.total = set ? set->m.dot(y) : trace.total;
    } else {
        // Rows s·A^k up to `depth`: the precomputed ones, continued here when too few.
        const Eigen::MatrixXd& pre = set ? set->rows : stage_rows_;
        Eigen::MatrixXd more;
        if (depth >= pre.rows()) {
            more.resize(depth + 1, s.size());
            more.topRows(pre.rows()) = pre;
            for (int k = static_cast<int>(pre.rows()); k <= depth; ++k)
                more.row(k).noalias() = more.row(k - 1) * leontief_.coefficients();
        }
        const Eigen::MatrixXd& rows = depth >= pre.rows() ? more : pre;
        found = search_paths_at_depth(graph_, s, rows, y, depth, limits);
        out.total = rows.row(depth).dot(y);
    }
    out.paths = std::move(found.paths);
    out.nodes_visited = found.expansions;
    out.search_complete = !found.hit_cap && !found.hit_depth && !found.hit_guard;
    double listed = 0;
    for (const auto& p : out.paths) listed += p.value;
    out.unexplained = out.total - listed;
    return out;
}

SetPaths Tracer::paths_emitted_in(const TraceResult& trace, const RegionMask& set,
                                  const TraceOptions& options) const {
    const auto bounds = bounds_for(set);
    return search(trace, options, bounds.get(), -1);
}

SetPaths Tracer::paths_at_depth(const TraceResult& trace, const RegionMask& set, int depth,
                                const TraceOptions& options) const {
    if (depth < 0) throw ModelError("trace: a path depth must not be negative");
    const auto bounds = bounds_for(set);
    return search(trace, options, bounds.get(), depth);
}

TraceResult trace(const Model& model, const Leontief& leontief, int consumer_region,
                  int product_sector, double amount, int stressor, const TraceOptions& options,
                  const std::vector<IntensityScale>& scales) {
    Tracer tracer(model, leontief, stressor, scales, options.stages);
    return tracer.trace(consumer_region, product_sector, amount, options);
}

} // namespace ctrail
