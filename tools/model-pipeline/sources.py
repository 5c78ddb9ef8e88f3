"""Readers for the plain-CSV source folder (../shared/data/sources, see its README.md).

Each reader returns plain Python structures and checks what it relies on, raising SourceError
with the file, line and problem when a file does not look as expected.
"""

import csv
import os


class SourceError(Exception):
    pass


def _rows(path):
    """Yields (line_number, dict) for every data row of a UTF-8 CSV file with a header."""
    if not os.path.isfile(path):
        raise SourceError(f"{path}: file not found")
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        for row in reader:
            yield reader.line_num, row


def _number(path, line, text, what):
    try:
        return float(text)
    except ValueError:
        raise SourceError(f"{path}:{line}: {what} is not a number: {text!r}") from None


NATIONAL_TABLES = {2007: "national_io_2007_135.csv", 2012: "national_io_2012_139.csv",
                   2017: "national_io_2017_42.csv"}
# The 2017 table is non-competitive (domestic and imported rows apart) and publishes only total
# final consumption (TC), not its rural / urban / government split.
NONCOMPETITIVE = {2017}
FINAL_DEMAND_COLUMNS = ["FU101", "FU102", "FU103", "FU201", "FU202", "EX"]
NONCOMPETITIVE_FINAL_COLUMNS = ["TC", "FU201", "FU202", "EX"]


def read_national_io(folder, year):
    """The NBS table (10^4 CNY) of `year`.

    Returns dict with: codes (sector codes in order), labels {code: (en, zh)},
    Z {row code: [intermediate use by each column code]}, fd {row code: {column: value}} for
    FINAL_DEMAND_COLUMNS, IM, ERR, GO {code: value}, VA {column code: total value added},
    noncompetitive (False). A non-competitive table (2017) gives the domestic rows as Z and fd
    (columns NONCOMPETITIVE_FINAL_COLUMNS), IM = the import row's total, ERR = 0 and
    noncompetitive True.
    """
    if year in NONCOMPETITIVE:
        return _read_noncompetitive(folder, year)
    path = os.path.join(folder, NATIONAL_TABLES[year])
    codes, labels, Z, fd, IM, ERR, GO, VA = [], {}, {}, {}, {}, {}, {}, {}
    rows = list(_rows(path))
    codes = [r["Code"] for _, r in rows if r["Code"].isdigit()]
    if not codes or codes != [f"{k:03d}" for k in range(1, len(codes) + 1)]:
        raise SourceError(f"{path}: sector rows are not numbered 001..n in order")
    for line, r in rows:
        code = r["Code"]
        if code in codes:
            labels[code] = (r["Description"], r["DescriptionInChinese"])
            Z[code] = [_number(path, line, r[c], f"column {c}") for c in codes]
            fd[code] = {c: _number(path, line, r[c], f"column {c}") for c in FINAL_DEMAND_COLUMNS}
            IM[code] = _number(path, line, r["IM"], "IM")
            ERR[code] = _number(path, line, r["ERR"], "ERR")
            GO[code] = _number(path, line, r["GO"], "GO")
        elif code == "TVA":
            VA = {c: _number(path, line, r[c], f"TVA of {c}") for c in codes}
    if not VA:
        raise SourceError(f"{path}: no TVA (total value added) row")
    return {"file": NATIONAL_TABLES[year], "codes": codes, "labels": labels, "Z": Z, "fd": fd,
            "IM": IM, "ERR": ERR, "GO": GO, "VA": VA, "noncompetitive": False}


def _read_noncompetitive(folder, year):
    """The non-competitive-import layout (README section 2): `Origin` Domestic rows 01..n, then
    Imports rows 01..n (their GO is the product's total import), then TOT summary rows."""
    path = os.path.join(folder, NATIONAL_TABLES[year])
    rows = list(_rows(path))
    domestic = [(line, r) for line, r in rows if r.get("Origin") == "Domestic"]
    imports = {r["Code"]: (line, r) for line, r in rows if r.get("Origin") == "Imports"}
    codes = [r["Code"] for _, r in domestic]
    if not codes or codes != [f"{k:02d}" for k in range(1, len(codes) + 1)]:
        raise SourceError(f"{path}: domestic sector rows are not numbered 01..n in order")
    if sorted(imports) != codes:
        raise SourceError(f"{path}: the Imports rows do not list the same sectors as the "
                          "Domestic rows")
    labels, Z, fd, IM, ERR, GO, VA = {}, {}, {}, {}, {}, {}, {}
    for line, r in domestic:
        code = r["Code"]
        labels[code] = (r["Description"], r["DescriptionInChinese"])
        Z[code] = [_number(path, line, r[c], f"column {c}") for c in codes]
        fd[code] = {c: _number(path, line, r[c], f"column {c}")
                    for c in NONCOMPETITIVE_FINAL_COLUMNS}
        GO[code] = _number(path, line, r["GO"], "GO")
        line_m, m = imports[code]
        IM[code] = _number(path, line_m, m["GO"], "GO (total imports)")
        ERR[code] = 0.0
    for line, r in rows:
        if r["Code"] == "TVA":
            VA = {c: _number(path, line, r[c], f"TVA of {c}") for c in codes}
    if not VA:
        raise SourceError(f"{path}: no TVA (total value added) row")
    return {"file": NATIONAL_TABLES[year], "codes": codes, "labels": labels, "Z": Z, "fd": fd,
            "IM": IM, "ERR": ERR, "GO": GO, "VA": VA, "noncompetitive": True}


