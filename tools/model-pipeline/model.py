"""Steps 1-6: assembles the reduced provincial MRIO model from the sources.

Result (a dict, see build()): labels, and dense Python lists
  Z[n][n], Y[n][ncol], F[n], FY[ncol]   with n = provinces x sectors (node = p * N + i),
  ncol = regions x categories (column = region * C + c; region index len(provinces) is ROW),
plus diagnostics for PROVENANCE.md. Money in 10^8 CNY, CO2 in Mt.
"""

import math

import balance
import concordance
import final_demand
import national
import sources
import trade

CATEGORIES = [c for c, _ in national.CATEGORIES]
DOMESTIC_CATEGORIES = [c for c in CATEGORIES if c != "exports"]
# Provincial key of each domestic final-demand category (step 3).
CATEGORY_KEY = {
    "households_rural": "value_added",
    "households_urban": "value_added",
    "government": "value_added",
    "capital_formation": "construction",
    "inventory_change": "value_added",
}
TO_1E8 = 1e-4  # national table: 10^4 CNY -> 10^8 CNY


def _provinces(folder, year, ceads):
    """The model's provinces: those of provinces.csv with CEADs data, in GB/T 2260 order."""
    attrs = concordance.province_attributes(year)
    model, dropped = [], []
    for p in sources.read_provinces(folder):
        if p["short_en"] in ceads:
            if p["short_en"] not in attrs:
                raise concordance.ConcordanceError(
                    f"concordance/provinces.csv: no code for {p['short_en']}")
            p = dict(p)
            p["model_code"], p["grid"] = attrs[p["short_en"]]
            model.append(p)
        else:
            dropped.append(p["short_en"])
    return model, dropped


# The exhibit's regional framing (docs/BUNDLE-FORMAT.md, `zone`): Feng et al.'s Central,
# Northwest and Southwest groups are "the central and western provinces"; the provinces flagged
# coastal (Liaoning included) are the coast; the rest of the Northeast group is the northeast.
INTERIOR_GROUPS = ("Central", "Northwest", "Southwest")


def zone_of(p):
    """`coast`, `centre_west` or `northeast` for a province of provinces.csv."""
    if p["region8"] in INTERIOR_GROUPS:
        return "centre_west"
    if p["coastal"] == "true":
        return "coast"
    if p["region8"] == "Northeast":
        return "northeast"
    raise concordance.ConcordanceError(
        f"provinces.csv: {p['short_en']} is inland but in group {p['region8']}: no zone for it")


