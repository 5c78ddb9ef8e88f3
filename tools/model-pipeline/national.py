"""Step 1: domestic technology from the NBS national table, aggregated to the reduced sectors.

The NBS table is competitive-import: each cell mixes domestic and imported products. Imports of
product i are removed from every domestic use of i (intermediate and domestic final demand, not
exports) in proportion to that use: m_i = IM_i / (TIU_i + TFU_i - EX_i). This happens at the
full 135/139-sector detail, before aggregation, so that e.g. imported crude oil does not dilute
refined products.
"""

from sources import SourceError

# Final-demand categories of the model, with the NBS column each comes from.
CATEGORIES = [
    ("households_rural", "FU101"),
    ("households_urban", "FU102"),
    ("government", "FU103"),
    ("capital_formation", "FU201"),
    ("inventory_change", "FU202"),
    ("exports", "EX"),
]


def domestic_reduced(table, mapping, sectors):
    """Aggregated domestic flows (10^4 CNY, as in the source).

    Returns dict with Z[i][j] (domestic intermediate use of reduced product i by sector j),
    fd[i][category] (domestic final use incl. exports), GO[j], VA[j], IM[i], ERR[i],
    import_share[i] (aggregated imports / aggregated domestic use of the imported products).
    """
    index = {s: k for k, s in enumerate(sectors)}
    n = len(sectors)
    Z = [[0.0] * n for _ in range(n)]
    fd = [{c: 0.0 for c, _ in CATEGORIES} for _ in range(n)]
    GO, VA, IM, ERR, use = [0.0] * n, [0.0] * n, [0.0] * n, [0.0] * n, [0.0] * n
    codes = table["codes"]
    col_of = [index[mapping[c]] for c in codes]
    for code in codes:
        i = index[mapping[code]]
        row = table["Z"][code]
        f = table["fd"][code]
        domestic_use = sum(row) + sum(f[c] for _, c in CATEGORIES if c != "EX")
        imports = table["IM"][code]
        keep = 1.0 - imports / domestic_use if domestic_use > 0 else 1.0
        if not 0.0 <= keep <= 1.0:
            raise SourceError(f"{table['file']}: sector {code}: imports exceed domestic use")
        zi = Z[i]
        for k, v in enumerate(row):
            if v:
                zi[col_of[k]] += v * keep
        for cat, column in CATEGORIES:
            fd[i][cat] += f[column] * (1.0 if column == "EX" else keep)
        GO[i] += table["GO"][code]
        VA[i] += table["VA"][code]
        IM[i] += imports
        ERR[i] += table["ERR"][code]
        use[i] += domestic_use
    return {"Z": Z, "fd": fd, "GO": GO, "VA": VA, "IM": IM, "ERR": ERR,
            "import_share": [IM[i] / use[i] if use[i] else 0.0 for i in range(n)]}


def coefficients(dom):
    """Domestic input coefficients a[i][j] = Z[i][j] / GO[j] and value-added ratios v[j]."""
    n = len(dom["GO"])
    a = [[dom["Z"][i][j] / dom["GO"][j] for j in range(n)] for i in range(n)]
    v = [dom["VA"][j] / dom["GO"][j] for j in range(n)]
    return a, v
