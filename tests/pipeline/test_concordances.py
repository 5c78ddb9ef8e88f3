#!/usr/bin/python3
"""Every concordance maps each source sector exactly once, onto a known reduced sector."""

import os
import sys
import unittest

import common
import concordance


class Concordances(unittest.TestCase):
    def setUp(self):
        self.reduced = [c for c, _, _ in concordance.reduced_sectors()]

    def assert_exactly_once(self, name, key, expected_keys):
        keys = [r[key] for r in common.rows(os.path.join(concordance.FOLDER, name))]
        duplicates = sorted({k for k in keys if keys.count(k) > 1})
        self.assertEqual(duplicates, [], f"{name}: mapped more than once")
        self.assertEqual(sorted(set(expected_keys) - set(keys)), [], f"{name}: not mapped")
        self.assertEqual(sorted(set(keys) - set(expected_keys)), [], f"{name}: not a source sector")

    def test_reduced_sectors(self):
        self.assertTrue(12 <= len(self.reduced) <= 20)
        for required in ("AGR", "COAL", "MINE", "FOOD", "TEXT", "LIGHT", "CHEM", "NMM", "METAL",
                         "MACH", "ELEC", "POWER", "CONS", "TRANS", "SERV"):
            self.assertIn(required, self.reduced)
        for code, en, zh in concordance.reduced_sectors():
            self.assertTrue(en and zh, f"{code} lacks a name")

    def test_national(self):
        for year, count, width in ((2007, 135, 3), (2012, 139, 3), (2017, 42, 2)):
            self.assert_exactly_once(concordance.NATIONAL[year], "code",
                                     [f"{k:0{width}d}" for k in range(1, count + 1)])
            self.assertEqual(set(concordance.national(year).values()), set(self.reduced))

    def test_provincial(self):
        for year in common.YEARS:
            self.assert_exactly_once(concordance.PROVINCIAL[year], "sector_index",
                                     [str(k) for k in range(1, 43)])
            self.assertEqual(set(concordance.provincial(year).values()), set(self.reduced))

    def test_2017_national_equals_provincial(self):
        # NBS 2017 publishes one 42-sector list; the national and provincial tables use it, so
        # the two 2017 concordances must make the same choices sector by sector.
        national = concordance.national(2017)
        provincial = concordance.provincial(2017)
        self.assertEqual({int(k): v for k, v in national.items()}, provincial)

    def test_ceads(self):
        m = concordance.ceads()
        self.assertEqual(len(m), 47)
        self.assertEqual({t for kind, t in m.values() if kind == "F"}, set(self.reduced))
        self.assertEqual(sorted(t for kind, t in m.values() if kind == "FY"),
                         ["households_rural", "households_urban"])

    def test_provinces(self):
        for year in common.YEARS:
            attrs = concordance.province_attributes(year)
            self.assertEqual(len(attrs), 30)
            self.assertTrue(all(grid for _, grid in attrs.values()), f"grid_{year} incomplete")
        attrs = concordance.province_attributes(2007)
        self.assertNotIn("Tibet", attrs)
        self.assertEqual(len({code for code, _ in attrs.values()}), 30)

    def test_against_sources(self):
        folder = common.sources()
        if folder is None:
            self.skipTest("source folder absent: only the internal checks ran")
        import sources
        for year in common.YEARS:
            table = sources.read_national_io(folder, year)
            self.assert_exactly_once(concordance.NATIONAL[year], "code", table["codes"])
        names = [r["sector"] for r in sources.read_ceads_sectors(folder)]
        self.assert_exactly_once(concordance.CEADS, "sector", names)
        for year in common.YEARS:
            _, ceads = sources.read_ceads(folder, year)
            for province, rows in ceads.items():
                self.assertEqual(sorted(rows), sorted(names), f"{province} {year}")
            self.assertEqual(sorted(ceads), sorted(concordance.province_attributes(year)))
        prov = [r["sector_index"] for r in sources.read_provincial_sectors(folder)]
        for year in common.YEARS:
            self.assert_exactly_once(concordance.PROVINCIAL[year], "sector_index", prov)


if __name__ == "__main__":
    unittest.main()
