#!/usr/bin/python3
"""Step 3 (final_demand.py): each province's category totals equal its published statistics
times the category's scale factor (to 1e-6), the national table's category totals are preserved,
and goods exports add up to the national exports per sector and to customs per province."""

import math
import sys
import unittest

import common
import build_model
import model
import sources


def built(year, basis):
    params = dict(build_model.load_params(build_model.params_path(year)), final_demand=basis)
    return model.build(common.sources(), year, params)


class FinalDemand(unittest.TestCase):
    def check(self, year, basis):
        m = built(year, basis)
        fd = m["diag"]["final_demand"]
        R, N, C = m["R"], m["N"], len(m["categories"])
        names = [r["name_en"] for r in m["regions"][:R]]
        _, stats = sources.read_expenditure(common.sources(), year,
                                            {"balanced": "bal", "raw": "raw"}[basis])
        cats = list(model.final_demand.ITEM.items())
        for k, (cat, item) in enumerate(cats):
            kept = [max(stats[n][item], 0.0) for n in names]
            scale = fd["scale"][cat]
            total = 0.0
            for q in range(R):
                # Y before rounding: every origin's supply of the province's demand, summed.
                got = math.fsum(m["Y"][p * N + i][q * C + k] for p in range(R) for i in range(N))
                want = kept[q] * scale
                self.assertLessEqual(abs(got - want), 1e-6 * max(1.0, want),
                                     f"{year} {basis} {names[q]} {cat}: {got} vs {want}")
                total += got
            national = fd["national_total"][cat]
            self.assertLessEqual(abs(total - national), 1e-6 * national, f"{year} {cat}")
        ex = m["categories"].index("exports")
        exports = [[m["Y"][p * N + i][R * C + ex] for i in range(N)] for p in range(R)]
        for i in range(N):
            got = math.fsum(exports[p][i] for p in range(R))
            want = fd["national_exports"][i]
            self.assertLessEqual(abs(got - want), 1e-6 * max(1.0, want), f"{year} exports {i}")
        goods_total = math.fsum(fd["national_exports"][i] for i in fd["goods"])
        customs = math.fsum(fd["customs"])
        for p in range(R):
            got = math.fsum(exports[p][i] for i in fd["goods"])
            want = fd["customs"][p] * goods_total / customs
            self.assertLessEqual(abs(got - want), 1e-6 * goods_total, f"{year} {names[p]}")

    def test_scale_factors_printed(self):
        # build_model.py's run() prints them; one line per category, with the factor used.
        m = built(2012, "balanced")
        lines = build_model.scale_factor_lines(m)
        self.assertIn("scale factors", lines[0])
        for cat, scale in m["diag"]["final_demand"]["scale"].items():
            self.assertTrue(any(cat in l and f"{scale:.4f}" in l for l in lines[1:]), cat)
        self.assertEqual(len(lines), 1 + len(m["diag"]["final_demand"]["scale"]))

    def test_2007_balanced(self):
        self.check(2007, "balanced")

    def test_2012_raw(self):
        self.check(2012, "raw")

    def test_2017_balanced(self):
        self.check(2017, "balanced")

    def test_2017_consumption_split(self):
        # The 2017 table publishes only total consumption (TC): rural + urban + government of
        # each product must give back its TC, in the reference year's proportions.
        folder = common.sources()
        sectors = [c for c, _, _ in model.concordance.reduced_sectors()]
        ref = sources.read_national_io(folder, 2012)
        split = model.national.consumption_shares(model.national.domestic_reduced(
            ref, model.concordance.national(2012), sectors))
        table = sources.read_national_io(folder, 2017)
        mapping = model.concordance.national(2017)
        dom = model.national.domestic_reduced(table, mapping, sectors, split)
        for i, sec in enumerate(sectors):
            tc = math.fsum(table["fd"][c]["TC"] for c in table["codes"] if mapping[c] == sec)
            parts = [dom["fd"][i][c] for c in model.national.CONSUMPTION]
            self.assertLessEqual(abs(math.fsum(parts) - tc), 1e-9 * max(1.0, tc), sec)
            if tc:
                for c, v in zip(model.national.CONSUMPTION, parts):
                    self.assertAlmostEqual(v / tc, split[i][c], places=12, msg=f"{sec} {c}")
        with self.assertRaises(sources.SourceError):
            model.national.domestic_reduced(table, mapping, sectors)

    def test_bad_basis_is_an_error(self):
        with self.assertRaises(sources.SourceError):
            built(2007, "estimated")


if __name__ == "__main__":
    if common.sources() is None:
        print("SKIP: source folder not found (set CTRAIL_SOURCES)")
        sys.exit(common.SKIP)
    unittest.main()
