#include "leontief.hpp"

#include "error.hpp"
#include "log.hpp"

#include <Eigen/LU>

namespace ctrail {

void Leontief::derive(const Model& model, const std::vector<IntensityScale>& scales,
                      Eigen::MatrixXd* z_storage) {
    const int n = model.node_count();
    const Eigen::MatrixXd& Z = z_storage ? *z_storage : model.Z;
    x_ = Z.rowwise().sum() + model.Y.rowwise().sum();
    Eigen::VectorXd inv_x(n);
    for (int j = 0; j < n; ++j) {
        // A node without output has no technology: its column of A (and of S) is zero.
        if (x_(j) > 0) {
            inv_x(j) = 1.0 / x_(j);
        } else {
            inv_x(j) = 0.0;
            zero_output_.push_back(j);
        }
    }
    if (z_storage) {
        // Z_ij·(1/x_j) in place: the same products, so the same bits as the copy below.
        A_ = std::move(*z_storage);
        for (int j = 0; j < n; ++j) A_.col(j) *= inv_x(j);
    } else {
        A_.noalias() = Z * inv_x.asDiagonal();
    }
    S_.noalias() = model.F * inv_x.asDiagonal();
    for (const auto& sc : scales) {
        for (int j = 0; j < n; ++j) {
            if ((sc.region < 0 || model.region_of_node(j) == sc.region) &&
                (sc.sector < 0 || model.sector_of_node(j) == sc.sector))
                S_.col(j) *= sc.factor;
        }
    }
}

Leontief::Leontief(const Model& model, const std::vector<IntensityScale>& scales) {
    const KernelThreadsFor threads(model.node_count());
    derive(model, scales);
    factorise();
    M_ = solve_transposed(S_);
}

void Leontief::factorise() const {
    const KernelThreadsFor threads(A_.rows());
    // I - A goes straight into the factor storage and is factorised there (LAPACK dgetrf when
    // Eigen is backed by LAPACKE): no second n x n matrix.
    lu_ = -A_;
    lu_.diagonal().array() += 1.0;
    Eigen::PartialPivLU<Eigen::Ref<Eigen::MatrixXd>> lu(lu_);
    // Partial pivoting never reports singularity itself; the condition estimate does.
    if (!(lu.rcond() > 1e-13))
        throw ModelError("I - A is singular (reciprocal condition number " +
                         std::to_string(lu.rcond()) + "): the model is not productive");
    perm_ = lu.permutationP();
}

Leontief::Leontief(const Model& model, LeontiefFactors stored) {
    adopt(model, std::move(stored));
    derive(model, {});
}

Leontief::Leontief(const Model& model, LeontiefFactors stored, Eigen::MatrixXd&& Z) {
    const Eigen::Index n = model.node_count();
    if (Z.rows() != n || Z.cols() != n) throw ModelError("Z does not fit the model's size");
    adopt(model, std::move(stored)); // first: a misfit throws with Z still the caller's
    derive(model, {}, &Z);
}

Leontief::Leontief(const Model& model, Eigen::MatrixXd multipliers, FactorSource later,
                   Eigen::MatrixXd* Z) {
    const Eigen::Index n = model.node_count();
    if (multipliers.rows() != model.F.rows() || multipliers.cols() != n)
        throw ModelError("stored factorisation does not fit the model's size");
    if (Z && (Z->rows() != n || Z->cols() != n))
        throw ModelError("Z does not fit the model's size");
    M_ = std::move(multipliers);
    later_ = std::move(later);
    ready_ = !later_;
    derive(model, {}, Z);
}

void Leontief::adopt(const Model& model, LeontiefFactors stored) {
    if (stored.multipliers.rows() != model.F.rows() ||
        stored.multipliers.cols() != model.node_count())
        throw ModelError("stored factorisation does not fit the model's size");
    take_factors(model.node_count(), std::move(stored.lu), std::move(stored.permutation));
    M_ = std::move(stored.multipliers);
}

void Leontief::take_factors(Eigen::Index n, Eigen::MatrixXd lu, Eigen::VectorXi permutation) const {
    if (lu.rows() != n || lu.cols() != n || permutation.size() != n)
        throw ModelError("stored factorisation does not fit the model's size");
    std::vector<char> seen(static_cast<size_t>(n), 0);
    for (Eigen::Index i = 0; i < n; ++i) {
        const int p = permutation(i);
        if (p < 0 || p >= n || seen[static_cast<size_t>(p)]++)
            throw ModelError("stored pivots are not a permutation");
    }
    lu_ = std::move(lu);
    perm_.indices() = std::move(permutation);
}

bool Leontief::factors_ready() const {
    return ready_.load(std::memory_order_acquire);
}

void Leontief::ensure_factors() const {
    if (!later_) return; // set at construction only
    std::call_once(later_once_, [this] {
        std::string why;
        std::optional<LaterFactors> f;
        try {
            f = later_(why);
            if (f) take_factors(A_.rows(), std::move(f->lu), std::move(f->permutation));
        } catch (const ModelError& e) {
            why = e.what();
            f.reset();
        }
        if (!f) {
            // The multipliers and A were verified at open: only the factors are recomputed.
            log_note("stored LU factors unusable (" + why + "): factorising instead");
            factorise();
        }
        ready_.store(true, std::memory_order_release);
    });
}

Eigen::MatrixXd Leontief::solve(const Eigen::MatrixXd& B) const {
    // (I - A) = P^-1 L U: X = U^-1 L^-1 P B, all right-hand sides in one pair of solves.
    ensure_factors();
    if (B.cols() == 1) {
        // One right-hand side (a trace): a triangular vector solve. BLAS dtrsm would first copy
        // (pack) the whole n x n factor, several times the cost of the solve itself.
        Eigen::VectorXd x = perm_ * B.col(0);
        lu_.triangularView<Eigen::UnitLower>().solveInPlace(x);
        lu_.triangularView<Eigen::Upper>().solveInPlace(x);
        return x;
    }
    const KernelThreadsFor threads(lu_.rows());
    Eigen::MatrixXd X = perm_ * B;
    lu_.triangularView<Eigen::UnitLower>().solveInPlace(X);
    lu_.triangularView<Eigen::Upper>().solveInPlace(X);
    return X;
}

Eigen::MatrixXd Leontief::solve_transposed(const Eigen::MatrixXd& C) const {
    // (I - A)^T = U^T L^T P, so (I - A)^T Z = C^T is U^T W = C^T, L^T V = W, Z = P^T V.
    ensure_factors();
    if (C.rows() == 1) {
        Eigen::VectorXd w = C.row(0).transpose(); // as in solve(): no packed copy of the factor
        lu_.triangularView<Eigen::Upper>().transpose().solveInPlace(w);
        lu_.triangularView<Eigen::UnitLower>().transpose().solveInPlace(w);
        return (perm_.transpose() * w).transpose();
    }
    const KernelThreadsFor threads(lu_.rows());
    Eigen::MatrixXd W = C.transpose();
    lu_.triangularView<Eigen::Upper>().transpose().solveInPlace(W);
    lu_.triangularView<Eigen::UnitLower>().transpose().solveInPlace(W);
    return (perm_.transpose() * W).transpose();
}

#if defined(EIGEN_USE_BLAS)
extern "C" void openblas_set_num_threads(int num_threads); // OpenBLAS's cblas.h
extern "C" int openblas_get_num_threads(void);
extern "C" char* openblas_get_corename(void);
#endif

void use_single_threaded_kernels() {
#if defined(EIGEN_USE_BLAS)
    openblas_set_num_threads(1);
#endif
}

KernelThreadsFor::KernelThreadsFor([[maybe_unused]] Eigen::Index n) {
#if defined(EIGEN_USE_BLAS)
    if (n >= kThreadedKernelsMinNodes) return;
    const int now = openblas_get_num_threads();
    if (now <= 1) return;
    restore_ = now;
    openblas_set_num_threads(1);
#endif
}

KernelThreadsFor::~KernelThreadsFor() {
#if defined(EIGEN_USE_BLAS)
    if (restore_ > 0) openblas_set_num_threads(restore_);
#endif
}

const char* linear_algebra_backend() {
#if defined(EIGEN_USE_BLAS) && defined(EIGEN_USE_LAPACKE)
    return "OpenBLAS + LAPACKE";
#else
    return "Eigen";
#endif
}

const char* dense_kernel_cpu() {
#if defined(EIGEN_USE_BLAS)
    return openblas_get_corename();
#else
    return "-";
#endif
}

Eigen::MatrixXd stage_rows(const Eigen::MatrixXd& A, const Eigen::VectorXd& s, int stages) {
    Eigen::MatrixXd rows(std::max(stages, 0) + 1, s.size());
    rows.row(0) = s.transpose();
    for (Eigen::Index k = 1; k < rows.rows(); ++k) rows.row(k).noalias() = rows.row(k - 1) * A;
    return rows;
}

} // namespace ctrail
