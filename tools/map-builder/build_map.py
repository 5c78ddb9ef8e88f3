#!/usr/bin/python3
"""Build the exhibit's province map asset from a province GeoJSON.

    /usr/bin/python3 tools/map-builder/build_map.py [SOURCES_DIR_OR_GEOJSON] [-o OUT] [--check]

Reads china_provinces.geojson (+ provinces.csv next to it for capitals), projects it with an
Albers equal-area conic for China, simplifies shared borders once (so neighbours stay seamless),
triangulates every ring by ear clipping and writes assets/map/china-provinces.map (format:
docs/MAP.md) plus china-provinces.NOTICE.txt (the source's licence and our change note).
Python 3 standard library only; output is byte-for-byte deterministic.

--check rebuilds in memory and exits 1 if the committed asset differs (0 if identical,
77 if the source GeoJSON is not available here).
"""

import argparse
import csv
import hashlib
import json
import math
import os
import sys

FORMAT_VERSION = 1

# GB/T 2260 province code -> the two-letter code the model uses.
ABBREVIATIONS = {
    110000: "BJ", 120000: "TJ", 130000: "HE", 140000: "SX", 150000: "NM",
    210000: "LN", 220000: "JL", 230000: "HL",
    310000: "SH", 320000: "JS", 330000: "ZJ", 340000: "AH", 350000: "FJ", 360000: "JX",
    370000: "SD",
    410000: "HA", 420000: "HB", 430000: "HN", 440000: "GD", 450000: "GX", 460000: "HI",
    500000: "CQ", 510000: "SC", 520000: "GZ", 530000: "YN", 540000: "XZ",
    610000: "SN", 620000: "GS", 630000: "QH", 640000: "NX", 650000: "XJ",
    710000: "TW", 810000: "HK", 820000: "MO",
}

# Albers equal-area conic on a sphere, the usual parameters for maps of China.
PROJ = {"lon0": 105.0, "lat0": 0.0, "lat1": 25.0, "lat2": 47.0, "radius_km": 6371.0}

GRID = 10                 # stored coordinates are integers of 1/GRID km (0.1 km)
DEFAULT_TOLERANCE_KM = 4.0  # Douglas-Peucker tolerance; < 1 px at 1920x1080 (~4.5 km/px)
MIN_ISLAND_KM2 = 25.0     # smaller extra rings (islets) are dropped; the largest ring always stays
INSET_SOUTH_OF = 17.5     # rings entirely south of this latitude go into the inset box
INSET_WIDTH = 0.12        # inset box width as a fraction of the land width
INSET_ASPECT = 1.5        # inset box height / width (portrait, as on approved maps)
INSET_MARGIN = 0.01       # gap to land, fraction of the land width
# Geographic window shown in the inset box (South China Sea), projected and scaled into it.
INSET_WINDOW = {"lon_min": 105.0, "lon_max": 123.0, "lat_min": 3.0, "lat_max": 24.0}


class MapBuildError(Exception):
    pass


# ---------------------------------------------------------------------------------------------
# projection

def make_projection(p):
    r = math.radians
    n = (math.sin(r(p["lat1"])) + math.sin(r(p["lat2"]))) / 2
    c = math.cos(r(p["lat1"])) ** 2 + 2 * n * math.sin(r(p["lat1"]))
    big_r = p["radius_km"]
    rho0 = big_r * math.sqrt(c - 2 * n * math.sin(r(p["lat0"]))) / n

    def project(lon, lat):
        rho = big_r * math.sqrt(c - 2 * n * math.sin(r(lat))) / n
        theta = n * r(lon - p["lon0"])
        return rho * math.sin(theta), -(rho0 - rho * math.cos(theta))  # y to the south
    return project


# ---------------------------------------------------------------------------------------------
# geometry helpers (integer coordinates -> exact orientation tests)

def signed_area2(ring):
    """Twice the shoelace area (positive = counter-clockwise in x-right/y-up axes)."""
    s = 0
    n = len(ring)
    for i in range(n):
        x1, y1 = ring[i]
        x2, y2 = ring[(i + 1) % n]
        s += x1 * y2 - x2 * y1
    return s


def cross(o, a, b):
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def seg_distance2(p, a, b):
    ax, ay = a
    dx, dy = b[0] - ax, b[1] - ay
    if dx == 0 and dy == 0:
        return (p[0] - ax) ** 2 + (p[1] - ay) ** 2
    t = ((p[0] - ax) * dx + (p[1] - ay) * dy) / (dx * dx + dy * dy)
    t = max(0.0, min(1.0, t))
    qx, qy = ax + t * dx, ay + t * dy
    return (p[0] - qx) ** 2 + (p[1] - qy) ** 2


