"""The committed concordance tables (concordance/*.csv): source classifications -> reduced sectors.

Every table maps each source sector exactly once; load() checks that and that every target is
a reduced sector (or, for the CEADs household rows, a final-demand category).
"""

import csv
import os

HERE = os.path.dirname(os.path.abspath(__file__))
FOLDER = os.path.join(HERE, "concordance")

NATIONAL = {2007: "nbs135_to_reduced.csv", 2012: "nbs139_to_reduced.csv",
            2017: "nbs42_2017_to_reduced.csv"}
PROVINCIAL = {2007: "prov42_2007_to_reduced.csv", 2012: "prov42_2012_to_reduced.csv",
              2017: "prov42_2017_to_reduced.csv"}
CEADS = "ceads47_to_reduced.csv"
HOUSEHOLD_CATEGORIES = ("households_rural", "households_urban")


class ConcordanceError(Exception):
    pass


def _read(name):
    path = os.path.join(FOLDER, name)
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        return [(reader.line_num, row) for row in reader]


def reduced_sectors():
    """[(code, name_en, name_zh)] in model order."""
    rows = [(r["code"], r["name_en"], r["name_zh"]) for _, r in _read("reduced_sectors.csv")]
    codes = [c for c, _, _ in rows]
    if len(set(codes)) != len(codes):
        raise ConcordanceError("reduced_sectors.csv: duplicate code")
    if not 12 <= len(codes) <= 20:
        raise ConcordanceError("reduced_sectors.csv: expected 12 to 20 sectors")
    return rows


def _mapping(name, key, target="reduced", allowed=None):
    allowed = set(allowed or (c for c, _, _ in reduced_sectors()))
    out = {}
    for line, r in _read(name):
        k = r[key]
        if k in out:
            raise ConcordanceError(f"{name}:{line}: source sector {k!r} mapped twice")
        if r[target] not in allowed:
            raise ConcordanceError(f"{name}:{line}: unknown target {r[target]!r}")
        out[k] = r[target]
    return out


def national(year):
    """{NBS sector code ('001'..): reduced code}."""
    return _mapping(NATIONAL[year], "code")


def provincial(year):
    """{provincial sector index (int 1..42): reduced code}."""
    return {int(k): v for k, v in _mapping(PROVINCIAL[year], "sector_index").items()}


def ceads():
    """{CEADs sector label: ('F', reduced code) or ('FY', household category)}."""
    sectors = {c for c, _, _ in reduced_sectors()}
    out = {}
    for line, r in _read(CEADS):
        label = r["sector"]
        if label in out:
            raise ConcordanceError(f"{CEADS}:{line}: source sector {label!r} mapped twice")
        if r["matrix"] == "F" and r["target"] in sectors:
            out[label] = ("F", r["target"])
        elif r["matrix"] == "FY" and r["target"] in HOUSEHOLD_CATEGORIES:
            out[label] = ("FY", r["target"])
        else:
            raise ConcordanceError(f"{CEADS}:{line}: bad matrix/target {r['matrix']}/{r['target']}")
    return out


def province_attributes(year):
    """{province short_en: (model region code, power grid of `year`)} from provinces.csv."""
    out = {}
    for line, r in _read("provinces.csv"):
        if r["province"] in out or r["code"] in {c for c, _ in out.values()}:
            raise ConcordanceError(f"provinces.csv:{line}: duplicate province or code")
        out[r["province"]] = (r["code"], r[f"grid_{year}"])
    return out


def check_complete(mapping, source_keys, name):
    """Raises unless `mapping` covers exactly `source_keys` (each source sector once)."""
    missing = [k for k in source_keys if k not in mapping]
    extra = [k for k in mapping if k not in set(source_keys)]
    if missing or extra:
        raise ConcordanceError(f"{name}: missing {missing[:5]}, not in source {extra[:5]}")
