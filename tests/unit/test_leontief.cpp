#include "leontief.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

using namespace ctrail;

// One region, two sectors, with Z and Y chosen so that A is Miller & Blair's (2009) example.
static Model miller_blair() {
    Model m;
    m.meta = {{"name", "Miller & Blair"}, {"currency_unit", "$"}};
    m.regions = {{"R", "Region", "", RegionKind::Domestic, "", false, {}, {}, ""}};
    m.sectors = {{"S1", "Sector 1", ""}, {"S2", "Sector 2", ""}};
    m.categories = {"final"};
    m.stressors = {{"CO2", "Carbon dioxide", "t"}};
    m.index();
    m.Z.resize(2, 2);
    m.Z << 150, 500, 200, 100; // x = (1000, 2000)
    m.Y.resize(2, 1);
    m.Y << 350, 1700;
    m.F.resize(1, 2);
    m.F << 100, 300;
    m.FY = Eigen::MatrixXd::Zero(1, 1);
    return m;
}

TEST_CASE("Leontief: Miller & Blair's two-sector example") {
    Model m = miller_blair();
    Leontief l(m);
    CHECK(l.output()(0) == doctest::Approx(1000));
    CHECK(l.output()(1) == doctest::Approx(2000));
    CHECK(l.coefficients()(0, 0) == doctest::Approx(0.15));
    CHECK(l.coefficients()(0, 1) == doctest::Approx(0.25));
    CHECK(l.coefficients()(1, 0) == doctest::Approx(0.2));
    CHECK(l.coefficients()(1, 1) == doctest::Approx(0.05));
    Eigen::MatrixXd L = l.solve(Eigen::MatrixXd::Identity(2, 2));
    CHECK(L(0, 0) == doctest::Approx(1.25412541).epsilon(1e-8));
    CHECK(L(0, 1) == doctest::Approx(0.330033).epsilon(1e-6));
    CHECK(L(1, 0) == doctest::Approx(0.2640264).epsilon(1e-7));
    CHECK(L(1, 1) == doctest::Approx(1.12211221).epsilon(1e-8));
    // M = s L with s = (0.1, 0.15)
    CHECK(l.multipliers()(0, 0) == doctest::Approx(0.1 * L(0, 0) + 0.15 * L(1, 0)));
    CHECK(l.multipliers()(0, 1) == doctest::Approx(0.1 * L(0, 1) + 0.15 * L(1, 1)));
}

TEST_CASE("Leontief: transposed solves agree with the explicit inverse on random models") {
    for (unsigned seed = 1; seed <= 5; ++seed) {
        Model m = test::random_model(3, 4, seed);
        Leontief l(m);
        const int n = m.node_count();
        Eigen::MatrixXd Linv = (Eigen::MatrixXd::Identity(n, n) - l.coefficients()).inverse();
        Eigen::MatrixXd C = Eigen::MatrixXd::Random(2, n);
        CHECK((l.solve_transposed(C) - C * Linv).cwiseAbs().maxCoeff() < 1e-10);
        CHECK((l.multipliers() - l.intensities() * Linv).cwiseAbs().maxCoeff() < 1e-10);
    }
}

TEST_CASE("Leontief: zero-output nodes get a zero column and are reported") {
    Model m = test::random_model(2, 3, 7);
    // Make node 4 produce nothing: no inputs, no deliveries, no final demand, no emissions.
    m.Z.row(4).setZero();
    m.Z.col(4).setZero();
    m.Y.row(4).setZero();
    m.F.col(4).setZero();
    Leontief l(m);
    REQUIRE(l.zero_output_nodes().size() == 1);
    CHECK(l.zero_output_nodes()[0] == 4);
    CHECK(l.coefficients().col(4).isZero());
}

TEST_CASE("Leontief: intensity scaling multiplies the chosen node's intensity only") {
    Model m = test::random_model(2, 3, 11);
    Leontief base(m);
    Leontief scaled(m, {IntensityScale{1, 2, 0.5}});
    int node = m.node(1, 2);
    CHECK(scaled.intensities()(0, node) == doctest::Approx(0.5 * base.intensities()(0, node)));
    CHECK(scaled.intensities()(0, 0) == doctest::Approx(base.intensities()(0, 0)));
    Eigen::MatrixXd S = base.intensities();
    S(0, node) *= 0.5;
    CHECK((scaled.multipliers() - base.solve_transposed(S)).cwiseAbs().maxCoeff() < 1e-12);
}

#if defined(EIGEN_USE_BLAS)
extern "C" void openblas_set_num_threads(int num_threads);
extern "C" int openblas_get_num_threads(void);

TEST_CASE("Leontief: small problems run their kernels on one thread, then the count is restored") {
    const int before = openblas_get_num_threads();
    openblas_set_num_threads(2);
    if (openblas_get_num_threads() == 2) { // a build limited to one thread has nothing to test
        {
            const KernelThreadsFor small(kThreadedKernelsMinNodes - 1);
            CHECK(openblas_get_num_threads() == 1);
        }
        CHECK(openblas_get_num_threads() == 2);
        {
            const KernelThreadsFor large(kThreadedKernelsMinNodes);
            CHECK(openblas_get_num_threads() == 2);
        }
        // A factorisation and its solves leave the caller's count as they found it.
        const Model m = test::random_model(3, 4, 12);
        const Leontief l(m);
        (void)l.solve(Eigen::MatrixXd::Ones(m.node_count(), 2));
        CHECK(openblas_get_num_threads() == 2);
    }
    openblas_set_num_threads(1);
    {
        const KernelThreadsFor small(10);
        CHECK(openblas_get_num_threads() == 1);
    }
    CHECK(openblas_get_num_threads() == 1); // never raised
    openblas_set_num_threads(before);
}
#endif
