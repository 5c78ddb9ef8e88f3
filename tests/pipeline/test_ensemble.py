#!/usr/bin/python3
"""The ensemble mode (build_model.py --ensemble) on its first two 2012 members.

    test_ensemble.py ranges        ranges.csv = min/max over the member models, recomputed here
                                   independently (forward Leontief solves of sampled purchases,
                                   headline figures) and the members' parameters as recorded
    test_ensemble.py determinism   two runs give the same bytes (slow; CI runs it once)

2012 members take their trade parameters from params/china-2007-ensemble.json (written by the
full 2007 ensemble), so no home-bias search is needed here.
"""

import filecmp
import math
import os
import subprocess
import sys
import tempfile
import unittest

import common
import build_model
import ensemble
import evaluate

YEAR = 2012
MEMBERS = 2
# Sampled consumer x product pairs for the independent recomputation.
PAIRS = [("SH", "MACH"), ("BJ", "CONS"), ("GD", "ELEC"), ("HE", "METAL"), ("XJ", "FOOD"),
         ("ZJ", "TEXT")]


def run_ensemble(out):
    subprocess.run([sys.executable, os.path.join(common.PIPELINE, "build_model.py"), "--year",
                    str(YEAR), "--sources", common.sources(), "--out", out, "--ensemble",
                    "--members", str(MEMBERS)], check=True, stdout=subprocess.DEVNULL)


def ranges(folder):
    return {(r["quantity"], r["region"], r["sector"]): (float(r["low"]), float(r["high"]))
            for r in common.rows(os.path.join(folder, "ranges.csv"))}


def purchase(m, acc, region, sector):
    """(kg per yuan, share outside, share centre_west) by a forward solve x = L y."""
    R, N, C = m["R"], m["N"], len(m["categories"])
    codes = [r["code"] for r in m["regions"]]
    r, i = codes.index(region), [s[0] for s in m["sectors"]].index(sector)
    y = [0.0] * (R * N)
    for e in range(R):
        y[e * N + i] = math.fsum(m["Y"][e * N + i][r * C:(r + 1) * C])
    total = math.fsum(y)
    x = evaluate.lu_solve(*acc["lu"], [v / total for v in y])
    em = [acc["s"][k] * x[k] for k in range(R * N)]
    co2 = math.fsum(em)
    home = math.fsum(em[r * N:(r + 1) * N])
    cw = math.fsum(em[k] for k in range(R * N)
                   if m["regions"][k // N]["group"] in ("Central", "Northwest", "Southwest"))
    return co2 * 10.0, 1.0 - home / co2, cw / co2  # Mt per 10^8 CNY = 10 kg per yuan


def close(a, b):
    return abs(a - b) <= 1e-5 * max(abs(a), abs(b), 1e-9)  # ranges.csv has 6 digits


class Ranges(unittest.TestCase):
    def test_ranges_are_member_min_max(self):
        with tempfile.TemporaryDirectory() as tmp:
            run_ensemble(tmp)
            got = ranges(tmp)
            with open(os.path.join(tmp, "ENSEMBLE.md"), encoding="utf-8") as f:
                table = f.read()
        base = build_model.load_params(build_model.params_path(YEAR))
        with open(ensemble.members_path(common.PIPELINE), encoding="utf-8") as f:
            import json
            recorded = {(r["distance_exponent"], r["national_target"], r["final_demand"]):
                        r["home_bias"] for r in json.load(f)["members"]}
        members = []
        for mem in ensemble.grid()[:MEMBERS]:
            h = recorded[(mem["distance_exponent"], mem["national_target"], mem["final_demand"])]
            self.assertIn(f"| {h} |", table, "ENSEMBLE.md lists each member's home bias")
            params = dict(base, distance_exponent=mem["distance_exponent"], home_bias=h,
                          final_demand=mem["final_demand"])
            m, acc = ensemble.build_member(common.sources(), YEAR, params)
            members.append((m, acc, evaluate.headline(m, acc)))
        for q in ensemble.HEADLINE:
            values = [fig[q] for _, _, fig in members]
            lo, hi = got[(q, "", "")]
            self.assertTrue(close(lo, min(values)) and close(hi, max(values)), q)
        m0 = members[0][0]
        for r, reg in enumerate(m0["regions"][:m0["R"]]):
            values = [acc["emitted_elsewhere_share"][r] for _, acc, _ in members]
            lo, hi = got[("consumer_share_elsewhere", reg["code"], "")]
            self.assertTrue(close(lo, min(values)) and close(hi, max(values)), reg["code"])
        for region, sector in PAIRS:
            values = [purchase(m, acc, region, sector) for m, acc, _ in members]
            for k, q in enumerate(ensemble.PAIR_QUANTITIES):
                lo, hi = got[(q, region, sector)]
                want = [v[k] for v in values]
                self.assertTrue(close(lo, min(want)) and close(hi, max(want)),
                                f"{q} {region} {sector}: {lo}-{hi} vs {want}")
        R, N = m0["R"], m0["N"]
        self.assertEqual(len(got), len(ensemble.HEADLINE) + R + 3 * R * N)


class Determinism(unittest.TestCase):
    def test_same_bytes(self):
        with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
            run_ensemble(a)
            run_ensemble(b)
            for name in common.ENSEMBLE_FILES:
                self.assertTrue(filecmp.cmp(os.path.join(a, name), os.path.join(b, name),
                                            shallow=False), name)


if __name__ == "__main__":
    which = sys.argv.pop(1) if len(sys.argv) > 1 else "ranges"
    if common.sources() is None:
        print("SKIP: source folder not found (set CTRAIL_SOURCES)")
        sys.exit(common.SKIP)
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(
        {"ranges": Ranges, "determinism": Determinism}[which])
    sys.exit(0 if unittest.TextTestRunner(verbosity=2).run(suite).wasSuccessful() else 1)
