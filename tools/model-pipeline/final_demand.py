"""Step 3b: provincial final demand from the published expenditure-side GDP.

Domestic categories: each province's total of a category is its published value (balanced
`bal_*` or raw `raw_*` columns of provincial_expenditure.csv, params["final_demand"]) times one
scale factor per category, so that the provinces add up to the national table's total of that
category; the total is split over products with the national category composition. Exports:
customs exports by domestic source (`export_s`) per province, spread over the goods sectors by
the province's output, fitted (IPF) to the national table's exports per goods sector; exports of
services and power (not in customs) keep the output-share key. Also returns the key-based
estimate of the first edition ("before") for the PROVENANCE.md comparison.
"""

import math

import balance
import sources

# Model category -> expenditure item of provincial_expenditure.csv.
ITEM = {
    "households_rural": "hsh_rural",
    "households_urban": "hsh_urban",
    "government": "gov",
    "capital_formation": "fixed_capital",
    "inventory_change": "inventory",
}
# Not in customs merchandise trade: their exports keep the own-output key.
NOT_CUSTOMS = ("POWER", "CONS", "TRANS", "SERV")
BASES = {"balanced": "bal", "raw": "raw"}


def _keyed(FDb, categories, keys, R, N):
    """First-edition estimate: national totals times provincial keys."""
    return [[[FDb[i][categories.index(c)] * keys[c][q] for c in ITEM] for i in range(N)]
            for q in range(R)]


def build(folder, year, basis, names, sectors, categories, x, FDb, old_keys):
    """Returns (final[q][i][k] over the domestic categories in ITEM order, exports[p][i], diag)."""
    R, N = len(names), len(sectors)
    X = [math.fsum(x[p][i] for p in range(R)) for i in range(N)]
    if basis not in BASES:
        raise sources.SourceError(f"final_demand must be one of {', '.join(BASES)}, not {basis!r}")
    file, stats = sources.read_expenditure(folder, year, BASES[basis])
    missing = [n for n in names if n not in stats]
    if missing:
        raise sources.SourceError(f"{file}: no {year} expenditure for {', '.join(missing)}")
    diag = {"file": file, "basis": basis, "scale": {}, "clipped": [], "published": {}}

    final = [[[0.0] * len(ITEM) for _ in range(N)] for _ in range(R)]
    for k, (cat, item) in enumerate(ITEM.items()):
        c = categories.index(cat)
        national = math.fsum(FDb[i][c] for i in range(N))
        published = [stats[n][item] for n in names]
        # A negative provincial total (inventory run-down, e.g. Jilin 2007) cannot be a demand
        # in the trade balancing; it is set to zero and listed.
        for q, v in enumerate(published):
            if v < 0:
                diag["clipped"].append((names[q], cat, v))
        kept = [max(v, 0.0) for v in published]
        scale = national / math.fsum(kept)
        diag["scale"][cat] = scale
        diag.setdefault("national_total", {})[cat] = national
        diag["published"][cat] = published
        for q in range(R):
            share = kept[q] / math.fsum(kept)
            for i in range(N):
                final[q][i][k] = FDb[i][c] * share

    exp = categories.index("exports")
    goods = [i for i, s in enumerate(sectors) if s not in NOT_CUSTOMS]
    customs = [stats[n]["export_s"] for n in names]
    goods_total = math.fsum(FDb[i][exp] for i in goods)
    row_target = [v * goods_total / math.fsum(customs) for v in customs]
    seed = [[x[p][i] for i in goods] for p in range(R)]
    fitted, iters, err = balance.ipf(seed, row_target, [FDb[i][exp] for i in goods], tol=1e-13)
    exports = [[FDb[i][exp] * x[p][i] / X[i] for i in range(N)] for p in range(R)]
    for p in range(R):
        for k, i in enumerate(goods):
            exports[p][i] = fitted[p][k]
    over = [(names[p], sectors[i], exports[p][i] / x[p][i]) for p in range(R) for i in range(N)
            if x[p][i] > 0 and exports[p][i] > x[p][i]]
    if over:
        raise balance.BalanceError(
            f"{file}: exports exceed output in " + ", ".join(f"{n} {s} ({r:.2f}x)"
                                                           for n, s, r in over))
    diag["scale"]["exports (goods)"] = goods_total / math.fsum(customs)
    diag["export_ipf"] = {"iterations": iters, "error": err}
    diag["customs"] = customs
    diag["goods"] = goods
    diag["national_exports"] = [FDb[i][exp] for i in range(N)]
    diag["max_export_share"] = max(((exports[p][i] / x[p][i], names[p], sectors[i])
                                    for p in range(R) for i in goods if x[p][i] > 0))
    diag["before"] = _keyed(FDb, categories, old_keys, R, N)
    diag["before_exports"] = [[FDb[i][exp] * x[p][i] / X[i] for i in range(N)] for p in range(R)]
    diag["net_provflow"] = [stats[n]["net_provflow"] for n in names]
    return final, exports, diag
