"""Out-of-sample check: each province's net interprovincial outflow in the model against the
statistics (`bal_net_provflow` of provincial_expenditure.csv, which the model does not fit).

Model: value of a province's products used in other provinces (intermediate and final) minus
the value of other provinces' products used in it, summed over sectors (10^8 CNY).
"""

import math


def model_net_outflow(m):
    R, N = m["R"], m["N"]
    C = len(m["categories"])
    out = [0.0] * R
    for node, (zrow, yrow) in enumerate(zip(m["Z"], m["Y"])):
        p = node // N
        for k, v in enumerate(zrow):
            q = k // N
            if v and q != p:
                out[p] += v
                out[q] -= v
        for k, v in enumerate(yrow):
            q = k // C
            if v and q != p and q < R:  # q == R is ROW: foreign exports, not interprovincial
                out[p] += v
                out[q] -= v
    return out


def ranks(values):
    """Ranks 1..n, ties sharing their mean rank."""
    order = sorted(range(len(values)), key=lambda k: values[k])
    out = [0.0] * len(values)
    k = 0
    while k < len(order):
        j = k
        while j + 1 < len(order) and values[order[j + 1]] == values[order[k]]:
            j += 1
        for t in range(k, j + 1):
            out[order[t]] = (k + j) / 2 + 1
        k = j + 1
    return out


def spearman(a, b):
    ra, rb = ranks(a), ranks(b)
    ma, mb = math.fsum(ra) / len(ra), math.fsum(rb) / len(rb)
    cov = math.fsum((x - ma) * (y - mb) for x, y in zip(ra, rb))
    return cov / math.sqrt(math.fsum((x - ma) ** 2 for x in ra) *
                           math.fsum((y - mb) ** 2 for y in rb))


def compare(m, published):
    """{sign_agree, n, spearman, rows: [(code, name, model, published)], worst: 5 rows with the
    largest absolute difference}."""
    model = model_net_outflow(m)
    regions = m["regions"]
    rows = [(regions[p]["code"], regions[p]["name_en"], model[p], published[p])
            for p in range(m["R"])]
    agree = sum(1 for _, _, a, b in rows if (a > 0) == (b > 0))
    worst = sorted(rows, key=lambda r: -abs(r[2] - r[3]))[:5]
    return {"sign_agree": agree, "n": len(rows), "spearman": spearman(model, published),
            "rows": rows, "worst": worst}
