"""Pure-Python accounts of a model, for calibration and for the figures in PROVENANCE.md.

Same definitions as the engine (docs/MRIO.md): x = Z.1 + Y.1, A = Z diag(x)^-1,
s = F / x, T[e][r] = sum_{i in e} s_i (L y_r)_i with L y_r from one LU factorisation of I - A.
"""

import math
import statistics
from operator import mul

import model


def lu_factor(M):
    """In-place LU with partial pivoting of a dense list-of-lists matrix; returns pivot order."""
    n = len(M)
    piv = list(range(n))
    for k in range(n):
        best = max(range(k, n), key=lambda i: abs(M[i][k]))
        if M[best][k] == 0.0:
            raise ZeroDivisionError("singular matrix")
        if best != k:
            M[k], M[best] = M[best], M[k]
            piv[k], piv[best] = piv[best], piv[k]
        rk = M[k]
        pivot = rk[k]
        tail = rk[k + 1:]
        for i in range(k + 1, n):
            ri = M[i]
            f = ri[k]
            if f != 0.0:
                f /= pivot
                ri[k] = f
                ri[k + 1:] = [u - f * v for u, v in zip(ri[k + 1:], tail)]
    return piv


def lu_solve(LU, piv, b):
    n = len(LU)
    y = [b[piv[i]] for i in range(n)]
    for i in range(n):
        y[i] -= sum(map(mul, LU[i][:i], y[:i]))
    for i in range(n - 1, -1, -1):
        row = LU[i]
        y[i] = (y[i] - sum(map(mul, row[i + 1:], y[i + 1:]))) / row[i]
    return y


def transpose(LU):
    return [list(c) for c in zip(*LU)]


def lu_solve_transposed(LU, piv, b, LUT=None):
    """Solves M^T u = b for the M factorised by lu_factor (row multipliers: u = b^T M^-1).
    LUT = transpose(LU) may be passed to save the transposition in repeated solves."""
    n = len(LU)
    T = LUT if LUT is not None else transpose(LU)
    z = [0.0] * n
    for i in range(n):
        z[i] = (b[i] - sum(map(mul, T[i][:i], z[:i]))) / T[i][i]
    v = [0.0] * n
    for i in range(n - 1, -1, -1):
        v[i] = z[i] - sum(map(mul, T[i][i + 1:], v[i + 1:]))
    u = [0.0] * n
    for i in range(n):
        u[piv[i]] = v[i]
    return u


def accounts(m):
    """Transfers and headline shares of a model dict (as from model.build / bundle values)."""
    R, N, C = m["R"], m["N"], len(m["categories"])
    n = R * N
    Z, Y, F = m["Z"], m["Y"], m["F"]
    x = [math.fsum(Z[i]) + math.fsum(Y[i]) for i in range(n)]
    inv = [1.0 / v if v > 0 else 0.0 for v in x]
    IA = [[(1.0 if i == j else 0.0) - Z[i][j] * inv[j] for j in range(n)] for i in range(n)]
    col_max = max(sum(Z[i][j] for i in range(n)) * inv[j] for j in range(n))
    piv = lu_factor(IA)
    s = [F[i] * inv[i] for i in range(n)]
    consumers = R + 1
    T = [[0.0] * consumers for _ in range(R)]
    for r in range(consumers):
        y = [math.fsum(Y[i][r * C:(r + 1) * C]) for i in range(n)]
        if not any(y):
            continue
        lx = lu_solve(IA, piv, y)
        for e in range(R):
            T[e][r] = math.fsum(s[e * N + i] * lx[e * N + i] for i in range(N))
    total = math.fsum(math.fsum(row) for row in T)
    outside = math.fsum(T[e][r] for e in range(R) for r in range(consumers) if e != r)
    caused = [math.fsum(T[e][r] for e in range(R)) for r in range(R)]
    elsewhere = [math.fsum(T[e][r] for e in range(R) if e != r) / caused[r] for r in range(R)]
    cw = [e for e in range(R) if m["regions"][e]["zone"] == "centre_west"]
    centre_west = [math.fsum(T[e][r] for e in cw) / caused[r] for r in range(R)]
    return {"x": x, "T": T, "total": total, "F_total": math.fsum(F),
            "national_outside_share": outside / total, "consumption_industry": caused,
            "emitted_elsewhere_share": elsewhere, "centre_west_share": centre_west,
            "max_column_sum": col_max,
            "exports_share": math.fsum(T[e][R] for e in range(R)) / total,
            "lu": (IA, piv), "s": s}


# Zone centre_west ("central and western provinces", the trail's definition): the groups that
# model.zone_of puts there; the bundle carries it as the `zone` column of regions.csv.
CENTRE_WEST_GROUPS = model.INTERIOR_GROUPS


def headline(m, acc):
    """The acceptance figures: national share, top coastal share, coastal vs interior medians."""
    regions = m["regions"][:m["R"]]
    coastal = [k for k, r in enumerate(regions) if r["coastal"] == "true"]
    interior = [k for k, r in enumerate(regions) if r["coastal"] != "true"]
    share = acc["emitted_elsewhere_share"]
    top = max(coastal, key=lambda k: share[k])
    top_cw = max(coastal, key=lambda k: acc["centre_west_share"][k])
    return {"national_outside_share": acc["national_outside_share"],
            "top_coastal": regions[top]["name_en"], "top_coastal_share": share[top],
            "median_coastal": statistics.median(share[k] for k in coastal),
            "median_interior": statistics.median(share[k] for k in interior),
            "exports_share": acc["exports_share"],
            # The other reading of Feng et al.'s "up to 80%": emitted in central and western
            # provinces (for a coastal consumer, always a subset of "in other provinces").
            "top_coastal_centre_west": regions[top_cw]["name_en"],
            "top_coastal_centre_west_share": acc["centre_west_share"][top_cw]}