def read_provinces(folder):
    """provinces.csv rows in file (GB/T 2260) order, as dicts with typed lat/lon/coastal."""
    path = os.path.join(folder, "provinces.csv")
    out = []
    for line, r in _rows(path):
        r = dict(r)
        r["capital_lat"] = _number(path, line, r["capital_lat"], "capital_lat")
        r["capital_lon"] = _number(path, line, r["capital_lon"], "capital_lon")
        if r["coastal"] not in ("true", "false"):
            raise SourceError(f"{path}:{line}: coastal must be true or false")
        out.append(r)
    if len(out) != 31:
        raise SourceError(f"{path}: expected 31 provinces, found {len(out)}")
    return out


def read_provincial_output(folder, year):
    """Gross output (10^8 CNY) as {province short_en: {sector_index: value}}."""
    name = f"provincial_gross_output_{year}.csv"
    path = os.path.join(folder, name)
    out = {}
    for line, r in _rows(path):
        prov = out.setdefault(r["province_en"], {})
        k = int(r["sector_index"])
        if k in prov:
            raise SourceError(f"{path}:{line}: duplicate sector {k} for {r['province_en']}")
        value = _number(path, line, r["gross_output"], "gross_output")
        if value < 0:
            raise SourceError(f"{path}:{line}: negative gross output")
        prov[k] = value
    for p, sectors in out.items():
        if sorted(sectors) != list(range(1, 43)):
            raise SourceError(f"{path}: {p} does not have exactly sectors 1..42")
    return name, out


def read_provincial_sectors(folder):
    """provincial_sectors_42.csv rows (sector_index, names per year)."""
    return [r for _, r in _rows(os.path.join(folder, "provincial_sectors_42.csv"))]


def read_ceads_sectors(folder):
    return [r for _, r in _rows(os.path.join(folder, "ceads_sectors.csv"))]


def read_ceads(folder, year):
    """Scope-1 CO2 (Mt) as {province short_en: {ceads sector label: value}}."""
    name = f"ceads_co2_{year}.csv"
    path = os.path.join(folder, name)
    out = {}
    for line, r in _rows(path):
        prov = out.setdefault(r["province_en"], {})
        if r["sector"] in prov:
            raise SourceError(f"{path}:{line}: duplicate sector {r['sector']!r}")
        prov[r["sector"]] = _number(path, line, r["scope1_total"], "scope1_total")
    return name, out


EXPENDITURE_ITEMS = ["hsh_rural", "hsh_urban", "gov", "fixed_capital", "inventory", "export_s",
                     "net_provflow"]


def read_expenditure(folder, year, basis):
    """provincial_expenditure.csv (10^8 CNY): {province short_en: {item: value}} of `year`, on
    `basis` "bal" (balanced by Chen et al.) or "raw" (as published), for EXPENDITURE_ITEMS."""
    name = "provincial_expenditure.csv"
    path = os.path.join(folder, name)
    if basis not in ("bal", "raw"):
        raise ValueError(f"unknown expenditure basis {basis!r}")
    out = {}
    for line, r in _rows(path):
        if r.get("year") != str(year) or r.get("province_en") == "China":
            continue
        prov = r["province_en"]
        if prov in out:
            raise SourceError(f"{path}:{line}: duplicate row for {prov} {year}")
        values = {}
        for item in EXPENDITURE_ITEMS:
            column = f"{basis}_{item}"
            if column not in r:
                raise SourceError(f"{path}:{line}: no column {column}")
            values[item] = _number(path, line, r[column], column)
        out[prov] = values
    if not out:
        raise SourceError(f"{path}: no provincial rows for {year}")
    return name, out
