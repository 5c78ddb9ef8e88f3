"""The ensemble (build_model.py --ensemble): the model rebuilt under every combination of the
assumptions the data do not pin down, and the low/high of what the exhibit shows.

Members: distance exponent x national target (home bias solved for each, 2007) x final demand
basis (balanced / raw statistics). 2012 members reuse the 2007 members' trade parameters, as the
point model does. Per member: the headline figures, and per domestic consumer region x product
sector the total intensity (kg CO2 per yuan), the share emitted outside the consumer's province
and the share emitted in the central and western provinces (zone centre_west). Output:
ranges.csv (docs/BUNDLE-FORMAT.md) and ENSEMBLE.md in the bundle folder.
"""

import json
import math
import multiprocessing
import os

import bundle_writer
import calibrate
import evaluate
import model

EXPONENTS = [0.5, 1.0, 1.5, 2.0]
TARGETS = [0.54, 0.57, 0.60]
FINAL_DEMAND = ["balanced", "raw"]
CENTRE_WEST_GROUPS = evaluate.CENTRE_WEST_GROUPS
KG_PER_YUAN = 1e9 / 1e8  # Mt per 10^8 CNY -> kg per yuan
DIGITS = 6
HEADLINE = ["national_outside_share", "top_coastal_share", "median_coastal", "median_interior",
            "exports_share", "top_coastal_centre_west_share"]
PAIR_QUANTITIES = ["intensity_kg_per_yuan", "share_outside", "share_centre_west"]


def grid():
    """Every member as {distance_exponent, national_target, final_demand}, in a fixed order."""
    return [{"distance_exponent": b, "national_target": t, "final_demand": f}
            for f in FINAL_DEMAND for b in EXPONENTS for t in TARGETS]


def members_path(here):
    return os.path.join(here, "params", "china-2007-ensemble.json")


def build_member(folder, year, params):
    """The finalized member model and its accounts."""
    m = bundle_writer.finalize(model.build(folder, year, params))
    return m, evaluate.accounts(m)


