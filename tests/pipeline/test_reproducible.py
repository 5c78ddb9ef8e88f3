#!/usr/bin/python3
"""Rerunning the pipeline on the sources reproduces the committed bundles byte for byte."""

import filecmp
import os
import subprocess
import sys
import tempfile
import unittest

import common


class Reproducible(unittest.TestCase):
    def check_year(self, year):
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, f"china-{year}")
            subprocess.run([sys.executable, os.path.join(common.PIPELINE, "build_model.py"),
                            "--year", str(year), "--sources", common.sources(), "--out", out],
                           check=True)
            # The ensemble's files come from --ensemble (test_ensemble.py checks that mode).
            committed = sorted(set(os.listdir(common.bundle(year))) - set(common.ENSEMBLE_FILES))
            self.assertEqual(sorted(os.listdir(out)), committed,
                             f"china-{year}: the rebuilt bundle has different files")
            for name in committed:
                same = filecmp.cmp(os.path.join(out, name),
                                   os.path.join(common.bundle(year), name), shallow=False)
                self.assertTrue(same, f"assets/model/china-{year}/{name} differs from a fresh "
                                      "pipeline run: rerun tools/model-pipeline/build_model.py "
                                      f"--year {year} and commit the result")

    def test_2007(self):
        self.check_year(2007)

    def test_2012(self):
        self.check_year(2012)

    def test_2017(self):
        self.check_year(2017)


if __name__ == "__main__":
    if common.sources() is None:
        print(f"SKIP: source folder {common.build_model.default_sources()} not found "
              "(set CTRAIL_SOURCES to check reproducibility)")
        sys.exit(common.SKIP)
    unittest.main()
