#!/bin/sh
# Build Carbon Trail for the Raspberry Pi (Raspberry Pi OS bookworm 64-bit = Debian 12 arm64)
# on a Debian 12 x86_64 machine, in one command:
#   1. installs the cross tools and the arm64 libraries (idempotent; sudo only when not root),
#   2. configures with toolchains/aarch64-linux-gnu.cmake (the `pi` preset's settings),
#   3. builds, 4. runs the tests under qemu-aarch64-static, 5. makes the .deb with cpack,
#   6. prints the ARM binary sizes and the headless tour's wall time under qemu.
#
# Usage: scripts/build-pi.sh [--build-dir DIR] [--no-install] [--deps-only] [--no-tests] [--lean]
#   --build-dir DIR  default build/pi (what `cmake --preset pi` uses)
#   --lean           build only the packaged programs and the test programs run under qemu
#                    (not the x86-only suites' programs, not the benchmarks): CI's choice
#   --no-install     skip step 1 (packages already installed)
#   --deps-only      only step 1
#   --no-tests       skip step 4
# Installing the arm64 libraries upgrades ~30 amd64 libraries to the same versions (multiarch
# needs equal versions); do it before building anything else on the machine.
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
build_dir="$here/build/pi"
install=1
deps_only=0
run_tests=1
lean=0
jobs=$(nproc 2>/dev/null || echo 2)

while [ $# -gt 0 ]; do
    case "$1" in
        --build-dir) build_dir=$2; shift 2 ;;
        --no-install) install=0; shift ;;
        --deps-only) deps_only=1; shift ;;
        --no-tests) run_tests=0; shift ;;
        --lean) lean=1; shift ;;
        -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "build-pi.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
    esac
done

say() { printf '\n== %s\n' "$*"; }

# Host tools + the arm64 libraries the program links (Eigen and doctest are arch-independent).
host_packages="cmake make pkg-config g++ g++-aarch64-linux-gnu qemu-user-static dpkg-dev fakeroot
    file libeigen3-dev doctest-dev libsdl2-dev libsqlite3-dev libimgui-dev libstb-dev
    fonts-wqy-microhei python3-fonttools systemd"
arm64_packages="libsdl2-dev:arm64 libsqlite3-dev:arm64 libimgui-dev:arm64 libstb-dev:arm64
    libopenblas-dev:arm64 liblapacke-dev:arm64 libsodium-dev:arm64"

install_packages() {
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { echo "build-pi.sh: need root or sudo to install packages" >&2; exit 1; }
        sudo=sudo
    fi
    missing=""
    native=$(dpkg --print-architecture)
    for p in $host_packages $arm64_packages; do
        # Once arm64 is added a bare name can match both architectures' copies: look for an
        # installed copy of the wanted architecture (the native one or "all" for host tools).
        case "$p" in
            *:*) name=${p%%:*}; want=${p#*:} ;;
            *) name=$p; want=$native ;;
        esac
        if ! dpkg-query -W -f='${Architecture} ${Status}\n' "$name" 2>/dev/null |
            grep -Eq "^($want|all) install ok installed$"; then
            missing="$missing $p"
        fi
    done
    if [ -z "$missing" ]; then
        echo "all cross-build packages are installed"
        return
    fi
    echo "installing:$missing"
    if ! dpkg --print-foreign-architectures | grep -qx arm64; then
        $sudo dpkg --add-architecture arm64
    fi
    $sudo apt-get update -q
    # shellcheck disable=SC2086
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
}

if [ "$install" -eq 1 ]; then
    say "1/6 cross packages"
    install_packages
fi
[ "$deps_only" -eq 1 ] && exit 0

cd "$here"
say "2/6 configure ($build_dir)"
cmake -S . -B "$build_dir" --toolchain toolchains/aarch64-linux-gnu.cmake \
    -DCMAKE_BUILD_TYPE=Release -DCTRAIL_BUILD_TESTS=ON -DCMAKE_UNITY_BUILD=ON