def douglas_peucker(points, tol):
    """Keep both endpoints; iterative to avoid recursion limits."""
    n = len(points)
    if n <= 2 or tol <= 0:
        return list(points)
    keep = [False] * n
    keep[0] = keep[-1] = True
    stack = [(0, n - 1)]
    tol2 = tol * tol
    while stack:
        i, j = stack.pop()
        best, best_d = -1, -1.0
        for k in range(i + 1, j):
            d = seg_distance2(points[k], points[i], points[j])
            if d > best_d:
                best, best_d = k, d
        if best >= 0 and best_d > tol2:
            keep[best] = True
            stack.append((i, best))
            stack.append((best, j))
    return [p for p, k in zip(points, keep) if k]


def segments_cross(a, b, c, d):
    """True if segments ab and cd intersect in a point that is not a shared endpoint
    (touching, overlapping and crossing all count)."""
    shared = {a, b} & {c, d}
    d1, d2 = cross(c, d, a), cross(c, d, b)
    d3, d4 = cross(a, b, c), cross(a, b, d)
    if shared:
        if len(shared) == 2:
            return False  # the same segment (a border drawn twice) is fine
        # One shared endpoint: only a collinear overlap is a problem.
        s = shared.pop()
        o1 = b if a == s else a
        o2 = d if c == s else c
        if cross(s, o1, o2) != 0:
            return False
        return (o1[0] - s[0]) * (o2[0] - s[0]) + (o1[1] - s[1]) * (o2[1] - s[1]) > 0
    if ((d1 > 0 and d2 < 0) or (d1 < 0 and d2 > 0)) and ((d3 > 0 and d4 < 0) or (d3 < 0 and d4 > 0)):
        return True

    def on_seg(p, q, r):
        return min(p[0], q[0]) <= r[0] <= max(p[0], q[0]) and min(p[1], q[1]) <= r[1] <= max(p[1], q[1])
    return ((d1 == 0 and on_seg(c, d, a)) or (d2 == 0 and on_seg(c, d, b)) or
            (d3 == 0 and on_seg(a, b, c)) or (d4 == 0 and on_seg(a, b, d)))


def point_in_triangle(p, a, b, c):
    """Inclusive test for a counter-clockwise triangle."""
    return cross(a, b, p) >= 0 and cross(b, c, p) >= 0 and cross(c, a, p) >= 0


def ear_clip(ring):
    """Triangulate a simple counter-clockwise ring (no holes). Returns index triples.
    Collinear/spike vertices are removed without a triangle (zero area)."""
    n = len(ring)
    idx = list(range(n))
    tris = []
    guard = 0
    while len(idx) > 3:
        m = len(idx)
        clipped = False
        # Collinear first: drop a vertex that adds no area.
        for k in range(m):
            a, b, c = ring[idx[k - 1]], ring[idx[k]], ring[idx[(k + 1) % m]]
            if cross(a, b, c) == 0:
                del idx[k]
                clipped = True
                break
        if clipped:
            continue
        for k in range(m):
            ia, ib, ic = idx[k - 1], idx[k], idx[(k + 1) % m]
            a, b, c = ring[ia], ring[ib], ring[ic]
            if cross(a, b, c) <= 0:
                continue  # reflex
            ok = True
            for j in idx:
                if j in (ia, ib, ic):
                    continue
                p = ring[j]
                if p == a or p == b or p == c:
                    continue
                if point_in_triangle(p, a, b, c):
                    ok = False
                    break
            if ok:
                tris.append((ia, ib, ic))
                del idx[k]
                clipped = True
                break
        if not clipped:
            guard += 1
            if guard > 1:
                raise MapBuildError("ear clipping found no ear (ring not simple?)")
            # Degenerate ring (touching itself): clip the most convex vertex to make progress.
            best = max(range(m), key=lambda k: cross(ring[idx[k - 1]], ring[idx[k]], ring[idx[(k + 1) % m]]))
            tris.append((idx[best - 1], idx[best], idx[(best + 1) % m]))
            del idx[best]
        else:
            guard = 0
    if len(idx) == 3 and cross(ring[idx[0]], ring[idx[1]], ring[idx[2]]) > 0:
        tris.append(tuple(idx))
    return tris


