#!/bin/sh
# Installs everything Carbon Trail needs to build, run and test on Debian 12 (or Raspberry Pi
# OS bookworm), from Debian's own packages. Idempotent: installs only what is missing, runs
# `apt-get update` at most once, uses sudo only when not root.
#
# Usage: scripts/setup.sh           build + run + test dependencies
#        scripts/setup.sh --check   list what is missing, install nothing (exit 1 if any)
set -eu

# chromium: a test renders `ctrail stats --html` in it (headless, offline). xvfb: the hostile-
# input tests run the kiosk loop on a virtual X display; x11-utils (xwininfo) + x11-apps (xwd):
# the kiosk full-screen test reads the window's size and a screenshot from a bare X server; clang-14 + libclang-rt-14-dev: the fuzz
# preset (libFuzzer).
packages="build-essential cmake pkg-config
  libsdl2-dev libimgui-dev libstb-dev libeigen3-dev libsqlite3-dev doctest-dev
  libopenblas-dev liblapacke-dev libsodium-dev
  python3 python3-fonttools fonts-noto-cjk fonts-wqy-microhei
  python3-numpy libopenblas0-pthread python3-threadpoolctl
  dpkg-dev fakeroot file systemd clang-format duktape
  chromium xvfb x11-utils x11-apps clang-14 libclang-rt-14-dev"

check_only=0
[ "${1:-}" = "--check" ] && check_only=1

missing=""
for p in $packages; do
    if ! dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done

if [ -z "$missing" ]; then
    echo "setup: all dependencies are installed"
    exit 0
fi
if [ "$check_only" = 1 ]; then
    echo "setup: missing:$missing"
    exit 1
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "setup: need root or sudo to install:$missing" >&2; exit 1; }
    sudo=sudo
fi
echo "setup: installing:$missing"
$sudo apt-get update -qq
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
