// Exact best-first structural path analysis (docs/MRIO.md, "A product trace").
//
// A path p = (i0 <- i1 <- ... <- id) starts at a supplying node i0 of the product (y_i0 > 0);
// i_{t+1} supplies i_t. Its value is s_id · A_{id,id-1} ··· A_{i1,i0} · y_i0. Every extension of
// a prefix ending in j with accumulated a = A··· y_i0 is worth at most a · M_j (M = s·L >= s),
// so one priority queue ordered by that bound, holding open prefixes and finished paths keyed by
// their exact value, pops the finished paths in exactly descending order and stops as soon as the
// best key falls below threshold · total. Each node keeps its largest supplier bound, so an
// expansion that cannot reach the cut skips the node's suppliers at once. (Sorting the suppliers
// instead costs ~n² log n per stressor at open, more than the scans it saves at 0.001.) Paths of
// exactly equal value come out shorter first, then in ascending order of their node sequences.
#pragma once

#include <Eigen/Dense>
#include <vector>

namespace ctrail {

// Suppliers of every node (CSR layout; only A_ij > 0). An edge's bound A_ij · M_i · (1 + slack)
// is formed when the search looks at it: storing it would cost more to build at open (and in
// memory) than the multiplication costs the few edges a search reaches. A_ij is read from A
// itself (column j is contiguous), not copied: the graph refers to A, which must outlive it.
struct SupplierGraph {
    std::vector<int> offsets;      // node j's suppliers are [offsets[j], offsets[j+1])
    std::vector<int> supplier;     // i
    std::vector<double> max_bound; // per node j: the largest A_ij · M_i · (1 + slack)
    const double* a = nullptr;     // A's data, column-major n x n
    Eigen::Index n = 0;

    const double* column(int j) const { return a + static_cast<Eigen::Index>(j) * n; }

    // A: n x n coefficients (non-negative), m: total intensities M (n).
    static SupplierGraph build(const Eigen::MatrixXd& A, const Eigen::VectorXd& m);
};

struct Path {
    std::vector<int> nodes; // i0 (the product's supplier) first, the emitting node last
    double value = 0;
    int depth() const { return static_cast<int>(nodes.size()) - 1; }
};

struct PathSearchLimits {
    double cut = 0; // list paths with value >= cut (and > 0)
    int max_paths = 100;
    int max_depth = 12;
    long long max_expansions = 2'000'000;
    long long max_prefixes = 1'000'000; // memory guard: ~50 MB of open prefixes at most
};

struct PathSearchResult {
    std::vector<Path> paths;  // descending by value
    long long expansions = 0; // prefixes expanded ("nodes visited")
    bool hit_cap = false;     // stopped at max_paths with qualifying candidates left
    bool hit_depth = false;   // some prefix at max_depth had a supplier whose bound >= cut
    bool hit_guard = false;   // stopped at max_expansions
};

// s: intensities, m: total intensities (the ones the graph was built with), y: demand.
PathSearchResult search_paths(const SupplierGraph& graph, const Eigen::VectorXd& s,
                              const Eigen::VectorXd& m, const Eigen::VectorXd& y,
                              const PathSearchLimits& limits);

// Paths whose emitter lies in a set of regions: s zeroed outside the set, m = s·L for that s, so
// the bound a·M_j counts only emissions released in the set. The graph is the model's own (its
// bounds are not used: A_ij·m_i is formed on the fly); max_bound from max_supplier_bounds(m).
PathSearchResult search_paths_in_set(const SupplierGraph& graph, const Eigen::VectorXd& s,
                                     const Eigen::VectorXd& m, const std::vector<double>& max_bound,
                                     const Eigen::VectorXd& y, const PathSearchLimits& limits);
// Per node j: the largest A_ij·m_i of its suppliers (with the bound slack).
std::vector<double> max_supplier_bounds(const SupplierGraph& graph, const Eigen::VectorXd& m);

// The top paths of exactly `depth` supplier steps, in the same exact descending order. Bound: a
// prefix of t steps ending in j is worth at most a·(s·A^(depth-t))_j, every completion together;
// rows(k) = s·A^k for k = 0..depth at least (fewer rows: no paths). limits.max_depth is unused
// and hit_depth stays false. Only graph.supplier/coefficient are used, so any graph of A will do.
PathSearchResult search_paths_at_depth(const SupplierGraph& graph, const Eigen::VectorXd& s,
                                       const Eigen::MatrixXd& rows, const Eigen::VectorXd& y,
                                       int depth, const PathSearchLimits& limits);

} // namespace ctrail
