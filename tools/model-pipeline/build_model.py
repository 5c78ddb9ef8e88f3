#!/usr/bin/python3
"""Builds the reduced China-province MRIO bundle (assets/model/china-<year>/) from the sources.

    build_model.py --year 2007 [--sources DIR] [--out DIR] [--params FILE] [--calibrate]

Python 3 standard library only; deterministic (same sources -> same bytes). The method is in
docs/MODEL-PIPELINE.md and, with the numbers of each run, in the bundle's PROVENANCE.md.
"""

import argparse
import json
import math
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import bundle_writer  # noqa: E402
import calibrate  # noqa: E402
import ensemble  # noqa: E402
import evaluate  # noqa: E402
import meta  # noqa: E402
import model  # noqa: E402
import provenance  # noqa: E402
from balance import BalanceError  # noqa: E402
from concordance import ConcordanceError  # noqa: E402
from sources import SourceError  # noqa: E402

REPO = os.path.dirname(os.path.dirname(HERE))
YEARS = (2007, 2012, 2017)
CALIBRATION_YEAR = 2007
CO2_TOLERANCE = 1e-4      # national and provincial CO2 totals preserved to 0.01%
OUTPUT_TOLERANCE = 5e-3   # each province's gross output within 0.5% of the provincial data
TRADE_KEYS = ("distance_exponent", "home_bias", "services_home_factor", "grid_factor",
              "reference_distance_km")
FINAL_DEMAND = ("balanced", "raw")  # which provincial expenditure columns step 3 uses


class CheckFailed(Exception):
    pass


def default_sources():
    return os.environ.get("CTRAIL_SOURCES") or os.path.normpath(
        os.path.join(REPO, "..", "shared", "data", "sources"))


def params_path(year):
    return os.path.join(HERE, "params", f"china-{year}.json")


def load_params(path):
    """Reads a parameter file; `trade_parameters_from` takes the trade keys from another file."""
    with open(path, encoding="utf-8") as f:
        params = json.load(f)
    ref = params.get("trade_parameters_from")
    if ref:
        with open(os.path.join(os.path.dirname(path), ref), encoding="utf-8") as f:
            other = json.load(f)
        for k in TRADE_KEYS:
            params[k] = other[k]
    missing = [k for k in TRADE_KEYS + ("significant_digits", "min_flow_share", "final_demand")
               if k not in params]
    if missing:
        raise SystemExit(f"{path}: missing parameters {', '.join(missing)}")
    if params["final_demand"] not in FINAL_DEMAND:
        raise SystemExit(f"{path}: final_demand must be one of {', '.join(FINAL_DEMAND)}, "
                         f"not {params['final_demand']!r}")
    return params


def save_params(path, params):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(json.dumps(params, indent=2, sort_keys=True, ensure_ascii=False) + "\n")


