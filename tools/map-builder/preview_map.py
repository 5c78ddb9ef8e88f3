#!/usr/bin/python3
"""Rasterise a map asset to a PNG so a curator can look at it before shipping it.

    /usr/bin/python3 tools/map-builder/preview_map.py [MAP] [-o preview.png] [--width 1200]

Fills every province from its TRIANGLES (each province its own shade, so a wrong or missing
triangle shows), draws the outlines from the RINGS, marks capital anchors (dots) and label
points (crosses) and frames the inset box. Standard library only (PNG via zlib).
"""

import argparse
import os
import struct
import sys
import zlib


def read_map(path):
    """Minimal reader of the CTMAP text format (docs/MAP.md)."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    provinces, head = [], {}
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if not line or line.startswith("#"):
            continue
        word, _, rest = line.partition(" ")
        if word in ("land", "inset", "layout"):
            head[word] = [float(v) for v in rest.split()[:4]]
        elif word == "province":
            code, gb, in_model, nrings = rest.split()
            provinces.append({"code": code, "in_model": in_model == "1", "rings": []})
        elif word in ("anchor", "label"):
            provinces[-1][word] = tuple(float(v) for v in rest.split())
        elif word == "ring":
            npts, ntri = (int(v) for v in rest.split())
            nums = [float(v) for v in lines[i].split()]
            tris = [int(v) for v in lines[i + 1].split()]
            i += 2
            pts = list(zip(nums[0::2], nums[1::2]))
            assert len(pts) == npts and len(tris) == 3 * ntri, f"{path}: ring size mismatch"
            provinces[-1]["rings"].append((pts, [tris[k:k + 3] for k in range(0, len(tris), 3)]))
    return head, provinces


def write_png(path, w, h, rgb):
    raw = b"".join(b"\x00" + bytes(rgb[y * w * 3:(y + 1) * w * 3]) for y in range(h))

    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) +
                chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def main(argv=None):
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(os.path.dirname(here))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("map", nargs="?", default=os.path.join(repo, "assets", "map", "china-provinces.map"))
    ap.add_argument("-o", "--output", default="map-preview.png")
    ap.add_argument("--width", type=int, default=1200)
    args = ap.parse_args(argv)
    head, provinces = read_map(args.map)
    x0, y0, x1, y1 = head["layout"]
    s = (args.width - 20) / (x1 - x0)
    w, h = args.width, int((y1 - y0) * s) + 20
    img = bytearray(b"\x0e\x1a\x24" * (w * h))

    def px(p):
        return ((p[0] - x0) * s + 10, (p[1] - y0) * s + 10)

    def put(x, y, c):
        if 0 <= x < w and 0 <= y < h:
            img[(y * w + x) * 3:(y * w + x) * 3 + 3] = c

    for pi, p in enumerate(provinces):
        shade = (0x2A + (pi * 37) % 60, 0x44 + (pi * 53) % 70, 0x56 + (pi * 29) % 80)
        if not p["in_model"]:
            shade = (0x5B, 0x67, 0x70)
        for pts, tris in p["rings"]:
            for t in tris:
                a, b, c = (px(pts[k]) for k in t)
                ymin, ymax = int(min(a[1], b[1], c[1])), int(max(a[1], b[1], c[1])) + 1
                for y in range(max(ymin, 0), min(ymax, h)):
                    yc = y + 0.5
                    xs = []
                    for (p1, p2) in ((a, b), (b, c), (c, a)):
                        if (p1[1] <= yc) != (p2[1] <= yc):
                            xs.append(p1[0] + (yc - p1[1]) * (p2[0] - p1[0]) / (p2[1] - p1[1]))
                    if len(xs) >= 2:
                        for x in range(int(min(xs) + 0.5), int(max(xs) + 0.5)):
                            put(x, y, shade)
    for p in provinces:
        for pts, _ in p["rings"]:
            n = len(pts)
            for k in range(n):
                a, b = px(pts[k]), px(pts[(k + 1) % n])
                steps = int(max(abs(b[0] - a[0]), abs(b[1] - a[1]))) + 1
                for t in range(steps + 1):
                    put(int(a[0] + (b[0] - a[0]) * t / steps), int(a[1] + (b[1] - a[1]) * t / steps), (0xF2, 0xED, 0xE4))
    for p in provinces:
        ax, ay = px(p["anchor"])
        for dx in range(-2, 3):
            for dy in range(-2, 3):
                put(int(ax) + dx, int(ay) + dy, (0xFF, 0x6B, 0x5A))
        lx, ly = px(p["label"])
        for d in range(-3, 4):
            put(int(lx) + d, int(ly), (0xFF, 0xD1, 0x66))
            put(int(lx), int(ly) + d, (0xFF, 0xD1, 0x66))
    ix0, iy0 = px(head["inset"][:2])
    ix1, iy1 = px(head["inset"][2:])
    for x in range(int(ix0), int(ix1) + 1):
        put(x, int(iy0), (0x4F, 0xC3, 0xC9))
        put(x, int(iy1), (0x4F, 0xC3, 0xC9))
    for y in range(int(iy0), int(iy1) + 1):
        put(int(ix0), y, (0x4F, 0xC3, 0xC9))
        put(int(ix1), y, (0x4F, 0xC3, 0xC9))
    write_png(args.output, w, h, img)
    print(f"preview_map: wrote {args.output} ({w}x{h})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
