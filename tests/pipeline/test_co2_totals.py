#!/usr/bin/python3
"""The committed bundles preserve CEADs CO2: the national total and every province's total
(industry F plus households FY) to 0.01%."""

import math
import os
import unittest

import common

TOLERANCE = 1e-4
NATIONAL_TOTAL = {2007: 6822.27, 2012: 9742.7, 2017: 10171.2}  # Mt, shared/data/sources/README.md checks
ROUNDING = {2007: 0.005, 2012: 0.05, 2017: 0.05} # the README states them to this precision


def bundle_totals(year):
    totals = {}
    for name in ("F.csv", "FY.csv"):
        for r in common.rows(os.path.join(common.bundle(year), name)):
            assert r["stressor"] == "CO2"
            totals.setdefault(r["region"], []).append(float(r["value"]))
    return {k: math.fsum(v) for k, v in totals.items()}


class Co2Totals(unittest.TestCase):
    def test_national(self):
        for year in common.YEARS:
            total = math.fsum(bundle_totals(year).values())
            self.assertLessEqual(abs(total - NATIONAL_TOTAL[year]),
                                 max(TOLERANCE * NATIONAL_TOTAL[year], ROUNDING[year]),
                                 f"{year}: {total} Mt")

    def test_2007_exact_total(self):
        total = math.fsum(bundle_totals(2007).values())
        self.assertLess(abs(total - 6822.27) / 6822.27, TOLERANCE)

    def test_provinces(self):
        folder = common.sources()
        if folder is None:
            self.skipTest("source folder absent: provincial totals not checked")
        import sources
        codes = {p: c for p, (c, _) in common.build_model.model.concordance
                 .province_attributes(2007).items()}
        for year in common.YEARS:
            _, ceads = sources.read_ceads(folder, year)
            got = bundle_totals(year)
            self.assertEqual(sorted(got), sorted(codes[p] for p in ceads))
            for province, rows in ceads.items():
                want = math.fsum(rows.values())
                have = got[codes[province]]
                self.assertLess(abs(have - want) / want, TOLERANCE,
                                f"{year} {province}: {have} Mt in the bundle, {want} in CEADs")


if __name__ == "__main__":
    unittest.main()