def pair_figures(m, acc):
    """{(region code, sector code): (intensity kg/yuan, share outside, share centre_west)} for
    every domestic consumer region and product sector, with the exhibit's supply mix (the
    consumer's final demand over all categories; the national mix when it buys none)."""
    R, N, C = m["R"], m["N"], len(m["categories"])
    IA, piv = acc["lu"]
    s = acc["s"]
    regions = m["regions"]
    cw = [1.0 if regions[e]["zone"] == "centre_west" else 0.0 for e in range(R)]
    # Row multipliers: CO2 per unit of final demand of each node, all emitters / centre_west /
    # each single emitting region.
    IAT = evaluate.transpose(IA)
    total = evaluate.lu_solve_transposed(IA, piv, s, IAT)
    in_cw = evaluate.lu_solve_transposed(IA, piv, [s[k] * cw[k // N] for k in range(R * N)], IAT)
    in_region = [evaluate.lu_solve_transposed(
        IA, piv, [s[k] if k // N == r else 0.0 for k in range(R * N)], IAT) for r in range(R)]
    out = {}
    for r in range(R):
        for i in range(N):
            w = [math.fsum(m["Y"][e * N + i][r * C:(r + 1) * C]) for e in range(R)]
            if not math.fsum(w) > 0:
                w = [math.fsum(m["Y"][e * N + i]) for e in range(R)]
            wsum = math.fsum(w)
            tot = math.fsum(w[e] * total[e * N + i] for e in range(R)) / wsum
            home = math.fsum(w[e] * in_region[r][e * N + i] for e in range(R)) / wsum
            cwv = math.fsum(w[e] * in_cw[e * N + i] for e in range(R)) / wsum
            out[(regions[r]["code"], m["sectors"][i][0])] = (
                tot * KG_PER_YUAN, 1.0 - home / tot if tot > 0 else 0.0,
                cwv / tot if tot > 0 else 0.0)
    return out


# d(national share) / d(ln home bias) near the calibrated point (about -0.037 in 2007).
SLOPE_GUESS = -0.037


def solve_home_bias(folder, year, params, calibrated, target):
    """Home bias giving `target` national share: secant steps on ln H from the calibrated 57%
    solution of the same exponent (usually 2-3 model builds); the bracketing search of
    calibrate.py when that does not settle."""
    def share(log_h):
        h = float(f"{math.exp(log_h):.6g}")  # as written to parameter files
        p = dict(params, home_bias=h)
        return h, calibrate.figures(folder, year, p)["national_outside_share"] - target

    x0 = math.log(calibrated) + (target - calibrate.NATIONAL_TARGET) / SLOPE_GUESS
    h0, g0 = share(x0)
    if abs(g0) < calibrate.TOLERANCE:
        return h0
    x1 = x0 - g0 / SLOPE_GUESS
    for _ in range(6):
        h1, g1 = share(x1)
        if abs(g1) < calibrate.TOLERANCE:
            return h1
        slope = (g1 - g0) / (x1 - x0) if x1 != x0 else SLOPE_GUESS
        if not slope < 0:
            break
        x0, g0, x1 = x1, g1, x1 - g1 / slope
    h, _ = calibrate.solve_home_bias(folder, year, params, (calibrated / 2, calibrated * 2),
                                     log=lambda *_: None, target=target)
    return h


def evaluate_member(task):
    """One member: (member, params, headline, consumer shares, pair figures). Runs in a worker."""
    folder, year, base, member, fixed_home_bias = task
    params = dict(base, distance_exponent=member["distance_exponent"],
                  final_demand=member["final_demand"])
    if fixed_home_bias is None:
        params["home_bias"] = solve_home_bias(
            folder, year, params, base["calibration_by_exponent"][member["distance_exponent"]],
            member["national_target"])
    else:
        params["home_bias"] = fixed_home_bias
    m, acc = build_member(folder, year, params)
    fig = evaluate.headline(m, acc)
    consumers = {m["regions"][r]["code"]: acc["emitted_elsewhere_share"][r]
                 for r in range(m["R"])}
    return member, params["home_bias"], fig, consumers, pair_figures(m, acc)


def _g(v):
    return bundle_writer.num(bundle_writer.rounded(v, DIGITS))


def ranges_csv(results, regions, sectors):
    """ranges.csv text: quantity,region,sector,low,high over all members, fixed row order."""
    rows = []

    def add(quantity, region, sector, values):
        rows.append([quantity, region, sector, _g(min(values)), _g(max(values))])

    for q in HEADLINE:
        add(q, "", "", [r[2][q] for r in results])
    for code in regions:
        add("consumer_share_elsewhere", code, "", [r[3][code] for r in results])
    for k, q in enumerate(PAIR_QUANTITIES):
        for code in regions:
            for sec in sectors:
                add(q, code, sec, [r[4][(code, sec)][k] for r in results])
    return bundle_writer._csv_text(["quantity", "region", "sector", "low", "high"], rows)


def ensemble_md(year, results, solved):
    out = [f"# Ensemble of `assets/model/china-{year}/`\n",
           f"Generated by `tools/model-pipeline/build_model.py --year {year} --ensemble` "
           "(docs/MODEL-PIPELINE.md); do not edit by hand. Each member is the whole model "
           "rebuilt under one combination of the assumptions the data do not pin down. "
           "`ranges.csv` holds the low and high over these members.\n",
           ("Home bias solved for each member's national target." if solved else
            "Trade parameters (distance exponent, home bias) of each member are those of the "
            "2007 member with the same assumptions (`params/china-2007-ensemble.json`); the "
            f"target column names the 2007 target, not a {year} share.") + "\n",
           "| member | distance exponent | national target | final demand | home bias | "
           "national share | top coastal | its share | median coastal | median interior | "
           "exports abroad | top coastal, share in centre & west |",
           "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for k, (mem, h, fig, _, _) in enumerate(results, 1):
        out.append(f"| {k} | {mem['distance_exponent']} | {100 * mem['national_target']:.0f}% | "
                   f"{mem['final_demand']} | {h} | "
                   f"{100 * fig['national_outside_share']:.1f}% | {fig['top_coastal']} | "
                   f"{100 * fig['top_coastal_share']:.1f}% | {100 * fig['median_coastal']:.1f}% | "
                   f"{100 * fig['median_interior']:.1f}% | {100 * fig['exports_share']:.1f}% | "
                   f"{fig['top_coastal_centre_west']} "
                   f"{100 * fig['top_coastal_centre_west_share']:.1f}% |")
    return "\n".join(out) + "\n"


def run(folder, year, base, here, members=None, workers=2, log=print):
    """Builds the members; returns ({file: text}, member record). `members` limits the grid to
    its first entries (the determinism test uses 2)."""
    todo = grid()[:members] if members else grid()
    solved = year == 2007
    fixed = [None] * len(todo)
    if solved:
        base = dict(base, calibration_by_exponent={
            s["distance_exponent"]: s["home_bias"] for s in base["calibration"]["searched"]})
    else:
        with open(members_path(here), encoding="utf-8") as f:
            record = json.load(f)["members"]
        by_key = {(r["distance_exponent"], r["national_target"], r["final_demand"]):
                  r["home_bias"] for r in record}
        fixed = [by_key[(t["distance_exponent"], t["national_target"], t["final_demand"])]
                 for t in todo]
    tasks = [(folder, year, base, t, h) for t, h in zip(todo, fixed)]
    if workers > 1:
        # fork keeps the parent's imports; imap keeps the member order (determinism).
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            results = []
            for r in pool.imap(evaluate_member, tasks):
                log(f"  member {len(results) + 1}/{len(tasks)}: {r[0]} home bias {r[1]}: "
                    f"national {r[2]['national_outside_share']:.4f}")
                results.append(r)
    else:
        results = [evaluate_member(t) for t in tasks]
    m = results[0]
    regions = list(m[3])
    sectors = []
    for _, sec in m[4]:
        if sec not in sectors:
            sectors.append(sec)
    files = {"ranges.csv": ranges_csv(results, regions, sectors),
             "ENSEMBLE.md": ensemble_md(year, results, solved)}
    record = [dict(mem, home_bias=h) for mem, h, _, _, _ in results]
    return files, record
