#!/usr/bin/python3
"""The committed bundles are complete, balanced (x = Z.1 + Y.1 as written), non-negative,
productive, match the provincial output data to 0.5% and carry the required provenance."""

import math
import os
import unittest

import common

META_KEYS = ("name", "year", "currency_unit", "source", "license", "citation", "caveat")
CITED = ("Physica A 607", "10.1038/s41597-023-02183-2", "PNAS 110", "11654")
# The CEADs paper of the inventory's year (2016-2017 are in the later one).
CEADS_CITED = {2007: "Scientific Data 5, 170201", 2012: "Scientific Data 5, 170201",
               2017: "Scientific Data 7, 54"}


def node_sums(year):
    folder = common.bundle(year)
    rows, cols = {}, {}
    for name in ("Z.csv", "Y.csv"):
        for r in common.rows(os.path.join(folder, name)):
            v = float(r["value"])
            rows.setdefault((r["from_region"], r["from_sector"]), []).append(v)
            if name == "Z.csv":
                cols.setdefault((r["to_region"], r["to_sector"]), []).append(v)
    return ({k: math.fsum(v) for k, v in rows.items()},
            {k: math.fsum(v) for k, v in cols.items()})


class BundleChecks(unittest.TestCase):
    def test_files_and_labels(self):
        for year in common.YEARS:
            folder = common.bundle(year)
            for name in ("meta.csv", "regions.csv", "sectors.csv", "stressors.csv", "Z.csv",
                         "Y.csv", "F.csv", "FY.csv", "x.csv", "PROVENANCE.md"):
                self.assertTrue(os.path.isfile(os.path.join(folder, name)), f"{year} {name}")
            regions = common.rows(os.path.join(folder, "regions.csv"))
            self.assertEqual(len(regions), 31)
            self.assertEqual([r["code"] for r in regions if r["kind"] == "external"], ["ROW"])
            self.assertNotIn("XZ", [r["code"] for r in regions])
            self.assertEqual(sum(r["coastal"] == "true" for r in regions), 11)
            # The exhibit's framing: one zone per province, the coastal flag and groups agree.
            zones = {r["code"]: r["zone"] for r in regions}
            self.assertEqual(sorted(c for c, z in zones.items() if z == "northeast"), ["HL", "JL"])
            self.assertEqual(zones["LN"], "coast")
            self.assertEqual(zones["ROW"], "")
            for r in regions[:-1]:
                interior = r["group"] in ("Central", "Northwest", "Southwest")
                self.assertEqual(r["zone"] == "centre_west", interior, r["code"])
                self.assertEqual(r["zone"] == "coast", r["coastal"] == "true", r["code"])
            sectors = common.rows(os.path.join(folder, "sectors.csv"))
            self.assertTrue(12 <= len(sectors) <= 20)
            self.assertTrue(all(s["name_zh"] for s in sectors))
            stressors = common.rows(os.path.join(folder, "stressors.csv"))
            self.assertEqual([(s["code"], s["unit"]) for s in stressors], [("CO2", "Mt")])
            size = sum(os.path.getsize(os.path.join(folder, f)) for f in os.listdir(folder))
            self.assertLess(size, 5e6, f"{year}: bundle is {size} bytes")

    def test_meta(self):
        for year in common.YEARS:
            meta = {r["key"]: r["value"] for r in
                    common.rows(os.path.join(common.bundle(year), "meta.csv"))}
            for key in META_KEYS:
                self.assertTrue(meta.get(key), f"{year}: meta.csv lacks {key}")
            self.assertEqual(meta["year"], str(year))
            text = " ".join(meta.values())
            for c in CITED + (CEADS_CITED[year],):
                self.assertIn(c, text, f"{year}: meta.csv does not cite {c}")
            self.assertIn("reconstruction", meta["caveat"])

    def test_balance_and_productivity(self):
        for year in common.YEARS:
            folder = common.bundle(year)
            rows, cols = node_sums(year)
            stated = {(r["region"], r["sector"]): float(r["value"])
                      for r in common.rows(os.path.join(folder, "x.csv"))}
            self.assertLessEqual(set(rows), set(stated), f"{year}: x.csv lacks nodes")
            for k, x in stated.items():
                self.assertLessEqual(abs(rows.get(k, 0.0) - x), 1e-9 * x,
                                     f"{year} {k}: x != Z.1 + Y.1")
                if x > 0:
                    self.assertLess(cols.get(k, 0.0) / x, 1.0, f"{year} {k}: column sum of A >= 1")
                else:
                    self.assertEqual(cols.get(k, 0.0), 0.0, f"{year} {k}: inputs without output")
            for r in common.rows(os.path.join(folder, "Z.csv")):
                self.assertGreater(float(r["value"]), 0.0)
            for r in common.rows(os.path.join(folder, "F.csv")):
                self.assertGreaterEqual(float(r["value"]), 0.0)

    def test_ranges(self):
        """ranges.csv covers every consumer x product, low <= high, and the point model (itself
        an ensemble member) lies inside its ranges."""
        for year in common.YEARS:
            folder = common.bundle(year)
            got = {(r["quantity"], r["region"], r["sector"]): (float(r["low"]), float(r["high"]))
                   for r in common.rows(os.path.join(folder, "ranges.csv"))}
            codes = [r["code"] for r in common.rows(os.path.join(folder, "regions.csv"))
                     if r["kind"] == "domestic"]
            sectors = [s["code"] for s in common.rows(os.path.join(folder, "sectors.csv"))]
            for q in ("intensity_kg_per_yuan", "share_outside", "share_centre_west"):
                for c in codes:
                    for s in sectors:
                        self.assertIn((q, c, s), got, f"{year} {q} {c} {s}")
            for key, (lo, hi) in got.items():
                self.assertLessEqual(lo, hi, f"{year} {key}")
            meta = {r["key"]: r["value"] for r in common.rows(os.path.join(folder, "meta.csv"))}
            point = float(meta["national_outside_share"].split()[0])  # 4 decimals
            lo, hi = got[("national_outside_share", "", "")]
            self.assertTrue(lo - 1e-4 <= point <= hi + 1e-4, f"{year}: {point} not in {lo}-{hi}")
            self.assertTrue(os.path.isfile(os.path.join(folder, "ENSEMBLE.md")))

    def test_output_matches_provincial_data(self):
        folder = common.sources()
        if folder is None:
            self.skipTest("source folder absent: provincial output not checked")
        import sources
        attrs = common.build_model.model.concordance.province_attributes(2007)
        for year in common.YEARS:
            _, output = sources.read_provincial_output(folder, year)
            stated = {}
            for r in common.rows(os.path.join(common.bundle(year), "x.csv")):
                stated.setdefault(r["region"], []).append(float(r["value"]))
            for province, (code, _) in attrs.items():
                want = math.fsum(output[province].values())
                have = math.fsum(stated[code])
                self.assertLess(abs(have - want) / want, 5e-3, f"{year} {province}")


if __name__ == "__main__":
    unittest.main()
