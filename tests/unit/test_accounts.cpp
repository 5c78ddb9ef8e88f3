#include "accounts.hpp"
#include "bundle.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

using namespace ctrail;

/* The two-region example (tests/unit/data/two-region), worked by hand.

   Regions COAST, INLAND (domestic) and ROW (external); sectors AGR, MFG, PWR.
   Gross outputs x = Z·1 + Y·1:
     C.AGR 30 (30 households)            C.MFG 80 (60 households + 20 exports)
     C.PWR 10 (6 to C.AGR + 4 hh)        I.AGR 40 (10 to COAST hh + 30 INLAND hh)
     I.MFG 32 (20 to C.MFG + 12 hh)      I.PWR 20 (10 to C.MFG + 8 to I.MFG + 2 hh)
   A (the only nonzero coefficients):
     A(C.PWR, C.AGR) = 6/30 = 0.2       A(I.PWR, C.MFG) = 10/80 = 0.125
     A(I.MFG, C.MFG) = 20/80 = 0.25     A(I.PWR, I.MFG) = 8/32 = 0.25
   A² has one entry, A(I.PWR, C.MFG)² = 0.25 · 0.25 = 0.0625 (power via I.MFG), and A³ = 0,
   so L = I + A + A²: L(I.PWR, C.MFG) = 0.125 + 0.0625 = 0.1875, L(I.MFG, C.MFG) = 0.25,
   L(C.PWR, C.AGR) = 0.2, L(I.PWR, I.MFG) = 0.25, diagonal 1.
   s = F / x: C.MFG 2/80 = 0.025, C.PWR 5/10 = 0.5, I.AGR 1/40 = 0.025, I.MFG 4/32 = 0.125,
              I.PWR 16/20 = 0.8, C.AGR 0.
   M = s L:  M(C.AGR) = 0.5·0.2 = 0.1;  M(C.MFG) = 0.025 + 0.125·0.25 + 0.8·0.1875 = 0.20625;
             M(C.PWR) = 0.5;  M(I.AGR) = 0.025;  M(I.MFG) = 0.125 + 0.8·0.25 = 0.325;  M(I.PWR) =
   0.8. Transfers T[e][r]: COAST demand (C.AGR 30, C.MFG 60, C.PWR 4, I.AGR 10): emitted in COAST:
   60·0.025 + 30·0.2·0.5 + 4·0.5 = 1.5 + 3 + 2 = 6.5 emitted in INLAND: 60·(0.125·0.25 + 0.8·0.1875)
   + 10·0.025 = 10.875 + 0.25 = 11.125 INLAND demand (I.AGR 30, I.MFG 12, I.PWR 2): all in INLAND:
   0.75 + 3.9 + 1.6 = 6.25 ROW demand (C.MFG 20): COAST 20·0.025 = 0.5, INLAND 20·0.18125 = 3.625
   Households FY: COAST 3, INLAND 1.
   territorial: COAST 2 + 5 + 3 = 10; INLAND 1 + 4 + 16 + 1 = 22; ROW 0.
   consumption: COAST 17.625 + 3 = 20.625; INLAND 6.25 + 1 = 7.25; ROW 4.125.
   imported: COAST 11.125, INLAND 0, ROW 4.125; exported: COAST 0.5, INLAND 14.75.
   COAST's share released elsewhere = 11.125 / 17.625; national outside share = 15.25 / 28. */
