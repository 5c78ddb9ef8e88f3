// A product trace (docs/MRIO.md, "A product trace"): the footprint of `amount` of one sector's
// product bought by one region's households, its exact decompositions (by emitting region,
// sector, region x sector, supply-chain stage) and its top supply-chain paths.
//
// Demand vector: y = amount · w, where w_i for the nodes i = (e, k) of the product sector k is
// the consumer region r's final demand for k from region e, summed over ALL of r's final-demand
// categories and normalised to sum 1 (the model's trade shares for r). When r buys none of k
// (or r has no final demand at all) the national mix is used instead: every region's final
// demand for k, summed; TraceResult::national_mix says so. When nobody buys k either, the
// trace fails with ModelError.
#pragma once

#include "leontief.hpp"
#include "path_search.hpp"
#include "zones.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

namespace ctrail {

struct TraceOptions {
    double threshold = 0.001; // list paths with value >= threshold · total
    int max_paths = 100;      // cap on listed paths
    int max_depth = 12;       // longest path: number of supplier steps after the product
    int stages = 12;          // stage decomposition k = 0..stages, then the remainder
    long long max_expansions = 2'000'000; // runaway guards: search effort and memory
    long long max_prefixes = 1'000'000;   // (open prefixes, ~50 bytes each)
    // List only the paths whose EMITTING node lies in these regions (zones.hpp); empty = all.
    // The threshold stays a share of the whole trace total.
    RegionMask emitted_in;
    bool stage_regions = false; // fill TraceResult::stage_regions (`stages` dense products)
    // Fill TraceResult::by_node (one solve with the LU factors). false: by_region and by_sector
    // come from the stored per-region and per-sector multipliers when the tracer has them (no
    // solve, no LU: the exhibit), and by_node stays empty.
    bool by_node = true;
};

struct TraceResult {
    int consumer_region = -1;
    int product_sector = -1;
    int stressor = -1;
    double amount = 0;         // model money unit
    bool national_mix = false; // see the header comment
    Eigen::VectorXd demand;    // y, per node

    double total = 0;           // M · y
    Eigen::VectorXd by_node;    // s_i (L y)_i: emitted at node i (region x sector, region-major;
                                // empty when TraceOptions::by_node is false and not needed)
    Eigen::VectorXd by_region;  // per region (all regions; external ones are 0)
    Eigen::VectorXd by_sector;  // per sector
    std::vector<double> stages; // s · A^k · y for k = 0..stages
    // Emitted at stage k in each region (regions x (stages + 1)), s ∘ A^k y summed per region,
    // then a last column with the remainder of each region; every column sums to its stage.
    Eigen::MatrixXd stage_regions;
    double stage_remainder = 0;   // total - sum(stages)
    double emitted_elsewhere = 0; // total - by_region(consumer)
    double share_elsewhere = 0;   // emitted_elsewhere / total (0 when total is 0)

    std::vector<Path> paths; // exact top paths, descending by value (path_search.hpp)
    double paths_total = 0;  // what the paths are drawn from: total, or emitted in emitted_in
    double coverage = 0;     // sum of path values / paths_total
    double unexplained = 0;  // paths_total - sum of path values
    long long nodes_visited = 0;
    bool search_complete = true; // false when the cap, max depth or the guard stopped it early
};

// The top paths of one region set (Tracer::paths_emitted_in, Tracer::paths_at_depth).
struct SetPaths {
    std::vector<Path> paths; // descending by value, exact
    double total = 0;        // emitted in the set (at that depth, for paths_at_depth)
    double unexplained = 0;  // total - sum of the listed path values
    long long nodes_visited = 0;
    bool search_complete = true;
};

// Per-region rows a tracer can adopt instead of computing them (unscaled, e.g. read from the
// database: store_factorisation.hpp); null or a misfit computes them on first use.
struct StoredRegionRows {
    std::shared_ptr<const Eigen::MatrixXd> stages;      // region_stage_rows (region_rows.hpp)
    std::shared_ptr<const Eigen::MatrixXd> multipliers; // region_multipliers
    // Row K = M^K = s^K·L (s zeroed outside sector K): sectors x n. With `multipliers` a trace
    // splits by region and sector without a solve.
    std::shared_ptr<const Eigen::MatrixXd> sector_multipliers;
};

// Everything about one stressor a trace reuses: intensities s (with optional what-if scaling on
// top of the Leontief's own), total intensities M (one transposed solve when scaled), s·A^k for
// the stages, and the supplier lists of the path search. Build once per model and stressor; trace()
// is const and thread-safe. Keeps references to the model and the Leontief: they must outlive it.
class Tracer {
  public:
    // `stored_stage_rows` (rows s·A^k for k = 0..precomputed_stages, unscaled, e.g. from the
    // database) skips computing them; null or a misfit computes them.
    Tracer(const Model& model, const Leontief& leontief, int stressor,
           const std::vector<IntensityScale>& scales = {}, int precomputed_stages = 12,
           const Eigen::MatrixXd* stored_stage_rows = nullptr,
           const StoredRegionRows& stored_region_rows = {});

