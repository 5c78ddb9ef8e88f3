#!/usr/bin/python3
"""Collect the characters the exhibit can show, for subsetting the font at build time.

    /usr/bin/python3 collect_glyphs.py --out chars.txt [--font FONT --font-number N
                                        --missing-out missing.txt] INPUT...

Writes every distinct character of the INPUT files (text tables, content tables, model
region/sector CSVs - the whole file, so names in any column count), plus printable ASCII and
the symbols the screens draw (SYMBOLS; keep in step with kExtraSymbols in
ui/components/fonts.cpp), one UTF-8 text line, sorted. Missing inputs are an error (CMake
passes only files that exist).

With --font, also writes the characters that font lacks to --missing-out (always at least
one character, so the fallback subset is never empty) and prints them; fontTools (Debian
python3-fonttools) is needed only then.
The output files are rewritten only when their content changes, so the font rebuild runs
only when the set of characters does.
"""

import argparse
import sys

SYMBOLS = "←→↑↓·–—…%≈×°²₂‘’“”•€¥，。：？！（）、％\uFFFD"


def write_if_changed(path, text):
    try:
        with open(path, encoding="utf-8") as f:
            if f.read() == text:
                return
    except OSError:
        pass
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--font")
    ap.add_argument("--font-number", type=int, default=0)
    ap.add_argument("--missing-out")
    ap.add_argument("inputs", nargs="*")
    args = ap.parse_args(argv)

    chars = set(chr(c) for c in range(0x20, 0x7F)) | set(SYMBOLS)
    for path in args.inputs:
        try:
            with open(path, encoding="utf-8") as f:
                text = f.read()
        except (OSError, UnicodeDecodeError) as e:
            print(f"collect_glyphs: {path}: {e}", file=sys.stderr)
            return 1
        chars |= {c for c in text if c >= " " and c != "\x7f" and ord(c) <= 0xFFFF}
    ordered = "".join(sorted(chars))
    write_if_changed(args.out, ordered + "\n")
    print(f"collect_glyphs: {len(ordered)} characters from {len(args.inputs)} files")

    if args.font:
        from fontTools.ttLib import TTFont
        font = TTFont(args.font, fontNumber=args.font_number, lazy=True)
        cmap = font.getBestCmap()
        missing = "".join(c for c in ordered if ord(c) not in cmap)
        if missing:
            print(f"collect_glyphs: {len(missing)} characters not in {args.font}: "
                  + " ".join(f"U+{ord(c):04X}" for c in missing))
        write_if_changed(args.missing_out, (missing or "?") + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
