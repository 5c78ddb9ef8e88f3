#!/bin/sh
# One command from a fresh Debian 12 clone to the running exhibit on the bundled China model:
# installs the dependencies, builds the `release` preset and starts `carbontrail` in a window.
# Without a display (no $DISPLAY or $WAYLAND_DISPLAY) it plays the headless visitor tour
# instead, says so, and writes one screenshot per screen to build/tour/.
#
# Usage: scripts/run-exhibit.sh [extra carbontrail options]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
scripts/setup.sh
cmake --preset release
cmake --build --preset release
exe=build/release/firmware/carbontrail
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
    exec "$exe" --windowed "$@"
fi
echo "run-exhibit: no display found; playing the headless visitor tour instead."
rm -rf build/tour
"$exe" --headless --tour build/tour "$@"
echo "run-exhibit: screenshots of every screen are in build/tour/:"
ls build/tour
