#!/bin/bash
# Reliability section "Long runs": the monkey (carbontrail --headless --monkey) for a long time
# in the release build and under ASan+UBSan and TSan, watching for crashes, sanitizer reports
# and growth in memory, open files and threads. Prints one Markdown section on stdout; exits 1
# when a figure misses its target.
#
#   scripts/reliability/10-soak.sh           release 10^6 frames, asan 10^5, tsan 10^5
#   scripts/reliability/10-soak.sh --quick   release 2*10^4, asan 2*10^4, tsan 2*10^3 (CI)
#
# Builds only the `carbontrail` target (and with it the model) of each preset. A preset not yet
# configured is configured here; release then without its tests (CTRAIL_BUILD_TESTS=OFF), as
# the soak needs only the exhibit and CI has no other use for a release build. SOAK_PRESETS="release asan" limits
# the configurations; SOAK_SEED picks the seed (default 1); SOAK_FRAMES=N runs N frames in
# each, SOAK_FRAMES="release=N asan=N" per build (the others keep the mode's count); 10^6
# release frames take about an hour on a loaded 2-core machine (~300 frames/s): measure first.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
quick=0
[ "${1:-}" = "--quick" ] && quick=1
presets=${SOAK_PRESETS:-release asan tsan}
seed=${SOAK_SEED:-1}
work=$(mktemp -d /tmp/ctrail-soak.XXXXXX)
trap 'rm -rf "$work"' EXIT

frames_for() { # preset -> frames
    if [ -n "${SOAK_FRAMES:-}" ]; then # N, or per build: "release=N asan=N tsan=N"
        case "$SOAK_FRAMES" in
        *=*)
            local f
            for f in $SOAK_FRAMES; do [ "${f%%=*}" = "$1" ] && { echo "${f#*=}"; return; }; done
            ;;
        *) echo "$SOAK_FRAMES"; return ;;
        esac
    fi
    case "$1:$quick" in
    release:0) echo 1000000 ;; release:1) echo 20000 ;;
    asan:0) echo 100000 ;; asan:1) echo 20000 ;;
    tsan:0) echo 100000 ;; tsan:1) echo 2000 ;;
    esac
}

# RSS is compared from the first sample at or after frame 10^4 (start-up, fonts, the first
# traces and the engine's caches are in by then) to the last one.
baseline_frame=10000
rss_limit_kb=2048
failed=0
rows=""
notes=""

