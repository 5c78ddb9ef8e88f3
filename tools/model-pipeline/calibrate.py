"""Step 7: calibration of the free trade parameters (distance exponent, home bias).

Targets (Feng et al. 2013, PNAS 110:11654, for 2007):
  1. national outside share = 57%: share of China's industrial CO2 tied to final demand outside
     the emitting province (other provinces and exports abroad);
  2. "up to 80%": the coastal province whose consumption-based CO2 is most emitted elsewhere
     has 80% of it emitted in other provinces.
For each distance exponent on a grid the home bias is solved (regula falsi on log home bias)
so that target 1 holds; of those pairs the one closest to target 2 is kept. Each evaluation is
a full model build plus a pure-Python LU of I - A (about 5 s), so this is a separate mode.
"""

import math
import sys

import bundle_writer
import evaluate
import model

NATIONAL_TARGET = 0.57
TOP_COASTAL_TARGET = 0.80
EXPONENT_GRID = [0.5, 1.0, 1.5, 2.0]
HOME_BIAS_RANGE = (1.0, 1.0e5)
START_BRACKET = (30.0, 1000.0)
TOLERANCE = 2e-4


def figures(folder, year, params):
    m = bundle_writer.finalize(model.build(folder, year, params))
    return evaluate.headline(m, evaluate.accounts(m))


def solve_home_bias(folder, year, params, start=START_BRACKET, log=print,
                    target=NATIONAL_TARGET):
    """Home bias giving the national `target` for params['distance_exponent'] (share falls as
    home bias rises). Returns (home_bias, figures)."""
    def at(log_h):
        p = dict(params, home_bias=float(f"{math.exp(log_h):.6g}"))
        f = figures(folder, year, p)
        log(f"  beta={p['distance_exponent']} home_bias={p['home_bias']}: "
            f"national {f['national_outside_share']:.4f}, top coastal {f['top_coastal']} "
            f"{f['top_coastal_share']:.4f}")
        return p["home_bias"], f, f["national_outside_share"] - target

    # Start from a moderate bracket and widen it (x10 steps, within HOME_BIAS_RANGE) until it
    # holds the target: the share flattens at both extremes, where regula falsi would crawl.
    lo, hi = math.log(start[0]), math.log(start[1])
    lmin, lmax = math.log(HOME_BIAS_RANGE[0]), math.log(HOME_BIAS_RANGE[1])
    g_lo, g_hi = at(lo)[2], at(hi)[2]
    while g_lo < 0 and lo > lmin:
        hi, g_hi = lo, g_lo
        lo = max(lo - math.log(10.0), lmin)
        g_lo = at(lo)[2]
    while g_hi > 0 and hi < lmax:
        lo, g_lo = hi, g_hi
        hi = min(hi + math.log(10.0), lmax)
        g_hi = at(hi)[2]
    if g_lo < 0 or g_hi > 0:
        raise RuntimeError(f"target {target} not bracketed by home bias {HOME_BIAS_RANGE}")
    side = 0
    for _ in range(40):
        mid = (lo * g_hi - hi * g_lo) / (g_hi - g_lo)  # regula falsi (Illinois variant)
        h, f, g = at(mid)
        if abs(g) < TOLERANCE:
            return h, f
        if g > 0:
            lo, g_lo = mid, g
            if side == 1:
                g_hi /= 2
            side = 1
        else:
            hi, g_hi = mid, g
            if side == -1:
                g_lo /= 2
            side = -1
    raise RuntimeError("home bias search did not converge")


def calibrate(folder, year, base_params, log=print):
    """Returns (params, record): the chosen parameters and every searched point."""
    searched = []
    start = START_BRACKET
    for beta in EXPONENT_GRID:
        log(f"distance exponent {beta}:")
        h, f = solve_home_bias(folder, year, dict(base_params, distance_exponent=beta), start, log)
        start = (h / 2, h * 2)  # the next exponent's solution is near this one
        searched.append({"distance_exponent": beta, "home_bias": h,
                         "national_outside_share": round(f["national_outside_share"], 4),
                         "top_coastal": f["top_coastal"],
                         "top_coastal_share": round(f["top_coastal_share"], 4),
                         "median_coastal": round(f["median_coastal"], 4),
                         "median_interior": round(f["median_interior"], 4)})
        sys.stdout.flush()
    best = min(searched, key=lambda s: (abs(s["top_coastal_share"] - TOP_COASTAL_TARGET),
                                        s["distance_exponent"]))
    params = dict(base_params, distance_exponent=best["distance_exponent"],
                  home_bias=best["home_bias"])
    record = {"national_outside_share_target": NATIONAL_TARGET,
              "top_coastal_share_target": TOP_COASTAL_TARGET,
              "chosen": best, "searched": searched}
    return params, record
