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


CONSUMPTION = ("households_rural", "households_urban", "government")


def consumption_shares(dom):
    """Per reduced product, the rural / urban / government shares of its final consumption in an
    aggregated table (domestic_reduced); None for a product nobody consumes."""
    out = []
    for f in dom["fd"]:
        total = sum(f[c] for c in CONSUMPTION)
        out.append({c: f[c] / total for c in CONSUMPTION} if total > 0 else None)
    return out


def domestic_reduced(table, mapping, sectors, consumption_split=None):
    """Aggregated domestic flows (10^4 CNY, as in the source).

    Returns dict with Z[i][j] (domestic intermediate use of reduced product i by sector j),
    fd[i][category] (domestic final use incl. exports), GO[j], VA[j], IM[i], ERR[i],
    import_share[i] (aggregated imports / aggregated domestic use of the imported products).
    A non-competitive table (table["noncompetitive"]) is domestic already: nothing is removed,
    and its total consumption TC is split into CONSUMPTION with `consumption_split`
    (consumption_shares of a reference year), which it then requires.
    """
    if table["noncompetitive"]:
        return _domestic_noncompetitive(table, mapping, sectors, consumption_split)
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


def _domestic_noncompetitive(table, mapping, sectors, split):
    if split is None:
        raise SourceError(f"{table['file']}: a non-competitive table needs a consumption split "
                          "(params: consumption_split_from)")
    index = {s: k for k, s in enumerate(sectors)}
    n = len(sectors)
    Z = [[0.0] * n for _ in range(n)]
    fd = [{c: 0.0 for c, _ in CATEGORIES} for _ in range(n)]
    TC, GO, VA, IM, use = [0.0] * n, [0.0] * n, [0.0] * n, [0.0] * n, [0.0] * n
    codes = table["codes"]
    col_of = [index[mapping[c]] for c in codes]
    for code in codes:
        i = index[mapping[code]]
        f = table["fd"][code]
        for k, v in enumerate(table["Z"][code]):
            Z[i][col_of[k]] += v
        TC[i] += f["TC"]
        fd[i]["capital_formation"] += f["FU201"]
        fd[i]["inventory_change"] += f["FU202"]
        fd[i]["exports"] += f["EX"]
        GO[i] += table["GO"][code]
        VA[i] += table["VA"][code]
        IM[i] += table["IM"][code]
        use[i] += sum(table["Z"][code]) + f["TC"] + f["FU201"] + f["FU202"]
    for i in range(n):
        if TC[i] == 0:
            continue
        if split[i] is None:
            raise SourceError(f"{table['file']}: {sectors[i]} has final consumption but the "
                              "reference year has none to split it by")
        for c in CONSUMPTION:
            fd[i][c] = TC[i] * split[i][c]
    # Imports over total (domestic + imported) use, comparable with the competitive years.
    return {"Z": Z, "fd": fd, "GO": GO, "VA": VA, "IM": IM, "ERR": [0.0] * n,
            "import_share": [IM[i] / (use[i] + IM[i]) if use[i] + IM[i] else 0.0
                             for i in range(n)]}


def coefficients(dom):
    """Domestic input coefficients a[i][j] = Z[i][j] / GO[j] and value-added ratios v[j]."""
    n = len(dom["GO"])
    a = [[dom["Z"][i][j] / dom["GO"][j] for j in range(n)] for i in range(n)]
    v = [dom["VA"][j] / dom["GO"][j] for j in range(n)]
    return a, v
