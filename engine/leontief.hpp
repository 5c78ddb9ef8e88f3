// Derived quantities of a model and the one LU factorisation of (I - A) everything else reuses.
// No explicit inverse is ever formed: L·b and c·L are triangular solves against the factors.
#pragma once

#include "model.hpp"

#include <atomic>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace ctrail {

// Multiplies one node's (or a whole region's / sector's) intensity for "what if" questions.
// region or sector < 0 means "every region" / "every sector".
struct IntensityScale {
    int region = -1;
    int sector = -1;
    double factor = 1.0;
};

// What the factorisation step produces beyond x, A and S (cheap to recompute): the database
// stores it so that opening a model reads instead of factorising (store_factorisation.hpp).
struct LeontiefFactors {
    // P·(I - A) = L·U packed in one matrix: L (unit diagonal) below, U on and above the diagonal.
    Eigen::MatrixXd lu;
    Eigen::VectorXi permutation; // indices of the row permutation P (Eigen's PermutationMatrix)
    Eigen::MatrixXd multipliers; // M = S·L, stressors x nodes
};

// The LU factors and pivots of stored factorisation, read when first needed (what-if scaling,
// restricted searches, accounts): an exhibit's open and its traces do without them. nullopt,
// with the reason in `why`, makes the Leontief factorise its own A instead (logged).
struct LaterFactors {
    Eigen::MatrixXd lu;
    Eigen::VectorXi permutation;
};
using FactorSource = std::function<std::optional<LaterFactors>(std::string& why)>;

class Leontief {
  public:
    // Computes x, A, S, factorises (I - A) in place and M = S·L. Throws ModelError when (I - A)
    // is singular.
    explicit Leontief(const Model& model, const std::vector<IntensityScale>& scales = {});
    // Computes x, A, S and adopts stored factors instead of factorising. Throws ModelError when
    // their sizes do not fit the model or the permutation is not one.
    Leontief(const Model& model, LeontiefFactors stored);
    // The same, forming A in `Z`'s storage (the model's Z, moved out by a caller that needs Z no
    // more, e.g. the exhibit): one n x n matrix fewer to allocate and fault in at open.
    Leontief(const Model& model, LeontiefFactors stored, Eigen::MatrixXd&& Z);
    // Adopts stored multipliers now and the LU factors from `later` on first use (thread-safe);
    // A in `*Z`'s storage when Z is not null (as above). Throws ModelError when the multipliers
    // do not fit the model.
    Leontief(const Model& model, Eigen::MatrixXd multipliers, FactorSource later,
             Eigen::MatrixXd* Z = nullptr);
    Leontief(const Leontief&) = delete;
    Leontief& operator=(const Leontief&) = delete;

    const Eigen::VectorXd& output() const { return x_; }       // x = Z·1 + Y·1
    const Eigen::MatrixXd& coefficients() const { return A_; } // A = Z·diag(x)^-1
    const Eigen::MatrixXd& intensities() const { return S_; }  // S = F·diag(x)^-1 (scaled)
    const Eigen::MatrixXd& multipliers() const { return M_; }  // M = S·L
    const std::vector<int>& zero_output_nodes() const { return zero_output_; }
    // See LeontiefFactors::lu. Stored factors not yet read are read (or factorised) first.
    const Eigen::MatrixXd& lu() const {
        ensure_factors();
        return lu_;
    }
    Eigen::VectorXi permutation() const {
        ensure_factors();
        return perm_.indices();
    }
    // Whether the LU factors are in memory (false until first use when read later).
    bool factors_ready() const;

    // L·B (columns of B are final-demand vectors), by solving (I - A) X = B.
    Eigen::MatrixXd solve(const Eigen::MatrixXd& B) const;
    // C·L (rows of C are intensity vectors), by solving (I - A)^T X^T = C^T.
    Eigen::MatrixXd solve_transposed(const Eigen::MatrixXd& C) const;

  private:
    // x, S and A; A in `z_storage` when given (it holds the model's Z), else a new matrix.
    void derive(const Model& model, const std::vector<IntensityScale>& scales,
                Eigen::MatrixXd* z_storage = nullptr);
    // Checks the stored factors against the model's sizes and takes them.
    void adopt(const Model& model, LeontiefFactors stored);
    // Takes LU and pivots when they fit n nodes, else throws ModelError.
    void take_factors(Eigen::Index n, Eigen::MatrixXd lu, Eigen::VectorXi permutation) const;
    // Factorises I - A into lu_ and perm_. Throws ModelError when singular.
    void factorise() const;
    // Reads the later factors once (or factorises when they cannot be used).
    void ensure_factors() const;

    Eigen::VectorXd x_;
    Eigen::MatrixXd A_;
    Eigen::MatrixXd S_;
    Eigen::MatrixXd M_;
    // Filled at construction, or once by ensure_factors() from later_ (hence mutable).
    mutable Eigen::MatrixXd lu_;
    mutable Eigen::PermutationMatrix<Eigen::Dynamic, Eigen::Dynamic, int> perm_;
    FactorSource later_;
    mutable std::once_flag later_once_;
    mutable std::atomic<bool> ready_{true};
    std::vector<int> zero_output_;
};

// Which dense kernels this build uses: "OpenBLAS + LAPACKE" (CTRAIL_USE_BLAS) or "Eigen".
const char* linear_algebra_backend();

// The CPU kernels OpenBLAS picked at load time (its core name, e.g. "Haswell", "SkylakeX",
// "CortexA72"; "Prescott" is its generic x86 fallback for a CPU it does not recognise, which
// OPENBLAS_CORETYPE overrides), or "-" in an Eigen-only build.
const char* dense_kernel_cpu();

// Keeps the dense kernels on the calling thread. At the exhibit's size (n = 450) OpenBLAS's own
// threads cost more than they save and compete with the frame and the trace worker (measured
// 10x slower stage products on a busy 2-core machine). No effect on an Eigen-only build.
void use_single_threaded_kernels();

// Below this many nodes a factorisation or solve runs its dense kernels on one thread: at
// n = 450 OpenBLAS's second thread made open + factorise + accounts 3x slower on a loaded 2-core
// machine (docs/BENCHMARKS.md); above it, the caller's thread count stands.
inline constexpr Eigen::Index kThreadedKernelsMinNodes = 1000;

// For its lifetime, one kernel thread when n < kThreadedKernelsMinNodes (restored after); never
// raises the count. The count is process-wide: meant for one thread doing the algebra (ctrail,
// bench); the exhibit sets one thread for good (use_single_threaded_kernels), so this is a no-op
// there.
class KernelThreadsFor {
  public:
    explicit KernelThreadsFor(Eigen::Index n);
    ~KernelThreadsFor();
    KernelThreadsFor(const KernelThreadsFor&) = delete;
    KernelThreadsFor& operator=(const KernelThreadsFor&) = delete;

  private:
    int restore_ = 0; // the count to restore, 0 when unchanged
};

// Rows s·A^k for k = 0..stages: supply-chain stage k of intensities s (docs/MRIO.md). A trace's
// stage decomposition is a dot product with them; the database stores them per stressor.
Eigen::MatrixXd stage_rows(const Eigen::MatrixXd& A, const Eigen::VectorXd& s, int stages);

} // namespace ctrail
