#!/usr/bin/env bash
# Power loss and storage (issue 13): runs the ctest label `storage` in the dev build (the
# power-cut VFS under the visit store, the settings file under power cuts and disk faults, full /
# read-only / failing disks, the exhibit on a full tmpfs) and prints the Markdown section for
# docs/RELIABILITY.md on stdout (build and test output go to stderr).
# Needs: the dev preset (configured here when missing); builds storage_tests, visits_e2e_tests
# and carbontrail. --quick: 200 power cuts per test instead of 500 (the targets then ask 200).
# Exit non-zero when a test fails or a figure misses its target.
set -euo pipefail
cd "$(dirname "$0")/../.."
cuts=500
if [[ "${1:-}" == "--quick" ]]; then cuts=200; fi
build=build/dev
[[ -f $build/CMakeCache.txt ]] || cmake --preset dev >&2
cmake --build $build --target storage_tests visits_e2e_tests carbontrail -j2 >&2
figures=$build/tests/storage/out/figures
rm -rf "$figures"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
start=$(date +%s)
rc=0
CTRAIL_POWERCUT_CUTS=$cuts ctest --test-dir $build -L storage --output-on-failure >"$log" 2>&1 ||
  rc=$?
took=$(($(date +%s) - start))
cat "$log" >&2

fig() { # fig FILE KEY: the figure, or "?" when the test did not write it
  awk -v k="$2" '$1 == k { print $2 }' "$figures/$1.txt" 2>/dev/null | grep . || echo "?"
}
result() { # result TEST-NAME-PART: Passed / Skipped / Failed / not run
  local line
  line=$(grep -E "Test +#[0-9]+: [^ ]*$1" "$log" || true)
  case "$line" in
    *Passed*) echo passed ;;
    *Skipped*) echo "skipped (mount not permitted)" ;;
    "") echo "not run" ;;
    *) echo FAILED ;;
  esac
}
pc_cuts=$(fig powercut cuts)
pc_fail=$(fig powercut failures)
st_cuts=$(fig settings settings_cuts)
st_bad=$(fig settings settings_bad)
tmpfs=$(fig tmpfs tmpfs)

cat <<MD
## Power loss and storage

\`scripts/reliability/30-storage.sh${1:+ $1}\`: \`ctest -L storage\` in the dev build, $(date -u '+%Y-%m-%d %H:%M UTC'),
${took} s; load: $(uptime | sed 's/.*load average: //'). Seeded (\`CTRAIL_POWERCUT_SEED\`, default
20261130); a failing cut prints the seed that replays it. Method and durability choices:
docs/ANALYTICS.md, "Durability".

| figure | measured | target |
|---|---|---|
| power cuts through VisitStore / StoreSink / VisitWriter (torn: a sector-aligned prefix of the unsynced writes survives) | $pc_cuts ($(fig powercut torn) torn) over a $(fig powercut writes)-write workload | ≥ $cuts |
| integrity_check failures, or a state that is not a commit between the last durable and the last started | $pc_fail | 0 |
| visits lost per cut (against the last completed commit): max / median | $(fig powercut lost_max) / $(fig powercut lost_median) | only commits after the last WAL sync (checkpoint every minute) |
| settings.conf cuts, at every step of five saves | $st_cuts, $st_bad neither old nor new; $(fig settings settings_tmp_left) left a temporary (ignored, replaced by the next save) | ≥ $cuts, 0 |
| the same check against a writer without fsync (the check can fail) | $(fig settings careless_bad) of $(fig settings careless_cuts) cuts bad | > 0 |
| SQLITE_FULL / SQLITE_READONLY / SQLITE_IOERR from the VFS | $(result SQLITE_FULL): one log line, at most the queue's capacity kept, kept and new records stored after recovery | passed |
| settings on a full or failing disk (every step) | $(result a_fault_at_any_step): old file kept, "the disk is full" / "read-only" / "input/output error" | passed |
| real full disk, 256 KB tmpfs (writer and settings) | $(result a_real_full_disk); tmpfs ${tmpfs} | passed |
| the exhibit with its data folder on a full tmpfs | $(result the_exhibit_on_a_full_disk): tours played to the end, one line, records again with space | passed |
MD

ok=1
[[ $rc -eq 0 ]] || ok=0
[[ "$pc_fail" == 0 && "$st_bad" == 0 ]] || ok=0
[[ "$pc_cuts" =~ ^[0-9]+$ && $pc_cuts -ge $cuts ]] || ok=0
[[ "$st_cuts" =~ ^[0-9]+$ && $st_cuts -ge $cuts ]] || ok=0
if [[ $ok -eq 0 ]]; then
  echo "30-storage: a storage test failed or a figure missed its target (ctest exit $rc)" >&2
  exit 1
fi