def pole_of_inaccessibility(ring):
    """Deterministic coarse-to-fine grid search for the interior point farthest from the
    outline (where an area label fits best)."""
    xs = [p[0] for p in ring]
    ys = [p[1] for p in ring]
    n = len(ring)

    def clearance(p, bound):
        # Squared distance to the outline; stops early once it cannot beat `bound`.
        d = float("inf")
        for k in range(n):
            d = min(d, seg_distance2(p, ring[k], ring[(k + 1) % n]))
            if d <= bound:
                return d
        return d

    best, best_d = None, -1.0
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    hw, hh = (max(xs) - min(xs)) / 2, (max(ys) - min(ys)) / 2
    steps = 24
    for _ in range(5):
        for i in range(steps + 1):
            for j in range(steps + 1):
                p = (cx - hw + 2 * hw * i / steps, cy - hh + 2 * hh * j / steps)
                if not point_in_ring(p, ring):
                    continue
                d = clearance(p, best_d)
                if d > best_d:
                    best, best_d = p, d
        if best is None:
            break
        cx, cy = best
        hw, hh = hw * 4 / steps, hh * 4 / steps  # zoom in around the best point
        steps = 8
    if best is None:  # tiny ring: use its first vertex
        best = ring[0]
    return best


def point_in_ring(p, ring):
    inside = False
    n = len(ring)
    x, y = p
    for i in range(n):
        x1, y1 = ring[i]
        x2, y2 = ring[(i + 1) % n]
        if (y1 > y) != (y2 > y):
            xc = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
            if x < xc:
                inside = not inside
    return inside


# ---------------------------------------------------------------------------------------------
# reading

def read_capitals(csv_path):
    capitals = {}
    if not os.path.exists(csv_path):
        return capitals
    with open(csv_path, newline="", encoding="utf-8") as f:
        for line_no, row in enumerate(csv.DictReader(f), start=2):
            try:
                capitals[int(row["code"])] = (float(row["capital_lon"]), float(row["capital_lat"]),
                                              row.get("short_zh", ""))
            except (KeyError, ValueError) as e:
                raise MapBuildError(f"{csv_path}:{line_no}: bad capital row ({e})")
    return capitals


def read_features(path):
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except json.JSONDecodeError as e:
        raise MapBuildError(f"{path}:{e.lineno}: not valid JSON ({e.msg})")
    except OSError as e:
        raise MapBuildError(f"{path}: cannot read ({e.strerror})")
    if data.get("type") != "FeatureCollection":
        raise MapBuildError(f"{path}: expected a FeatureCollection")
    feats = []
    for i, feat in enumerate(data.get("features", [])):
        where = f"{path}: feature {i}"
        props = feat.get("properties") or {}
        geom = feat.get("geometry") or {}
        try:
            code = int(props["code"])
        except (KeyError, ValueError, TypeError):
            raise MapBuildError(f"{where}: property 'code' (GB/T 2260 number) missing or not a number")
        abbr = props.get("abbr") or ABBREVIATIONS.get(code)
        if not abbr:
            raise MapBuildError(f"{where}: code {code} has no two-letter abbreviation "
                                "(add it to ABBREVIATIONS or give the feature an 'abbr' property)")
        if geom.get("type") == "Polygon":
            polys = [geom["coordinates"]]
        elif geom.get("type") == "MultiPolygon":
            polys = geom["coordinates"]
        else:
            raise MapBuildError(f"{where} ({abbr}): geometry type {geom.get('type')!r} is not supported "
                                "(Polygon or MultiPolygon; see docs/MAP.md)")
        rings = []
        for poly in polys:
            if len(poly) > 1:
                raise MapBuildError(f"{where} ({abbr}): polygon with holes is not supported")
            ring = [(float(c[0]), float(c[1])) for c in poly[0]]
            if len(ring) > 1 and ring[0] == ring[-1]:
                ring = ring[:-1]
            dedup = [p for k, p in enumerate(ring) if k == 0 or p != ring[k - 1]]
            while len(dedup) > 1 and dedup[0] == dedup[-1]:
                dedup.pop()
            if len(dedup) >= 3:
                rings.append(dedup)
        if not rings:
            raise MapBuildError(f"{where} ({abbr}): no usable ring")
        feats.append({
            "code": code, "abbr": abbr, "rings": rings,
            "in_model": bool(props.get("in_model", True)),
            "name_en": str(props.get("short_en") or props.get("name_en") or abbr),
            "name_zh": str(props.get("echarts_name") or props.get("name_zh") or ""),
        })
    seen = set()
    for f in feats:
        if f["abbr"] in seen:
            raise MapBuildError(f"{path}: province {f['abbr']} appears twice")
        seen.add(f["abbr"])
    feats.sort(key=lambda f: f["code"])
    return feats