def build(folder, year, params):
    sector_rows = concordance.reduced_sectors()
    sectors = [c for c, _, _ in sector_rows]
    N = len(sectors)
    ceads_file, ceads = sources.read_ceads(folder, year)
    provinces, dropped = _provinces(folder, year, ceads)
    names = [p["short_en"] for p in provinces]
    R = len(provinces)
    diag = {"dropped_provinces": dropped}

    # Step 1: national domestic technology, aggregated.
    table = sources.read_national_io(folder, year)
    nat_map = concordance.national(year)
    concordance.check_complete(nat_map, table["codes"], concordance.NATIONAL[year])
    split = None
    if table["noncompetitive"]:
        # Only total consumption is published: split each product's by a reference year.
        ref_year = params.get("consumption_split_from")
        if ref_year not in concordance.NATIONAL or ref_year == year:
            raise sources.SourceError(f"{table['file']}: non-competitive table; the parameter "
                                      "consumption_split_from must name another table year")
        ref = sources.read_national_io(folder, ref_year)
        ref_map = concordance.national(ref_year)
        concordance.check_complete(ref_map, ref["codes"], concordance.NATIONAL[ref_year])
        split = national.consumption_shares(national.domestic_reduced(ref, ref_map, sectors))
        diag["consumption_split"] = (ref_year, split)
    dom = national.domestic_reduced(table, nat_map, sectors, split)
    diag["national_file"] = table["file"]
    diag["import_share"] = dom["import_share"]
    diag["nbs_output"] = [g * TO_1E8 for g in dom["GO"]]

    # Step 2: provincial output, aggregated; the national table is RAS-fitted to its totals.
    output_file, output = sources.read_provincial_output(folder, year)
    prov_map = concordance.provincial(year)
    concordance.check_complete(prov_map, list(range(1, 43)), concordance.PROVINCIAL[year])
    missing = [name for name in names if name not in output]
    if missing:
        raise sources.SourceError(f"{output_file}: no gross output for {', '.join(missing)}")
    x = [[0.0] * N for _ in range(R)]
    for p, name in enumerate(names):
        for k in range(1, 43):
            x[p][sectors.index(prov_map[k])] += output[name][k]
    X = [math.fsum(x[p][i] for p in range(R)) for i in range(N)]
    diag["output_file"] = output_file
    diag["provincial_total"] = X
    diag["dropped_output"] = math.fsum(sum(output[d].values()) for d in dropped if d in output)

    Znat = [[v * TO_1E8 for v in row] for row in dom["Z"]]
    negative_inventory = [(sectors[i], dom["fd"][i]["inventory_change"] * TO_1E8)
                          for i in range(N) if dom["fd"][i]["inventory_change"] < 0]
    FDnat = [[max(dom["fd"][i][c], 0.0) * TO_1E8 for c in CATEGORIES] for i in range(N)]
    primary = [1.0 - sum(dom["Z"][i][j] for i in range(N)) / dom["GO"][j] for j in range(N)]
    Zb, FDb, r, s, it = balance.ras_national(Znat, FDnat, X, primary)
    a = [[Zb[i][j] / X[j] for j in range(N)] for i in range(N)]
    diag["negative_inventory"] = negative_inventory
    diag["ras"] = {"r": r, "s": s, "iterations": it}
    diag["column_sums"] = [sum(a[i][j] for i in range(N)) for j in range(N)]

    # Step 3: provincial intermediate and final demand.
    va_ratio = [dom["VA"][j] / dom["GO"][j] for j in range(N)]
    va = [sum(va_ratio[j] * x[p][j] for j in range(N)) for p in range(R)]
    cons = sectors.index("CONS")
    keys = {"value_added": [v / math.fsum(va) for v in va],
            "construction": [x[p][cons] / X[cons] for p in range(R)]}
    exp = CATEGORIES.index("exports")
    use = [[sum(a[i][j] * x[q][j] for j in range(N)) for i in range(N)] for q in range(R)]
    # Final demand from the published expenditure statistics (final_demand.py); the keys of
    # the first edition are kept for the before/after comparison in PROVENANCE.md.
    old_keys = {c: keys[CATEGORY_KEY[c]] for c in DOMESTIC_CATEGORIES}
    final, exports, diag["final_demand"] = final_demand.build(
        folder, year, params["final_demand"], names, sectors, CATEGORIES, x,
        FDb, old_keys)
    diag["value_added_key"] = keys["value_added"]
    gfcf = CATEGORIES.index("capital_formation")
    diag["construction_share_of_capital_formation"] = (
        FDb[cons][gfcf] / math.fsum(FDb[i][gfcf] for i in range(N)))

    # Steps 4-5: gravity trade per sector, fitted to supply and demand.
    dist = trade.distances(provinces)
    grids = [p["grid"] for p in provinces]
    shares = []  # shares[i][p][q]: share of q's use of product i supplied by p
    diag["ipf"] = []
    for i, sec in enumerate(sectors):
        supply = [x[p][i] - exports[p][i] for p in range(R)]
        demand = [use[q][i] + sum(final[q][i]) for q in range(R)]
        t, iters, err = balance.ipf(trade.seed(sec, dist, grids, params), supply, demand)
        shares.append([[t[p][q] / demand[q] if demand[q] > 0 else 0.0 for q in range(R)]
                       for p in range(R)])
        local = sum(t[p][p] for p in range(R)) / math.fsum(demand)
        diag["ipf"].append({"sector": sec, "iterations": iters, "error": err, "local": local})

    # Assembly (Chenery-Moses: every user in q buys product i from the same mix of origins).
    n = R * N
    C = len(CATEGORIES)
    Z = [[0.0] * n for _ in range(n)]
    Y = [[0.0] * ((R + 1) * C) for _ in range(n)]
    for p in range(R):
        for i in range(N):
            zrow, yrow, sh = Z[p * N + i], Y[p * N + i], shares[i][p]
            for q in range(R):
                tau = sh[q]
                if tau == 0.0:
                    continue
                for j in range(N):
                    zrow[q * N + j] = tau * a[i][j] * x[q][j]
                for k in range(C - 1):
                    yrow[q * C + k] = tau * final[q][i][k]
            yrow[R * C + exp] = exports[p][i]

    # Step 6: CO2 from CEADs.
    F, FY, moved = emissions(ceads, names, sectors, x, R, C)
    diag["ceads_file"] = ceads_file
    diag["moved_emissions"] = moved
    diag["ceads_total"] = math.fsum(v for prov in ceads.values() for v in prov.values())
    diag["ceads_province_total"] = [math.fsum(ceads[name].values()) for name in names]

    regions = [{"code": p["model_code"], "name_en": p["short_en"], "name_zh": p["short_zh"],
                "kind": "domestic", "group": p["region8"], "coastal": p["coastal"],
                "zone": zone_of(p), "lat": p["capital_lat"], "lon": p["capital_lon"]}
               for p in provinces]
    regions.append({"code": "ROW", "name_en": "Rest of the world", "name_zh": "世界其他地区",
                    "kind": "external", "group": "", "coastal": "false", "zone": "", "lat": None,
                    "lon": None})
    return {"year": year, "regions": regions, "sectors": sector_rows, "categories": CATEGORIES,
            "R": R, "N": N, "Z": Z, "Y": Y, "F": F, "FY": FY, "x_target": x,
            "diag": diag, "params": params}


def emissions(ceads, names, sectors, x, R, C):
    """F[node] and FY[column] in Mt CO2. Emissions of a province-sector whose output is zero are
    moved to the nearest sector in the reduced order (next, then previous) that has output."""
    mapping = concordance.ceads()
    concordance.check_complete(mapping, list(next(iter(ceads.values())).keys()), concordance.CEADS)
    N = len(sectors)
    F = [0.0] * (R * N)
    FY = [0.0] * ((R + 1) * C)
    moved = []
    for p, name in enumerate(names):
        rows = ceads[name]
        concordance.check_complete(mapping, list(rows.keys()), concordance.CEADS)
        by_sector = [[] for _ in range(N)]
        for label, value in rows.items():
            matrix, target = mapping[label]
            if matrix == "F":
                by_sector[sectors.index(target)].append(value)
            else:
                FY[p * C + CATEGORIES.index(target)] += value
        for i in range(N):
            v = math.fsum(by_sector[i])
            if v == 0.0:
                continue
            j = i
            if x[p][i] <= 0.0:
                order = list(range(i + 1, N)) + list(range(i - 1, -1, -1))
                j = next(k for k in order if x[p][k] > 0.0)
                moved.append((name, sectors[i], sectors[j], v))
            F[p * N + j] += v
    return F, FY, moved