def checks(m, acc):
    """The pipeline's own acceptance checks; raises CheckFailed on a violation."""
    d = m["diag"]
    R, N, C = m["R"], m["N"], len(m["categories"])
    out = []
    co2 = math.fsum(m["F"]) + math.fsum(m["FY"])
    rel = abs(co2 - d["ceads_total"]) / d["ceads_total"]
    out.append(("CO2 total (F + FY) vs CEADs", f"{co2:.2f} Mt vs {d['ceads_total']:.2f} Mt "
                                                f"({rel:.1e} relative)"))
    if rel > CO2_TOLERANCE:
        raise CheckFailed(f"national CO2 {co2} differs from CEADs {d['ceads_total']}")
    worst = (0.0, "")
    for p in range(R):
        got = math.fsum(m["F"][p * N:(p + 1) * N]) + math.fsum(m["FY"][p * C:(p + 1) * C])
        want = d["ceads_province_total"][p]
        worst = max(worst, (abs(got - want) / want, m["regions"][p]["code"]))
    out.append(("largest provincial CO2 deviation", f"{worst[0]:.1e} ({worst[1]})"))
    if worst[0] > CO2_TOLERANCE:
        raise CheckFailed(f"provincial CO2 of {worst[1]} off by {worst[0]:.3g}")
    worst = (0.0, "")
    for p in range(R):
        got = math.fsum(m["x"][p * N:(p + 1) * N])
        want = math.fsum(m["x_target"][p])
        worst = max(worst, (abs(got - want) / want, m["regions"][p]["code"]))
    out.append(("largest provincial output deviation (x = Z.1 + Y.1 vs data)",
                f"{100 * worst[0]:.4f}% ({worst[1]})"))
    if worst[0] > OUTPUT_TOLERANCE:
        raise CheckFailed(f"gross output of {worst[1]} off by {100 * worst[0]:.3f}%")
    node_worst = max(abs(m["x"][k] - m["x_target"][k // N][k % N]) / m["x_target"][k // N][k % N]
                     for k in range(R * N) if m["x_target"][k // N][k % N] > 0)
    out.append(("largest province-sector output deviation", f"{100 * node_worst:.4f}%"))
    out.append(("largest column sum of A (< 1: productive)", f"{acc['max_column_sum']:.4f}"))
    if acc["max_column_sum"] >= 1:
        raise CheckFailed("A has a column sum >= 1")
    negative = sum(1 for name in ("Z", "Y") for row in m[name] for v in row if v < 0)
    out.append(("negative entries in Z and Y", str(negative)))
    if negative:
        raise CheckFailed("negative entries in Z or Y")
    rel = abs(acc["total"] - acc["F_total"]) / acc["F_total"]
    out.append(("sum of transfers vs sum of F", f"{rel:.1e} relative"))
    if rel > 1e-9:
        raise CheckFailed("transfers do not add up to F")
    return out


def earlier_figures(sources, year):
    """{earlier year: (headline figures, industrial CO2)}, rebuilt from the same sources with
    their own parameter files, for the comparison in PROVENANCE.md."""
    out = {}
    for y in YEARS:
        if y < year:
            m = bundle_writer.finalize(model.build(sources, y, load_params(params_path(y))))
            out[y] = (evaluate.headline(m, evaluate.accounts(m)), math.fsum(m["F"]))
    return out


def scale_factor_lines(m):
    """The final-demand scale factors of step 3 (final_demand.py), one line per category: how
    far the provinces' published totals were scaled to meet the national table's totals."""
    fd = m["diag"].get("final_demand")
    if not fd:
        return []
    lines = [f"  final demand ({fd['basis']}): scale factors, national table / sum of provinces"]
    lines += [f"    {cat:<24} {scale:.4f}" for cat, scale in fd["scale"].items()]
    return lines


def run(year, sources, out, params, params_file, log=print):
    t0 = time.perf_counter()
    m = bundle_writer.finalize(model.build(sources, year, params))
    acc = evaluate.accounts(m)
    fig = evaluate.headline(m, acc)
    found = checks(m, acc)
    files = bundle_writer.bundle_files(m, meta.meta_rows(year, params, fig))
    size = sum(len(t.encode("utf-8")) for t in files.values())
    found.append(("bundle size (CSV files)", f"{size / 1e6:.2f} MB"))
    earlier = None if year in provenance.FIRST_EDITION else earlier_figures(sources, year)
    files["PROVENANCE.md"] = provenance.text(m, acc, fig, found, params_file, earlier)
    bundle_writer.write(out, files)  # only after everything succeeded
    log(f"china-{year}: wrote {len(files)} files to {out} in {time.perf_counter() - t0:.1f} s")
    log(f"  national outside share {fig['national_outside_share']:.4f}; top coastal "
        f"{fig['top_coastal']} {fig['top_coastal_share']:.4f}; median coastal "
        f"{fig['median_coastal']:.4f} vs interior {fig['median_interior']:.4f}")
    for line in scale_factor_lines(m):
        log(line)
    return fig


def run_ensemble(args, sources, out, params):
    t0 = time.perf_counter()
    files, record = ensemble.run(sources, args.year, params, HERE, args.members, args.workers)
    bundle_writer.write(out, files)
    if args.year == CALIBRATION_YEAR and not args.members:
        save_params(ensemble.members_path(HERE), {"members": record})
    print(f"china-{args.year}: ensemble of {len(record)} members written to {out} in "
          f"{time.perf_counter() - t0:.0f} s")
    return 0


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--year", type=int, choices=YEARS, required=True)
    ap.add_argument("--sources", default=None,
                    help="source folder (default: $CTRAIL_SOURCES or ../shared/data/sources "
                         "beside the repository)")
    ap.add_argument("--out", default=None, help="bundle folder (default assets/model/china-YEAR)")
    ap.add_argument("--params", default=None,
                    help="parameter file (default tools/model-pipeline/params/china-YEAR.json)")
    ap.add_argument("--calibrate", action="store_true",
                    help=f"search the trade parameters ({CALIBRATION_YEAR} only; minutes), write "
                         "them to the parameter file, then build")
    ap.add_argument("--ensemble", action="store_true",
                    help="build every ensemble member (ensemble.py; minutes) and write "
                         "ranges.csv and ENSEMBLE.md into the bundle folder; 2007 also writes "
                         "params/china-2007-ensemble.json, which the 2012 ensemble reads")
    ap.add_argument("--members", type=int, default=None,
                    help="with --ensemble: only the first N members (tests)")
    ap.add_argument("--workers", type=int, default=2, help="with --ensemble: processes")
    args = ap.parse_args(argv)
    sources = args.sources or default_sources()
    out = args.out or os.path.join(REPO, "assets", "model", f"china-{args.year}")
    pfile = args.params or params_path(args.year)
    if not os.path.isdir(sources):
        print(f"build_model.py: source folder not found: {sources} "
              "(use --sources or CTRAIL_SOURCES)", file=sys.stderr)
        return 1
    try:
        params = load_params(pfile)
        if args.ensemble:
            return run_ensemble(args, sources, out, params)
        if args.calibrate:
            if args.year != CALIBRATION_YEAR:
                print(f"build_model.py: calibration targets exist for {CALIBRATION_YEAR} only",
                      file=sys.stderr)
                return 2
            params, record = calibrate.calibrate(sources, args.year, params)
            params["calibration"] = record
            save_params(pfile, params)
            print(f"wrote {pfile}")
        run(args.year, sources, out, params,
            os.path.relpath(pfile, HERE) if pfile.startswith(HERE) else pfile)
    except (SourceError, ConcordanceError, BalanceError, CheckFailed) as e:
        print(f"build_model.py: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
