#include "path_search.hpp"

#include <algorithm>
#include <queue>

namespace ctrail {

namespace {

// M comes from an LU solve, so M_j >= s_j + sum_i M_i A_ij holds only up to rounding; a slight
// inflation keeps every bound a true upper bound, so pruning and ordering stay exact.
constexpr double kBoundSlack = 1e-9;

struct Prefix {
    int parent; // index into the arena, -1 for a path start
    int node;
    int depth;
    double a; // A_{..} ··· y_i0
};

struct Entry {
    double key;
    int prefix;
    bool finished;   // key is the exact value of the path ending at `prefix`
    long long order; // insertion order
};

// Node sequence of a prefix, i0 first.
std::vector<int> nodes_of(const std::vector<Prefix>& arena, int prefix) {
    std::vector<int> nodes(arena[prefix].depth + 1);
    for (int k = prefix; k >= 0; k = arena[k].parent) nodes[arena[k].depth] = arena[k].node;
    return nodes;
}

// "x pops after y". Equal keys: an open prefix before a finished path (its extensions might
// equal the path's value); finished paths of equal value in the canonical order (shorter first,
// then by node sequence), so ties come out the same whatever order they were found in. Exact
// ties are real: in a cycle, A_01·A_10·A_00 and A_00·A_01·A_10 round alike.
struct EntryLess {
    const std::vector<Prefix>* arena;
    bool operator()(const Entry& x, const Entry& y) const {
        if (x.key != y.key) return x.key < y.key;
        if (x.finished != y.finished) return x.finished;
        if (x.finished) {
            const Prefix &px = (*arena)[x.prefix], &py = (*arena)[y.prefix];
            if (px.depth != py.depth) return px.depth > py.depth;
            return nodes_of(*arena, x.prefix) > nodes_of(*arena, y.prefix);
        }
        return x.order > y.order;
    }
};

} // namespace

SupplierGraph SupplierGraph::build(const Eigen::MatrixXd& A, const Eigen::VectorXd& m) {
    const int n = static_cast<int>(A.rows());
    SupplierGraph g;
    g.offsets.resize(static_cast<size_t>(n) + 1);
    g.max_bound.resize(static_cast<size_t>(n));
    // One pass to size the arrays exactly: no regrowth, every page is touched once.
    size_t nonzeros = 0;
    for (Eigen::Index k = 0; k < A.size(); ++k) nonzeros += A.data()[k] > 0;
    // One spare slot: every entry is written and only the nonzeros advance the end, so the
    // loop has no branch to mispredict on a 30-70 % dense A.
    g.supplier.resize(nonzeros + 1);
    g.a = A.data();
    g.n = n;
    g.offsets[0] = 0;
    int* out = g.supplier.data();
    size_t end = 0;
    for (int j = 0; j < n; ++j) {
        const double* a = A.col(j).data();
        double best = 0;
        for (int i = 0; i < n; ++i) {
            out[end] = i;
            end += a[i] > 0;
            // A zero entry adds a zero product, which cannot raise best (>= 0).
            best = std::max(best, a[i] * m(i) * (1 + kBoundSlack));
        }
        g.max_bound[static_cast<size_t>(j)] = best;
        g.offsets[static_cast<size_t>(j) + 1] = static_cast<int>(end);
    }
    g.supplier.resize(nonzeros);
    return g;
}

namespace {

// The best-first loop shared by both searches. The policy says where paths finish, what a start
// or an edge is worth at most, and when a prefix may not grow; the queue, the exact ordering
// and the guards stay in one place.
template <class Policy>
PathSearchResult best_first(const SupplierGraph& graph, const Eigen::VectorXd& y,
                            const PathSearchLimits& limits, const Policy& policy) {
    PathSearchResult out;
    const double cut = limits.cut;
    // Only positive values count: with a cut of 0, zero-valued paths are not "paths".
    auto qualifies = [cut](double key) { return key > 0 && key >= cut; };

    std::vector<Prefix> arena;
    arena.reserve(1024);
    std::vector<Entry> storage;
    storage.reserve(1024);
    std::priority_queue<Entry, std::vector<Entry>, EntryLess> open(EntryLess{&arena},
                                                                   std::move(storage));
    long long order = 0;

    for (int i = 0; i < y.size(); ++i) {
        if (!(y(i) > 0)) continue;
        const double key = policy.start_bound(i, y(i));
        if (!qualifies(key)) continue;
        arena.push_back({-1, i, 0, y(i)});
        open.push({key, static_cast<int>(arena.size()) - 1, false, order++});
    }

    while (!open.empty()) {
        if (static_cast<int>(out.paths.size()) >= limits.max_paths) {
            out.hit_cap = true;
            break;
        }
        Entry top = open.top();
        open.pop();
        const Prefix p = arena[top.prefix];
        if (top.finished) {
            out.paths.push_back({nodes_of(arena, top.prefix), top.key});
            continue;
        }
        if (out.expansions >= limits.max_expansions ||
            static_cast<long long>(arena.size()) >= limits.max_prefixes) {
            out.hit_guard = true;
            break;
        }
        ++out.expansions;
        if (policy.finishes(p.depth)) {
            const double value = p.a * policy.s(p.node);
            if (qualifies(value)) open.push({value, top.prefix, true, order++});
        }

        // Nothing below this node can reach the cut: skip its suppliers without looking.
        if (!qualifies(policy.node_bound(p.a, p.node, p.depth))) continue;
        if (p.depth >= policy.last_depth()) {
            out.hit_depth = true;
            continue;
        }
        const double* column = graph.column(p.node);
        for (int e = graph.offsets[p.node], end = graph.offsets[p.node + 1]; e < end; ++e) {
            const int i = graph.supplier[e];
            const double key = policy.edge_bound(p.a, column[i], i, p.depth);
            if (!qualifies(key)) continue;
            arena.push_back({top.prefix, i, p.depth + 1, p.a * column[i]});
            open.push({key, static_cast<int>(arena.size()) - 1, false, order++});
        }
    }
    return out;
}

// Any depth up to max_depth: a prefix ending in j is worth at most a·M_j.
struct AnyDepth {
    const SupplierGraph& graph;
    const Eigen::VectorXd& s_;
    const Eigen::VectorXd& m;
    int max_depth;
    double s(int node) const { return s_(node); }
    double start_bound(int i, double yi) const { return yi * m(i) * (1 + kBoundSlack); }
    bool finishes(int) const { return true; }
    double node_bound(double a, int node, int) const { return a * graph.max_bound[node]; }
    int last_depth() const { return max_depth; }
    double edge_bound(double a, double coefficient, int supplier, int) const {
        return a * (coefficient * m(supplier) * (1 + kBoundSlack));
    }
};

// Any depth, emitters in a region set: the main graph's suppliers with bounds A_ij·M^set_i made
// on the fly, so a set costs n doubles of bounds, not a second copy of the graph.
struct AnyDepthInSet {
    const SupplierGraph& graph;
    const Eigen::VectorXd& s_;
    const Eigen::VectorXd& m;
    const std::vector<double>& max_bound;
    int max_depth;
    double s(int node) const { return s_(node); }
    double start_bound(int i, double yi) const { return yi * m(i) * (1 + kBoundSlack); }
    bool finishes(int) const { return true; }
    double node_bound(double a, int node, int) const { return a * max_bound[node]; }
    int last_depth() const { return max_depth; }
    double edge_bound(double a, double coefficient, int supplier, int) const {
        return a * (coefficient * m(supplier) * (1 + kBoundSlack));
    }
};

// Exactly `depth` steps: a prefix of t steps ending in j is worth at most a·(s·A^(depth-t))_j,
// the sum over all its completions (rows(k) = s·A^k). It finishes only at `depth`.
struct ExactDepth {
    const SupplierGraph& graph;
    const Eigen::VectorXd& s_;
    const Eigen::MatrixXd& rows;
    int depth;
    double s(int node) const { return s_(node); }
    double start_bound(int i, double yi) const { return yi * rows(depth, i) * (1 + kBoundSlack); }
    bool finishes(int t) const { return t == depth; }
    double node_bound(double a, int node, int t) const {
        return t < depth ? a * rows(depth - t, node) * (1 + kBoundSlack) : 0.0;
    }
    int last_depth() const { return depth; }
    double edge_bound(double a, double coefficient, int supplier, int t) const {
        return a * coefficient * rows(depth - t - 1, supplier) * (1 + kBoundSlack);
    }
};

} // namespace

PathSearchResult search_paths(const SupplierGraph& graph, const Eigen::VectorXd& s,
                              const Eigen::VectorXd& m, const Eigen::VectorXd& y,
                              const PathSearchLimits& limits) {
    return best_first(graph, y, limits, AnyDepth{graph, s, m, limits.max_depth});
}

std::vector<double> max_supplier_bounds(const SupplierGraph& graph, const Eigen::VectorXd& m) {
    const int n = static_cast<int>(graph.offsets.size()) - 1;
    std::vector<double> out(static_cast<size_t>(std::max(n, 0)), 0.0);
    for (int j = 0; j < n; ++j) {
        const double* column = graph.column(j);
        for (int e = graph.offsets[j]; e < graph.offsets[j + 1]; ++e)
            out[j] = std::max(out[j],
                              column[graph.supplier[e]] * m(graph.supplier[e]) * (1 + kBoundSlack));
    }
    return out;
}

PathSearchResult search_paths_in_set(const SupplierGraph& graph, const Eigen::VectorXd& s,
                                     const Eigen::VectorXd& m, const std::vector<double>& max_bound,
                                     const Eigen::VectorXd& y, const PathSearchLimits& limits) {
    return best_first(graph, y, limits, AnyDepthInSet{graph, s, m, max_bound, limits.max_depth});
}

PathSearchResult search_paths_at_depth(const SupplierGraph& graph, const Eigen::VectorXd& s,
                                       const Eigen::MatrixXd& rows, const Eigen::VectorXd& y,
                                       int depth, const PathSearchLimits& limits) {
    if (depth < 0 || depth >= rows.rows()) return {};
    return best_first(graph, y, limits, ExactDepth{graph, s, rows, depth});
}

} // namespace ctrail
