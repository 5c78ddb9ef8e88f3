#!/bin/sh
# One command from a fresh Debian 12 clone to the running exhibit on the bundled China model:
# installs the dependencies, builds the `release` preset's `carbontrail` (the program and its
# model database; not the tests) and starts it in a window.
# Without a display it plays the headless visitor tour instead, says so, and writes one
# screenshot per screen to build/tour/.
#
# Usage: scripts/run-exhibit.sh [extra carbontrail options]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
scripts/setup.sh
cmake --preset release
cmake --build --preset release --target carbontrail
exe=build/release/firmware/carbontrail
# --or-tour: a 1280x720 window where a display exists; otherwise the program says so and plays
# the scripted visitor headless, one screenshot per screen into build/tour/.
rm -rf build/tour
exec "$exe" --or-tour build/tour --size 1280x720 "$@"
