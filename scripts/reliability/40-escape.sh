#!/bin/bash
# Reliability section "Signals, watchdog, escape" and "Security of the installed system": the
# kiosk's render loop against escape attempts, signals and a frozen frame (ctest label
# `escape`), and the systemd unit checks (systemd-analyze verify and security). Prints one
# Markdown section; exits 1 when a test fails. --quick is accepted and changes nothing (the
# whole section takes under a minute).
# Needs the configured dev preset (cmake --preset dev); builds kiosk_loop_tests and
# hostile_tests (the full-screen test on a bare Xvfb lives there) itself.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build="$root/build/dev"
work=$(mktemp -d /tmp/ctrail-escape.XXXXXX)
trap 'rm -rf "$work"' EXIT
failed=0
if ! cmake --build "$build" --target kiosk_loop_tests hostile_tests -j2 >"$work/build.log" 2>&1; then
    echo "## Signals, watchdog, escape"
    echo
    echo "FAILED to build the tests (cmake --build build/dev --target kiosk_loop_tests hostile_tests)."
    exit 1
fi
ctest --test-dir "$build" -L escape -R kiosk_ >"$work/ctest.log" 2>&1 || failed=1
rows=$(grep -E 'Test +#[0-9]+: ' "$work/ctest.log" |
    sed -E 's/.*Test +#[0-9]+: ([^ ]+) \.+ *\**([A-Za-z ]+[a-z]) +([0-9.]+ sec).*/| \1 | \2 | \3 |/')
unit=$(python3 "$root/tests/package/check_unit.py" "$root/firmware/systemd/carbontrail.service" 2>&1) ||
    failed=1
update=$(python3 "$root/tests/package/check_unit.py" --verify-only \
    "$root/firmware/update/carbontrail-update@.service" 2>&1) || failed=1
score=$(echo "$unit" | grep -o 'hardening exposure: .*' || echo "hardening exposure: not measured")

cat <<MD
## Signals, watchdog, escape; security of the installed system

\`scripts/reliability/40-escape.sh\`, $(date -u '+%Y-%m-%d %H:%M UTC'), load$(uptime | sed 's/.*load average//').

Why: a child will try every key and gesture a tablet or a PC knows, and a window manager turns
Alt+F4 into a close request; none may leave the exhibit. systemd stops it with SIGTERM, and SDL
turns that signal into the same SDL_QUIT event as a close request, so the kiosk never reads
SDL_QUIT and stops on its signal handler's flag alone (only admin mode's restart ends it
otherwise). A frozen render loop must go silent on the systemd watchdog so systemd kills and
restarts it: the WATCHDOG=1 heartbeat comes from the render loop, never from a timer thread.

How: \`kiosk_loop_tests\` opens the exhibit in-process as the kiosk (its loop and event rules) on
SDL's dummy video driver and pushes the events with SDL_PushEvent: Alt+F4, Ctrl+C, Ctrl+Q,
Escape, F11, Super, Ctrl+Alt+Backspace as keys, a four-finger SDL_MULTIGESTURE,
SDL_WINDOWEVENT_CLOSE and SDL_QUIT; it must run on to its frame limit. The control case shows
the same SDL_QUIT ends a developer's window. raise(SIGTERM) / raise(SIGINT) from inside a frame
must end the kiosk after that frame. The watchdog case binds a fake NOTIFY_SOCKET, sets
WATCHDOG_USEC to 3 s, freezes one frame for 7 s: WATCHDOG=1 arrives at most 3 s apart while
frames are drawn, none during the freeze, and again after it. The full-screen rule (the window
takes the display's bounds, checked after creation, resized if a bare X server left it short)
is tested as a pure function, and on a real X server: the real \`carbontrail\` in kiosk mode on a
bare 1920x1080 Xvfb (no window manager; white root) must have a window at 0,0 of 1920x1080 by
\`xwininfo\`, log a 1920x1080 panel, and an \`xwd\` screenshot of the whole screen must show no
white root anywhere and drawing in each quarter (not only the top-left 800x480).

| test | result | time |
|---|---|---|
$rows

Unit checks (\`tests/package/check_unit.py\`): systemd-analyze verify of carbontrail.service and
carbontrail-update@.service (ExecStart pointed at a stand-in program, as verify needs the
program to exist; the template verified as an instance), the settings the exhibit relies on,
and the hardening score (\`systemd-analyze security --offline=yes\`), limit 1.7:

\`\`\`
$unit
$update
\`\`\`

$score. $([ $failed = 0 ] && echo "Every check passed." || echo "**A check FAILED** (above).")
MD
exit $failed
