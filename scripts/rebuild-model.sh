#!/bin/sh
# Regenerates everything derived from the sources, in order (docs/MODEL-PIPELINE.md):
# the 2007, 2012 and 2017 bundles and ensembles (ranges.csv, ENSEMBLE.md), the model databases and
# docs/VALIDATION.md. Deterministic: a second run changes no byte.
#   scripts/rebuild-model.sh [--calibrate]     (--calibrate: redo the 2007 calibration first)
# Sources: $CTRAIL_SOURCES, else ../shared/data/sources beside the repository.
set -eu
cd "$(dirname "$0")/.."
PY=/usr/bin/python3
PIPE=tools/model-pipeline/build_model.py
SOURCES=${CTRAIL_SOURCES:-$(cd .. && pwd)/shared/data/sources}
if [ "${1:-}" = "--calibrate" ]; then
    $PY $PIPE --year 2007 --sources "$SOURCES" --calibrate
else
    $PY $PIPE --year 2007 --sources "$SOURCES"
fi
$PY $PIPE --year 2012 --sources "$SOURCES"
$PY $PIPE --year 2017 --sources "$SOURCES"
$PY $PIPE --year 2007 --sources "$SOURCES" --ensemble   # also writes params/china-2007-ensemble.json
$PY $PIPE --year 2012 --sources "$SOURCES" --ensemble
$PY $PIPE --year 2017 --sources "$SOURCES" --ensemble
[ -d build/dev ] || cmake --preset dev
cmake --build build/dev --target ctrail models -j2
build/dev/tools/ctrail/ctrail validate build/dev/model/china-2007.sqlite \
    build/dev/model/china-2012.sqlite build/dev/model/china-2017.sqlite --sources "$SOURCES" --out docs/VALIDATION.md