say "3/6 build"
start=$(date +%s)
if [ "$lean" -eq 1 ]; then
    # What step 4 runs and step 5 packages; the hostile, monkey and kiosk-loop programs and the
    # benchmarks are left out (their tests run on x86, see step 4).
    cmake --build "$build_dir" -j "$jobs" --target carbontrail ctrail unit_tests \
        ui_component_tests journey_tests e2e_tests kiosk_tests admin_tests storage_tests \
        visits_tests visits_e2e_tests
else
    cmake --build "$build_dir" -j "$jobs"
fi
echo "build time: $(( $(date +%s) - start )) s"

tests_failed=0
if [ "$run_tests" -eq 1 ]; then
    say "4/6 tests under qemu-aarch64-static"
    # Keep going on failures: the package and the measurements are still wanted; the script's
    # exit status reports the failure at the end.
    # As the pi test preset says: the slow Python suites run in the asan configuration, and so
    # do the suites that replay the same UI code many times over (hostile files with an X
    # server, the monkey, the kiosk loop's timed freezes, the tours at every size and the golden
    # pictures): under qemu they cost minutes and test nothing the x86 runs do not. Step 6 still
    # plays the whole tour on the ARM binary.
    ctest --test-dir "$build_dir" --output-on-failure -j "$jobs" \
        -LE "^(pipeline|ensemble_determinism|hostile|monkey|escape)$" \
        -E "^e2e_tour_|^e2e_golden|_NOT_BUILT" || tests_failed=1
fi

say "5/6 package"
(cd "$build_dir" && cpack -G DEB)
deb=$(ls -t "$build_dir"/carbontrail_*_arm64.deb 2>/dev/null | head -n 1 || true)
if [ -n "$deb" ]; then
    dpkg-deb -f "$deb" Package Version Architecture Installed-Size Depends
fi

say "6/6 measurements"
for exe in "$build_dir/firmware/carbontrail" "$build_dir/tools/ctrail/ctrail"; do
    [ -f "$exe" ] || continue
    # The package ships them stripped: print both sizes.
    stripped=$(mktemp)
    aarch64-linux-gnu-strip -o "$stripped" "$exe"
    printf '%-12s %10s bytes built, %10s bytes stripped as packaged  (%s)\n' "$(basename "$exe")" \
        "$(stat -c %s "$exe")" "$(stat -c %s "$stripped")" "$(file -b "$exe" | cut -d, -f1-2)"
    rm -f "$stripped"
done
[ -n "$deb" ] && printf '%-12s %10s bytes\n' "$(basename "$deb")" "$(stat -c %s "$deb")"
if [ -x "$build_dir/firmware/carbontrail" ]; then
    tour=$(mktemp -d)
    start=$(date +%s%N)
    rc=0
    SDL_VIDEODRIVER=dummy SDL_RENDER_DRIVER=software \
        qemu-aarch64-static "$build_dir/firmware/carbontrail" --headless --tour "$tour" \
        >"$tour.log" 2>&1 || rc=$?
    end=$(date +%s%N)
    shots=$(find "$tour" -name '*.png' | wc -l)
    if [ "$rc" -eq 0 ]; then
        echo "tour under qemu: $(( (end - start) / 1000000 )) ms wall, $shots screenshots"
    else
        echo "tour under qemu: FAILED (exit $rc) after $(( (end - start) / 1000000 )) ms, $shots screenshots; last lines:"
        tail -n 3 "$tour.log" | sed 's/^/    /'
    fi
    rm -f "$tour.log"
    rm -rf "$tour"
else
    echo "tour under qemu: no firmware/carbontrail in this build"
fi
[ -n "$deb" ] && echo "package: $deb"
if [ "$tests_failed" -ne 0 ]; then
    echo "build-pi.sh: SOME TESTS FAILED under qemu (see step 4 above)" >&2
    exit 1
fi