TEST_CASE("accounts: the hand-worked two-region example") {
    Model m = read_bundle(test::data_dir("two-region"));
    Leontief l(m);
    const int cagr = m.node(0, 0), cmfg = m.node(0, 1), cpwr = m.node(0, 2);
    const int imfg = m.node(1, 1), ipwr = m.node(1, 2), iagr = m.node(1, 0);
    CHECK(l.coefficients()(cpwr, cagr) == doctest::Approx(0.2));
    CHECK(l.coefficients()(ipwr, cmfg) == doctest::Approx(0.125));
    CHECK(l.coefficients()(imfg, cmfg) == doctest::Approx(0.25));
    CHECK(l.coefficients()(ipwr, imfg) == doctest::Approx(0.25));
    CHECK(l.coefficients().sum() == doctest::Approx(0.825));
    Eigen::MatrixXd L = l.solve(Eigen::MatrixXd::Identity(6, 6));
    CHECK(L(ipwr, cmfg) == doctest::Approx(0.1875));
    CHECK(L(imfg, cmfg) == doctest::Approx(0.25));
    CHECK(L.diagonal().isOnes(1e-12));
    CHECK(l.multipliers()(0, cagr) == doctest::Approx(0.1));
    CHECK(l.multipliers()(0, cmfg) == doctest::Approx(0.20625));
    CHECK(l.multipliers()(0, imfg) == doctest::Approx(0.325));
    CHECK(l.multipliers()(0, ipwr) == doctest::Approx(0.8));
    CHECK(l.multipliers()(0, iagr) == doctest::Approx(0.025));

    Accounts a = compute_accounts(m, l, 0);
    const int coast = 0, inland = 1, row = 2;
    CHECK(a.transfers(0, coast) == doctest::Approx(6.5));
    CHECK(a.transfers(1, coast) == doctest::Approx(11.125));
    CHECK(a.transfers(0, inland) == doctest::Approx(0).epsilon(1e-12));
    CHECK(a.transfers(1, inland) == doctest::Approx(6.25));
    CHECK(a.transfers(0, row) == doctest::Approx(0.5));
    CHECK(a.transfers(1, row) == doctest::Approx(3.625));
    CHECK(a.territorial(coast) == doctest::Approx(10));
    CHECK(a.territorial(inland) == doctest::Approx(22));
    CHECK(a.territorial(row) == 0);
    CHECK(a.consumption(coast) == doctest::Approx(20.625));
    CHECK(a.consumption(inland) == doctest::Approx(7.25));
    CHECK(a.consumption(row) == doctest::Approx(4.125));
    CHECK(a.imported(coast) == doctest::Approx(11.125));
    CHECK(a.imported(row) == doctest::Approx(4.125));
    CHECK(a.exported(coast) == doctest::Approx(0.5));
    CHECK(a.exported(inland) == doctest::Approx(14.75));
    CHECK(a.emitted_elsewhere_share(coast) == doctest::Approx(11.125 / 17.625));
    CHECK(a.national_outside_share == doctest::Approx(15.25 / 28));
}

TEST_CASE("accounts: identities hold on random productive models") {
    for (unsigned seed = 1; seed <= 20; ++seed) {
        CAPTURE(seed);
        Model m = test::random_model(2 + static_cast<int>(seed % 4), 2 + static_cast<int>(seed % 5),
                                     seed);
        Leontief l(m);
        Accounts a = compute_accounts(m, l, 0);
        const double total_f = m.F.sum();
        CHECK(a.territorial.sum() == doctest::Approx(a.consumption.sum()).epsilon(1e-9));
        CHECK(a.transfers.sum() == doctest::Approx(total_f).epsilon(1e-9));
        CHECK(a.imported.sum() == doctest::Approx(a.exported.sum()).epsilon(1e-9));
        CHECK(solve_residual(m, l) < 1e-12);
        // Against pymrio's explicit chain: consumption_r = s L y_r + FY_r.
        const int n = m.node_count();
        Eigen::MatrixXd Linv = (Eigen::MatrixXd::Identity(n, n) - l.coefficients()).inverse();
        Eigen::MatrixXd y = demand_by_region(m);
        for (int r = 0; r < static_cast<int>(m.regions.size()); ++r) {
            double expected = (l.intensities().row(0) * Linv * y.col(r))(0) + a.household(r);
            CHECK(a.consumption(r) == doctest::Approx(expected).epsilon(1e-9));
        }
    }
}