# ---------------------------------------------------------------------------------------------
# topology-preserving simplification

GAP_VERTICES = 8  # border stretches where one side has up to this many extra points still match


def split_into_arcs(rings):
    """Cut rings into arcs that can be simplified once for both sides of a border.

    Each vertex is labelled with the ring it shares a border with (or 'J' at a triple point,
    None on the coast). The echarts source does not always give both sides of a border the same
    points (one side has a few extra), so short unlabelled gaps inside a border run are taken
    into it. Runs of one label become arcs; a border arc found in both rings with the same
    end points is simplified once (from the lower-numbered ring) and reused reversed by the
    other, so neighbours keep exactly the same simplified border.
    Returns per ring a list of (arc_key, reversed) and {arc_key: points}."""
    owners = {}
    for ri, ring in enumerate(rings):
        for v in ring:
            owners.setdefault(v, set()).add(ri)
    arcs = {}
    ring_arcs = []
    for ri, ring in enumerate(rings):
        n = len(ring)
        label = []
        for v in ring:
            partners = owners[v] - {ri}
            label.append(None if not partners else (next(iter(partners)) if len(partners) == 1 else "J"))
        # Fill short unlabelled gaps between two vertices shared with the same ring.
        if any(lb is not None for lb in label):
            i = 0
            start = next(k for k in range(n) if label[k] is not None)
            k = 0
            while k < n:
                pos = (start + k) % n
                if label[pos] is None:
                    run = 0
                    while run < n and label[(pos + run) % n] is None:
                        run += 1
                    before, after = label[(pos - 1) % n], label[(pos + run) % n]
                    if run <= GAP_VERTICES and before == after and before not in (None, "J"):
                        for g in range(run):
                            label[(pos + g) % n] = before
                    k += run
                else:
                    k += 1
            del i
        # Break vertices: triple points and both ends of every labelled run.
        breaks = []
        for k in range(n):
            prev, cur, nxt = label[k - 1], label[k], label[(k + 1) % n]
            if cur == "J" or (cur is not None and (prev != cur or nxt != cur)):
                breaks.append(k)
        refs = []
        if not breaks:
            # Island (or a ring shared whole): cut at its smallest vertex and at the vertex
            # farthest from it, so Douglas-Peucker has fixed ends.
            k0 = min(range(n), key=lambda i: ring[i])
            r = ring[k0:] + ring[:k0]
            far = max(range(n), key=lambda i: ((r[i][0] - r[0][0]) ** 2 + (r[i][1] - r[0][1]) ** 2, -i))
            for part, piece in enumerate((r[:far + 1], r[far:] + [r[0]])):
                key = ("island", ri, part)
                arcs[key] = piece
                refs.append((key, False))
            ring_arcs.append(refs)
            continue
        for bi, a in enumerate(breaks):
            b = breaks[(bi + 1) % len(breaks)]
            length = (b - a) % n or n
            piece = [ring[(a + t) % n] for t in range(length + 1)]
            inner = [label[(a + t) % n] for t in range(1, length)]
            partner = inner[0] if inner and all(x == inner[0] for x in inner) else None
            if not inner and label[a] == label[b] and label[a] not in (None, "J"):
                partner = label[a]
            if partner is None or partner == "J" or piece[0] == piece[-1]:
                key = ("own", ri, a)
                arcs[key] = piece
                refs.append((key, False))
                continue
            ends = (min(piece[0], piece[-1]), max(piece[0], piece[-1]))
            key = ("border", min(ri, partner), max(ri, partner), ends)
            if key not in arcs or ri < partner:
                # The lower-numbered ring's points define the shared border.
                if key not in arcs or arcs[key][0] == arcs[key][-1] or ri < partner:
                    arcs[key] = piece if piece[0] == ends[0] else list(reversed(piece))
            refs.append((key, piece[0] != ends[0]))
        ring_arcs.append(refs)
    return ring_arcs, arcs


