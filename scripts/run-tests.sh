#!/bin/sh
# One command from a fresh Debian 12 clone to a full test run: installs the dependencies,
# configures the `asan` preset (debug at -O1 under AddressSanitizer + UBSan, -Wall -Wextra
# -Werror, Eigen without OpenBLAS), builds everything and runs every test (engine units,
# pipeline, UI components, kiosk, package, end-to-end exhibit). One sanitized build instead of a
# plain one plus a sanitized one: CI's time goes to more tests, not to compiling twice.
#
# Usage: scripts/run-tests.sh [PRESET]     PRESET: asan (default), dev, tsan or release
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
preset=${1:-asan}
cd "$here"
scripts/setup.sh
cmake --preset "$preset"
cmake --build --preset "$preset"
ctest --preset "$preset"