    TraceResult trace(int consumer_region, int product_sector, double amount,
                      const TraceOptions& options = {}) const;

    // The exact top paths of a finished trace whose emitting node lies in `set` (any depth up to
    // options.max_depth), listed while worth >= options.threshold · trace.total. The bound is
    // a·M^set_j with M^set = s^set·L (s zeroed outside the set): the sum of the stored
    // per-region M^R, else one transposed solve; cached in the tracer (thread-safe).
    // options.emitted_in is ignored: `set` replaces it.
    SetPaths paths_emitted_in(const TraceResult& trace, const RegionMask& set,
                              const TraceOptions& options = {}) const;
    // The same for paths of exactly `depth` supplier steps (0 = the product's own producers);
    // SetPaths::total is then s^set·A^depth·y. options.max_depth is ignored.
    SetPaths paths_at_depth(const TraceResult& trace, const RegionMask& set, int depth,
                            const TraceOptions& options = {}) const;

    // y for the trace (see the header comment); sets *national_mix when it fell back.
    Eigen::VectorXd demand(int consumer_region, int product_sector, double amount,
                           bool* national_mix = nullptr) const;

    const Model& model() const { return model_; }
    const Leontief& leontief() const { return leontief_; }
    int stressor() const { return stressor_; }
    const Eigen::VectorXd& intensities() const { return s_; }       // s (scaled)
    const Eigen::VectorXd& total_intensities() const { return m_; } // M = s·L (scaled)
    const SupplierGraph& suppliers() const { return graph_; }
    // How many region sets' bounds are cached now (at most kCachedSets).
    std::size_t cached_sets() const;

  private:
    // s, M, supplier bounds and s·A^k restricted to a region set: ~15 n doubles per set, sums of
    // the stored per-region rows, else solved directly. The exhibit asks for two sets per home
    // province, so the cache stays small.
    struct SetBounds {
        Eigen::VectorXd s, m;
        std::vector<double> max_bound; // per node, over the model's supplier graph
        Eigen::MatrixXd rows;          // row k = s·A^k, k = 0..precomputed stages
    };
    // nullptr when the set holds every domestic region (the tracer's own s, M, graph, rows).
    std::shared_ptr<const SetBounds> bounds_for(const RegionMask& set) const;
    // Row k·regions + R = s^R·A^k (s zeroed outside region R), k = 0..precomputed stages: a
    // trace's stage-by-region table is then one pass over y's nonzeros. Stored, or built on
    // first use and cached (regions x (stages + 1) x n doubles, ~1.5 MB for the China model).
    std::shared_ptr<const Eigen::MatrixXd> region_rows() const;
    // A set's bounds by one transposed solve and `stages` row products (no stored rows).
    std::shared_ptr<const SetBounds> solve_set(const RegionMask& set) const;
    // depth < 0: any depth up to options.max_depth; else exactly that depth.
    SetPaths search(const TraceResult& trace, const TraceOptions& options, const SetBounds* set,
                    int depth) const;

    const Model& model_;
    const Leontief& leontief_;
    int stressor_;
    Eigen::VectorXd s_;
    Eigen::VectorXd m_;
    Eigen::MatrixXd stage_rows_; // row k = s·A^k
    SupplierGraph graph_;
    mutable std::mutex sets_mutex_;
    // At most kCachedSets sets, the least recently used one goes: one province's two sets are
    // ~110 KB for China and rebuilt from the stored rows in ~0.1 ms, so a cache of every
    // province a long day's visitors choose would only grow the exhibit's memory.
    static constexpr std::size_t kCachedSets = 8;
    struct CachedSet {
        std::shared_ptr<const SetBounds> bounds;
        std::uint64_t used = 0;
    };
    mutable std::map<RegionMask, CachedSet> sets_;
    mutable std::uint64_t set_uses_ = 0;                         // guarded by sets_mutex_
    mutable std::shared_ptr<const Eigen::MatrixXd> region_rows_; // guarded by sets_mutex_
    std::shared_ptr<const Eigen::MatrixXd> region_m_;            // stored M^R per region, or null
    std::shared_ptr<const Eigen::MatrixXd> sector_m_;            // stored M^K per sector, or null
    bool scaled_ = false; // built with what-if scales (usually a one-off: no caches worth it)
};

// One-shot convenience: builds a Tracer and traces once.
TraceResult trace(const Model& model, const Leontief& leontief, int consumer_region,
                  int product_sector, double amount, int stressor, const TraceOptions& options = {},
                  const std::vector<IntensityScale>& scales = {});

// Applies what-if scales to a per-node intensity vector (region index over all regions).
void apply_scales(const Model& model, const std::vector<IntensityScale>& scales,
                  Eigen::VectorXd& intensities);

} // namespace ctrail