def simplify_arc(points, tol):
    if len(points) > 2 and points[0] == points[-1]:
        # Closed loop arc (ring touching the rest at one point): split at the farthest vertex.
        far = max(range(len(points)), key=lambda i: ((points[i][0] - points[0][0]) ** 2 +
                                                      (points[i][1] - points[0][1]) ** 2, -i))
        a = douglas_peucker(points[:far + 1], tol)
        b = douglas_peucker(points[far:], tol)
        return a + b[1:]
    return douglas_peucker(points, tol)


def assemble(ring_arcs, simplified, sources=None):
    """Join simplified arcs into rings. With `sources` (a list), also appends per ring the key
    of the arc each output vertex (and the segment starting at it) came from."""
    out = []
    for refs in ring_arcs:
        pts, src = [], []
        for key, rev in refs:
            arc = simplified[key]
            arc = list(reversed(arc)) if rev else arc
            pts.extend(arc[:-1])
            src.extend([key] * (len(arc) - 1))
        keep = [k for k in range(len(pts)) if k == 0 or pts[k] != pts[k - 1]]
        pts, src = [pts[k] for k in keep], [src[k] for k in keep]
        while len(pts) > 1 and pts[0] == pts[-1]:
            pts.pop()
            src.pop()
        out.append(pts)
        if sources is not None:
            sources.append(src)
    return out


