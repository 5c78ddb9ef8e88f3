#!/usr/bin/env bash
# Hostile model databases and assets (tests/e2e/test_hostile_*.cpp, ctest label `hostile`):
# runs them and prints the "Hostile files" section of docs/RELIABILITY.md, one row per case.
# Needs the dev preset (build/dev; configured here when absent) and builds hostile_tests,
# carbontrail, ctrail, the models and the fonts itself.
#   scripts/reliability/25-hostile.sh [--quick]    (--quick: the same cases; they take ~1 s each)
# Exit 1 when a case fails.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=build/dev
[[ -f $build/CMakeCache.txt ]] || cmake --preset dev >&2
cmake --build $build --target hostile_tests carbontrail ctrail models fonts -j2 >&2
junit=$build/tests/e2e/hostile.junit.xml
set +e
start=$(date +%s)
ctest --test-dir $build -L '^hostile$' -j2 --output-on-failure --output-junit "$PWD/$junit" >&2
rc=$?
took=$(( $(date +%s) - start ))
set -e

table=$(python3 - "$junit" "$PWD/$build/tests/e2e/out" <<'PY'
import sys, os, xml.etree.ElementTree as ET
junit, out = sys.argv[1], sys.argv[2]
tests = {}
for tc in ET.parse(junit).getroot().iter("testcase"):
    ok = tc.get("status", "run") == "run" and tc.find("failure") is None
    if tc.get("status") == "notrun" or tc.find("skipped") is not None:
        ok = None
    tests[tc.get("name")] = (ok, float(tc.get("time", "0")))
def res(name):
    ok, t = tests.get(name, (False, 0))
    return ("skipped" if ok is None else "resting, ok" if ok else "**FAILED**") + f" ({t:.1f} s)"
def first(path, prefix=""):
    try:
        for line in open(path, encoding="utf-8", errors="replace"):
            if line.startswith(prefix):
                return line.strip()
    except OSError:
        pass
    return "?"
def cell(s):
    return s.replace("|", "\\|").replace("`", "'").replace(out + "/", "")
print("| case | exhibit (en + zh + kiosk loop) | log reason | watchdog | `ctrail info` |")
print("|---|---|---|---|---|")
model = ["truncated", "bit-flipped", "wrong-schema-version", "wrong-application-id",
         "table-missing", "nan", "negative", "1GB", "directory", "unreadable", "symlink-loop"]
for c in model:
    d = f"{out}/hostile-model-{c}"
    info_ok, _ = tests.get(f"hostile_ctrail_info_{c}", (False, 0))
    info = first(f"{out}/hostile-info-{c}/ctrail-info.log", "ctrail info: error:")
    print(f"| model: {c} | {res('hostile_model_' + c)} | `{cell(first(d + '/reason.txt'))}` | "
          f"{first(d + '/reason.txt', 'WATCHDOG')} | "
          f"{'exit 1' if info_ok else '**FAILED**'}: `{cell(info)}` |")
for kind, cases in (("text", ["truncated", "garbage", "missing", "folder", "huge", "unreadable",
                              "symlink-loop"]),
                    ("content", ["truncated", "garbage", "missing", "folder", "huge", "unreadable",
                                 "symlink-loop", "nan", "negative"]),
                    ("map", ["truncated", "bit-flipped", "garbage", "wrong-version", "nan",
                             "negative", "missing", "folder", "huge", "unreadable",
                             "symlink-loop"])):
    for c in cases:
        d = f"{out}/hostile-asset-{kind}-{c}"
        print(f"| {kind}: {c} | {res(f'hostile_{kind}_{c}')} | "
              f"`{cell(first(d + '/reason.txt'))}` | {first(d + '/reason.txt', 'WATCHDOG')} | — |")
PY
)
cat <<MD
## Hostile files (model database, text, content, map)

\`scripts/reliability/25-hostile.sh${1:+ $1}\` (\`ctest -L hostile\`, ${took} s for all cases, 2 jobs).
Every file is made at test time from the bundled model and assets. Each exhibit case runs the
headless exhibit in English and in Chinese (resting screen drawn, state \`screen=unavailable\`,
the reason in the state file and in the log's \`exhibit unavailable:\` line) and the kiosk loop
for 20 frames (\`WATCHDOG_USEC=20000\`) with a fake systemd \`NOTIFY_SOCKET\` (\`READY=1\` with \`STATUS=unavailable: REASON\`,
\`WATCHDOG=1\` kept coming: the count is shown). The unreadable cases (model and assets) run
the exhibit and \`ctrail\` as \`nobody\` (setpriv) when the tests run as root, since root reads a
chmod 000 file. Bit flips: in the model, 16 bytes of a data page of the stored matrix Z set to
0xFF (SQLite has no page checksums, so the stored factorisation's inputs checksum no longer
agrees, the model is validated on open, and validate() reports the NaN); in the map, 16 bytes
in the middle of the file. NaN, negative and wrong-version cases are one value edited by hand
in a copy of the packaged file (content: \`kg_co2_per_unit\` = nan, \`price_yuan\` = -120000;
map: \`land nan ...\`, \`radius_km=-6371\`, \`CTMAP 2\`). A symlink loop is two links naming
each other. The text tables have no numbers or version to damage. Run $(date -u '+%Y-%m-%d %H:%M UTC');
load:$(uptime | sed 's/.*load average://').

$table
MD
exit $rc