for p in $presets; do
    exe="$root/build/$p/firmware/carbontrail"
    if [ ! -f "$root/build/$p/CMakeCache.txt" ]; then
        tests=ON
        [ "$p" = release ] && tests=OFF
        if ! (cd "$root" && cmake --preset "$p" -DCTRAIL_BUILD_TESTS=$tests) >"$work/configure-$p.log" 2>&1; then
            rows+="| $p | - | - | configure failed (cmake --preset $p) | | | | FAIL |"$'\n'
            failed=1
            continue
        fi
    fi
    if ! cmake --build "$root/build/$p" --target carbontrail -j2 >"$work/build-$p.log" 2>&1; then
        rows+="| $p | - | - | build failed (cmake --build build/$p --target carbontrail) | | | | FAIL |"$'\n'
        failed=1
        continue
    fi
    n=$(frames_for "$p")
    sample=$((n >= 100000 ? 10000 : 2000))
    # Admin mode on, so the monkey's hidden gesture reaches the PIN pad (its PIN is not told).
    printf '%s\n' 7391 | "$exe" --hash-pin >"$work/kiosk.conf" 2>/dev/null
    log="$work/$p.log"
    start=$(date +%s.%N)
    ASAN_OPTIONS=detect_leaks=1:halt_on_error=1 \
        UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        TSAN_OPTIONS="halt_on_error=1 suppressions=$root/tests/tsan.supp" \
        SDL_VIDEODRIVER=dummy "$exe" --monkey "$n" --seed "$seed" --config "$work/kiosk.conf" \
        --monkey-sample "$sample" >"$log" 2>&1
    rc=$?
    secs=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
    rate=$(awk -v n="$n" -v s="$secs" 'BEGIN { printf "%.0f", n / s }')
    verdict=PASS
    why=""
    if [ $rc -ne 0 ]; then
        verdict=FAIL why="exit $rc: $(grep -m1 -E 'error|ERROR|WARNING' "$log" | cut -c1-160)"
    fi
    if grep -qE 'ERROR: (Address|Leak)Sanitizer|runtime error:|WARNING: ThreadSanitizer' "$log"; then
        verdict=FAIL why="$why a sanitizer report"
    fi
    # monkey: sample frame F rss_kb R fds D threads T heap_kb H
    samples=$(grep -o 'monkey: sample frame [0-9]* rss_kb [0-9]* fds [0-9]* threads [0-9]* heap_kb [0-9]*' "$log" |
        awk '{print $4, $6, $8, $10, $12}')
    base=$(echo "$samples" | awk -v b=$baseline_frame '$1 >= b {print; exit}')
    last=$(echo "$samples" | tail -1)
    growth="-" fds="-" threads="-" rss="-"
    if [ -n "$base" ] && [ -n "$last" ] && [ "$base" != "$last" ]; then
        read -r _ r0 f0 t0 h0 <<<"$base"
        read -r f1 r1 fd1 t1 h1 <<<"$last"
        rss_growth=$((r1 - r0))
        heap_growth=$((h1 - h0))
        rss="$((r0 / 1024)) → $((r1 / 1024)) MB"
        fds="$f0 → $fd1"
        threads="$t0 → $t1"
        # The live heap is judged in every build; RSS only in the plain one: under a sanitizer
        # it also holds the allocator's quarantine of freed blocks and shadow memory, which
        # fill over a run whatever the program does.
        [ $heap_growth -ge $rss_limit_kb ] && verdict=FAIL why="$why heap grew ${heap_growth} kB"
        if [ "$p" = release ]; then
            [ $rss_growth -ge $rss_limit_kb ] && verdict=FAIL why="$why RSS grew ${rss_growth} kB"
        fi
        [ "$fd1" -gt "$f0" ] && verdict=FAIL why="$why open files grew"
        [ "$t1" -gt "$t0" ] && verdict=FAIL why="$why threads grew"
        growth="RSS $rss_growth kB, heap $heap_growth kB"
    else
        notes+="- $p: too short for a growth figure (samples from frame $baseline_frame on); crashes and sanitizer reports only."$'\n'
    fi
    summary=$(grep -o 'monkey: seed [0-9]*: .*' "$log" | head -1 | sed 's/monkey: //')
    screens=$(grep -o 'frames per screen: .*' "$log" | head -1 | sed 's/frames per screen: //')
    rows+="| $p | $n | $(printf '%.0f' "$secs") s ($rate frames/s) | $rss | $growth | $fds | $threads | $verdict$why |"$'\n'
    notes+="- $p: ${summary:-no summary (see the failure)}; frames per screen: ${screens:--}"$'\n'
    [ "$verdict" = PASS ] || failed=1
done

cat <<MD
## Long runs: the monkey soak

\`scripts/reliability/10-soak.sh$([ $quick = 1 ] && echo ' --quick')\`, $(date -u '+%Y-%m-%d %H:%M UTC'), load$(uptime | sed 's/.*load average//').

Why: an exhibit runs eight hours a day for years, and what breaks it is rarely the first visit:
a leak of a few bytes a frame, a file or thread left open per visit, a state no test script
reaches. The monkey (\`carbontrail --headless --monkey FRAMES --seed S\`) is a seeded random
visitor driving the real exhibit through the same injected touches as the visitor scripts:
taps on and off the named targets, drags, bursts of several fingers, edges and corners,
language switches, Back/Home, idle gaps long enough for the reset, and the hidden admin gesture
with wrong PINs (headless runs record system actions instead of running them, so nothing can
reboot the machine). After every frame it checks that the frame was drawn (and, once a second
of exhibit time, that the read-back pixels are not blank), that the state is consistent (the
\`.state.tsv\` rules), that every number on screen reads back as the engine's and that the
trail's total and the big picture's share equal a fresh engine computation; after every idle
gap, that the exhibit is back on Attract. The clock is simulated and held while the engine
computes, so a seed always replays the same visit. Every 2000 frames (10^4 in runs of 10^5 or more) it logs VmRSS,
the live heap, the open descriptors in /proc/self/fd and the thread count.

Targets: no crash, no sanitizer report, growth below 2 MB from frame 10^4 to the end of the
live heap (malloc's bytes in use; in the sanitizer builds, their allocator's) and, in the
release build, of RSS (under a sanitizer RSS also holds its quarantine of freed blocks and its
shadow memory, which fill over a run whatever the program does); no growth in open files or
threads. Seed $seed; configurations run: $presets$([ -n "${SOAK_FRAMES:-}" ] && echo "; SOAK_FRAMES=$SOAK_FRAMES").

| build | frames | time | RSS (from frame 10^4) | growth | open files | threads | verdict |
|---|---|---|---|---|---|---|---|
${rows}
${notes}
MD
exit $failed