def self_crossings(ring):
    """Pairs (i, j), i < j, of segments of the ring that intersect improperly (crossing,
    touching or overlapping anywhere but at the vertex two neighbouring segments share).
    Grid-bucketed so it stays fast on rings with ~1000 points."""
    n = len(ring)
    cell = 50 * GRID  # 50 km
    buckets = {}
    for i in range(n):
        a, b = ring[i], ring[(i + 1) % n]
        for cx in range(min(a[0], b[0]) // cell, max(a[0], b[0]) // cell + 1):
            for cy in range(min(a[1], b[1]) // cell, max(a[1], b[1]) // cell + 1):
                buckets.setdefault((cx, cy), []).append(i)
    found = set()
    for ids in buckets.values():
        for x in range(len(ids)):
            i = ids[x]
            for y in range(x + 1, len(ids)):
                j = ids[y]
                if (i, j) in found:
                    continue
                if segments_cross(ring[i], ring[(i + 1) % n], ring[j], ring[(j + 1) % n]):
                    found.add((i, j))
    return sorted(found)


def repair_ring(ring):
    """Make a ring simple by cutting off the smaller side of each self-intersection (the
    source has a few twisted loops of a few km where two borders were quantised apart)."""
    ring = list(ring)
    for _ in range(len(ring)):
        bad = self_crossings(ring)
        if not bad:
            return ring
        i, j = bad[0]
        inner = ring[i + 1:j + 1]             # vertices between the two segments
        outer = ring[:i + 1] + ring[j + 1:]   # the rest, joined directly
        if len(outer) < 3 or (len(inner) >= 3 and abs(signed_area2(inner)) > abs(signed_area2(outer))):
            ring = inner
        else:
            ring = outer
        ring = [p for k, p in enumerate(ring) if k == 0 or p != ring[k - 1]]
        while len(ring) > 1 and ring[0] == ring[-1]:
            ring.pop()
        if len(ring) < 3:
            return ring
    return ring


def simplify_rings(rings, tol_units):
    """Simplify all rings together, shared arcs once (neighbours stay seamless); arcs of a ring
    that became self-intersecting are redone with half the tolerance, down to zero (the
    repaired source ring, which is simple)."""
    ring_arcs, arcs = split_into_arcs(rings)
    tol_of = {key: tol_units for key in arcs}
    simplified = {key: simplify_arc(pts, tol_units) for key, pts in arcs.items()}
    users = {}
    for ri, refs in enumerate(ring_arcs):
        for key, _ in refs:
            users.setdefault(key, set()).add(ri)

    def problem_arcs(ri, r, src):
        """Arcs to redo for ring ri: those holding a crossing segment, or all when collapsed."""
        if len(r) < 3 or signed_area2(r) == 0:
            return {key for key, _ in ring_arcs[ri]}
        n = len(r)
        keys = set()
        for i, j in self_crossings(r):
            for k in (i, j):
                keys.add(src[k])
                keys.add(src[(k + 1) % n])  # the segment may end on the next arc's first point
        return keys

    sources = []
    out = assemble(ring_arcs, simplified, sources)
    todo = {}
    for i, r in enumerate(out):
        keys = problem_arcs(i, r, sources[i])
        if keys:
            todo[i] = keys
    for _ in range(60):
        if not todo:
            return out
        touched = set()
        for ri in sorted(todo):
            for key in sorted(todo[ri], key=repr):
                if tol_of[key] > 0:
                    tol_of[key] = tol_of[key] / 2 if tol_of[key] > 1 else 0
                    simplified[key] = simplify_arc(arcs[key], tol_of[key])
                    touched |= users[key]
        if not touched:
            break
        order = sorted(touched)
        src = []
        redo = assemble([ring_arcs[i] for i in order], simplified, src)
        for i, r, s_ in zip(order, redo, src):
            out[i] = r
            keys = problem_arcs(i, r, s_)
            if keys:
                todo[i] = keys
            else:
                todo.pop(i, None)
    bad = sorted(todo)
    raise MapBuildError("simplification could not make every ring simple: rings "
                        + ", ".join(str(i) for i in bad) + " stay self-intersecting")


# ---------------------------------------------------------------------------------------------
# build

def fmt(v):
    """Integer 1/GRID km -> decimal text with one digit (GRID == 10)."""
    sign = "-" if v < 0 else ""
    v = abs(v)
    return f"{sign}{v // GRID}.{v % GRID}" if v % GRID else f"{sign}{v // GRID}"


def build(geojson_path, tolerance_km):
    src_dir = os.path.dirname(os.path.abspath(geojson_path))
    capitals = read_capitals(os.path.join(src_dir, "provinces.csv"))
    feats = read_features(geojson_path)
    project = make_projection(PROJ)

    # Split rings into main map and inset (entirely south of INSET_SOUTH_OF).
    main_rings, inset_rings = [], []  # (feature index, lonlat ring)
    for fi, f in enumerate(feats):
        for ring in f["rings"]:
            if max(lat for _, lat in ring) < INSET_SOUTH_OF:
                inset_rings.append((fi, ring))
            else:
                main_rings.append((fi, ring))

    # Project main rings to integer grid units; the offset makes every coordinate >= 0.
    proj_main = [[project(lon, lat) for lon, lat in ring] for _, ring in main_rings]
    min_x = min(x for r in proj_main for x, _ in r)
    min_y = min(y for r in proj_main for _, y in r)
    off_x, off_y = math.floor(min_x) - 10, math.floor(min_y) - 10  # whole km, 10 km margin

    def to_grid(xy):
        return (round((xy[0] - off_x) * GRID), round((xy[1] - off_y) * GRID))

    # Shared source vertices must map to the same grid point: key by the source lon/lat.
    grid_of = {}
    for (_, ring), pr in zip(main_rings, proj_main):
        for ll, xy in zip(ring, pr):
            grid_of[ll] = to_grid(xy)
    grid_rings = []
    kept = []
    for entry in main_rings:
        ring = entry[1]
        g = [grid_of[ll] for ll in ring]
        g = [p for k, p in enumerate(g) if k == 0 or p != g[k - 1]]
        while len(g) > 1 and g[0] == g[-1]:
            g.pop()
        g = repair_ring(g)
        if len(g) >= 3 and signed_area2(g) != 0:  # a twisted sliver can vanish entirely
            grid_rings.append(g)
            kept.append(entry)
    # Islets: every ring but a province's largest must have MIN_ISLAND_KM2 (before simplifying,
    # so they take no part in the border topology).
    largest = {}
    for k, ((fi, _), g) in enumerate(zip(kept, grid_rings)):
        if fi not in largest or abs(signed_area2(g)) > abs(signed_area2(grid_rings[largest[fi]])):
            largest[fi] = k
    keep = [k for k, g in enumerate(grid_rings)
            if largest[kept[k][0]] == k or abs(signed_area2(g)) / 2 / GRID / GRID >= MIN_ISLAND_KM2]
    main_rings = [kept[k] for k in keep]
    grid_rings = [grid_rings[k] for k in keep]

    simple = simplify_rings(grid_rings, tolerance_km * GRID)

    land_pts = [p for r in simple for p in r]
    land = (min(p[0] for p in land_pts), min(p[1] for p in land_pts),
            max(p[0] for p in land_pts), max(p[1] for p in land_pts))
    inset = place_inset(land, simple)

    # Inset rings: project, scale the INSET_WINDOW into the inset box.
    inset_simple = []
    if inset_rings:
        w = INSET_WINDOW
        corners = [project(lon, lat) for lon in (w["lon_min"], w["lon_max"]) for lat in (w["lat_min"], w["lat_max"])]
        wx0, wx1 = min(c[0] for c in corners), max(c[0] for c in corners)
        wy0, wy1 = min(c[1] for c in corners), max(c[1] for c in corners)
        s = min((inset[2] - inset[0]) / GRID / (wx1 - wx0), (inset[3] - inset[1]) / GRID / (wy1 - wy0))
        for fi, ring in inset_rings:
            g = []
            for lon, lat in ring:
                x, y = project(lon, lat)
                g.append((inset[0] + round((x - wx0) * s * GRID), inset[1] + round((y - wy0) * s * GRID)))
            g = [p for k, p in enumerate(g) if k == 0 or p != g[k - 1]]
            inset_simple.append(douglas_peucker(g + [g[0]], tolerance_km * GRID * s)[:-1] if len(g) > 3 else g)

    # Per province: rings (largest first), triangles, anchors.
    per = [[] for _ in feats]
    for (fi, _), r in list(zip(main_rings, simple)) + [((fi, None), r) for (fi, _), r in zip(inset_rings, inset_simple)]:
        if len(r) < 3:
            continue
        a2 = signed_area2(r)
        if a2 == 0:
            continue
        # Stored orientation: counter-clockwise in x-right/y-DOWN axes, i.e. positive
        # shoelace sum of the stored numbers (see docs/MAP.md).
        if a2 < 0:
            r = list(reversed(r))
        per[fi].append(r)
    provinces = []
    for fi, f in enumerate(feats):
        rings = sorted(per[fi], key=lambda r: (-signed_area2(r), r))
        if not rings:
            raise MapBuildError(f"{f['abbr']}: every ring vanished in simplification")
        keep = [rings[0]] + [r for r in rings[1:] if signed_area2(r) / 2 / GRID / GRID >= MIN_ISLAND_KM2]
        tri_rings = []
        for r in keep:
            tris = ear_clip(r)
            total = sum(cross(r[a], r[b], r[c]) for a, b, c in tris)
            if total != signed_area2(r):
                raise MapBuildError(f"{f['abbr']}: triangulation area {total} != ring area {signed_area2(r)}")
            tri_rings.append((r, tris))
        if f["code"] in capitals:
            lon, lat, _ = capitals[f["code"]]
            anchor = to_grid(project(lon, lat))
        else:
            anchor = None
        label = pole_of_inaccessibility(keep[0])
        label = (round(label[0]), round(label[1]))
        if anchor is None:
            anchor = label
        pts = [p for r in keep for p in r]
        bbox = (min(p[0] for p in pts), min(p[1] for p in pts), max(p[0] for p in pts), max(p[1] for p in pts))
        area = sum(signed_area2(r) for r in keep)  # twice the area, grid units^2
        provinces.append({**f, "rings": tri_rings, "anchor": anchor, "label": label, "bbox": bbox,
                          "area_km2": area / 2 / GRID / GRID})

    layout = (min(land[0], inset[0]), min(land[1], inset[1]), max(land[2], inset[2]), max(land[3], inset[3]))
    return provinces, land, inset, layout, (off_x, off_y), len(inset_rings)


def place_inset(land, rings):
    """A portrait box in the lower right of the land bounds, moved right until it clears every
    ring's bounding box by the margin. Coordinates in grid units."""
    lw = land[2] - land[0]
    w = round(lw * INSET_WIDTH)
    h = round(w * INSET_ASPECT)
    margin = round(lw * INSET_MARGIN)
    boxes = []
    for r in rings:
        xs = [p[0] for p in r]
        ys = [p[1] for p in r]
        boxes.append((min(xs) - margin, min(ys) - margin, max(xs) + margin, max(ys) + margin))
    x0, y1 = land[2] - w, land[3]
    while True:
        box = (x0, y1 - h, x0 + w, y1)
        hits = [b for b in boxes if b[0] < box[2] and box[0] < b[2] and b[1] < box[3] and box[1] < b[3]]
        if not hits:
            return box
        x0 = max(b[2] for b in hits)


def render(provinces, land, inset, layout, offset, inset_count, tolerance_km, source_name, source_sha):
    out = []
    w = out.append
    w(f"CTMAP {FORMAT_VERSION}")
    w("# Carbon Trail province map. Written by tools/map-builder/build_map.py - do not edit by hand;")
    w("# rebuild from an approved GeoJSON instead. Format: docs/MAP.md. Units: km, x east, y south.")
    w(f"source {source_name} sha256={source_sha}")
    w("projection albers_sphere lon0={lon0:g} lat0={lat0:g} lat1={lat1:g} lat2={lat2:g} radius_km={radius_km:g}"
      .format(**PROJ) + f" x_offset={offset[0]} y_offset={offset[1]}")
    w(f"tolerance_km {tolerance_km:g}")
    w(f"land {' '.join(fmt(v) for v in land)}")
    w(f"inset {' '.join(fmt(v) for v in inset)} {inset_count}")
    w(f"layout {' '.join(fmt(v) for v in layout)}")
    w(f"provinces {len(provinces)}")
    for p in provinces:
        w(f"province {p['abbr']} {p['code']} {1 if p['in_model'] else 0} {len(p['rings'])}")
        w(f"name_en {p['name_en']}")
        w(f"name_zh {p['name_zh']}")
        w(f"anchor {fmt(p['anchor'][0])} {fmt(p['anchor'][1])}")
        w(f"label {fmt(p['label'][0])} {fmt(p['label'][1])}")
        w(f"bbox {' '.join(fmt(v) for v in p['bbox'])}")
        for ring, tris in p["rings"]:
            w(f"ring {len(ring)} {len(tris)}")
            w(" ".join(f"{fmt(x)} {fmt(y)}" for x, y in ring))
            w(" ".join(f"{a} {b} {c}" for a, b, c in tris))
    w("end")
    return "\n".join(out) + "\n"


def notice_text(src_dir, source_name):
    lic = os.path.join(src_dir, "china_provinces.LICENSE.txt")
    head = (f"china-provinces.map is derived by tools/map-builder/build_map.py from {source_name}:\n"
            "projected (Albers equal-area conic), simplified (Douglas-Peucker on shared borders),\n"
            "islets below the size threshold dropped, triangulated. The source's own note, NOTICE\n"
            "and LICENSE follow.\n\n")
    if os.path.exists(lic):
        with open(lic, encoding="utf-8") as f:
            return head + f.read()
    return head + "(no licence file was found next to the source)\n"


def main(argv=None):
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(os.path.dirname(here))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("source", nargs="?", default=os.path.join(repo, "..", "shared", "data", "sources"),
                    help="GeoJSON file, or a folder holding china_provinces.geojson (+ provinces.csv)")
    ap.add_argument("-o", "--output", default=os.path.join(repo, "assets", "map", "china-provinces.map"))
    ap.add_argument("--tolerance-km", type=float, default=DEFAULT_TOLERANCE_KM)
    ap.add_argument("--check", action="store_true", help="compare with the existing output instead of writing")
    args = ap.parse_args(argv)

    src = args.source
    if os.path.isdir(src):
        src = os.path.join(src, "china_provinces.geojson")
    if not os.path.exists(src):
        print(f"build_map: {src}: source GeoJSON not found", file=sys.stderr)
        return 77 if args.check else 2
    with open(src, "rb") as f:
        sha = hashlib.sha256(f.read()).hexdigest()
    try:
        provinces, land, inset, layout, offset, inset_count = build(src, args.tolerance_km)
    except MapBuildError as e:
        print(f"build_map: {e}", file=sys.stderr)
        return 1
    text = render(provinces, land, inset, layout, offset, inset_count, args.tolerance_km,
                  os.path.basename(src), sha)
    notice = notice_text(os.path.dirname(os.path.abspath(src)), os.path.basename(src))
    notice_path = os.path.splitext(args.output)[0] + ".NOTICE.txt"
    if args.check:
        same = True
        for path, content in ((args.output, text), (notice_path, notice)):
            try:
                with open(path, encoding="utf-8") as f:
                    same = same and f.read() == content
            except OSError:
                same = False
        print(f"build_map: {args.output} is {'up to date' if same else 'OUT OF DATE (rerun build_map.py)'}")
        return 0 if same else 1
    # Write to temporary files first so a failure never leaves a half-written asset.
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    for path, content in ((args.output, text), (notice_path, notice)):
        tmp = path + ".tmp"
        with open(tmp, "w", encoding="utf-8", newline="\n") as f:
            f.write(content)
        os.replace(tmp, path)
    nverts = sum(len(r) for p in provinces for r, _ in p["rings"])
    ntris = sum(len(t) for p in provinces for _, t in p["rings"])
    nrings = sum(len(p["rings"]) for p in provinces)
    print(f"build_map: wrote {args.output}: {len(provinces)} provinces, {nrings} rings, "
          f"{nverts} points, {ntris} triangles, {len(text.encode('utf-8'))} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
