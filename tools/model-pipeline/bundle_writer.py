"""Writes a model (from model.build, after finalize()) as a CSV bundle (docs/BUNDLE-FORMAT.md).

Deterministic: rows in model order, numbers as Python's shortest round-trip repr of values
already rounded to a fixed number of significant digits, zero entries omitted, "\n" line ends.
"""

import csv
import io
import math
import os


def rounded(v, digits):
    """v rounded to `digits` significant digits (exactly representable as written)."""
    return float(f"{v:.{digits}g}") if v else 0.0


def num(v):
    text = repr(v)
    return text[:-2] if text.endswith(".0") else text


ROW_SHARE = 1e-3


def finalize(m):
    """Drops Z/Y flows below params['min_flow_share'] of the national gross output (and below
    ROW_SHARE of their row), scales the rest of the same row so that the node's gross output
    is unchanged, and rounds Z, Y, F, FY to params['significant_digits']. x is then recomputed
    from the numbers as they will be written."""
    digits = m["params"]["significant_digits"]
    floor = m["params"]["min_flow_share"] * math.fsum(map(math.fsum, m["x_target"]))
    dropped = {"floor": floor, "Z": 0.0, "Y": 0.0, "Z_entries": 0, "Y_entries": 0,
               "max_row_factor": 1.0, "max_row_node": ("", "")}
    for node, (zrow, yrow) in enumerate(zip(m["Z"], m["Y"])):
        full = math.fsum(zrow) + math.fsum(yrow)
        # Small nodes keep their flows: only what is also under 0.1% of its row is dropped.
        row_floor = min(floor, ROW_SHARE * full)
        for name, row in (("Z", zrow), ("Y", yrow)):
            for k, v in enumerate(row):
                if v != 0.0 and abs(v) < row_floor:
                    dropped[name] += v
                    dropped[name + "_entries"] += 1
                    row[k] = 0.0
        kept = math.fsum(zrow) + math.fsum(yrow)
        factor = full / kept if kept > 0 else 1.0
        if factor > dropped["max_row_factor"]:
            dropped["max_row_factor"] = factor
            dropped["max_row_node"] = (m["regions"][node // m["N"]]["code"],
                                       m["sectors"][node % m["N"]][0])
        for row in (zrow, yrow):
            for k, v in enumerate(row):
                if v != 0.0:
                    row[k] = rounded(v * factor, digits)
    m["F"] = [rounded(v, digits) for v in m["F"]]
    m["FY"] = [rounded(v, digits) for v in m["FY"]]
    m["x"] = [math.fsum(m["Z"][i]) + math.fsum(m["Y"][i]) for i in range(len(m["Z"]))]
    m["diag"]["dropped"] = dropped
    return m


def _csv_text(header, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue()


def bundle_files(m, meta):
    """{file name: text} of the whole bundle (PROVENANCE.md excluded)."""
    R, N = m["R"], m["N"]
    C = len(m["categories"])
    regions = m["regions"]
    sectors = [c for c, _, _ in m["sectors"]]
    node = [(regions[p]["code"], sectors[i]) for p in range(R) for i in range(N)]
    col = [(regions[r]["code"], m["categories"][c]) for r in range(R + 1) for c in range(C)]
    files = {}
    files["meta.csv"] = _csv_text(["key", "value"], meta)
    files["regions.csv"] = _csv_text(
        ["code", "name_en", "name_zh", "kind", "group", "coastal", "zone", "lat", "lon"],
        [[r["code"], r["name_en"], r["name_zh"], r["kind"], r["group"], r["coastal"], r["zone"],
          "" if r["lat"] is None else num(r["lat"]), "" if r["lon"] is None else num(r["lon"])]
         for r in regions])
    files["sectors.csv"] = _csv_text(["code", "name_en", "name_zh"],
                                     [list(s) for s in m["sectors"]])
    files["stressors.csv"] = _csv_text(["code", "name_en", "unit"],
                                       [["CO2", "Carbon dioxide (scope 1, CEADs)", "Mt"]])
    files["Z.csv"] = _csv_text(
        ["from_region", "from_sector", "to_region", "to_sector", "value"],
        [[*node[i], *node[j], num(v)]
         for i, row in enumerate(m["Z"]) for j, v in enumerate(row) if v])
    files["Y.csv"] = _csv_text(
        ["from_region", "from_sector", "to_region", "category", "value"],
        [[*node[i], *col[k], num(v)]
         for i, row in enumerate(m["Y"]) for k, v in enumerate(row) if v])
    files["F.csv"] = _csv_text(["region", "sector", "stressor", "value"],
                               [[*node[i], "CO2", num(v)] for i, v in enumerate(m["F"]) if v])
    files["FY.csv"] = _csv_text(["region", "category", "stressor", "value"],
                                [[*col[k], "CO2", num(v)] for k, v in enumerate(m["FY"]) if v])
    files["x.csv"] = _csv_text(["region", "sector", "value"],
                               [[*node[i], num(v)] for i, v in enumerate(m["x"])])
    return files


def write(folder, files):
    """Writes every file into `folder` (created if needed); bytes exactly as given (UTF-8)."""
    os.makedirs(folder, exist_ok=True)
    for name in sorted(files):
        with open(os.path.join(folder, name), "w", encoding="utf-8", newline="") as f:
            f.write(files[name])
