#!/bin/sh
# One command from a fresh Debian 12 clone to a full test run: installs the dependencies,
# configures the `dev` preset (debug, -Wall -Wextra -Werror), builds everything and runs
# every test (engine units, pipeline, UI components, kiosk, package, end-to-end exhibit).
#
# Usage: scripts/run-tests.sh [PRESET]     PRESET: dev (default), asan, tsan or release
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
preset=${1:-dev}
cd "$here"
scripts/setup.sh
cmake --preset "$preset"
cmake --build --preset "$preset"
ctest --preset "$preset"
