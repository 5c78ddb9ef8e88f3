#!/usr/bin/env bash
# Fuzzes every parser of untrusted input (tests/fuzz: CSV, bundle, kiosk config, visitor
# script, text table, content tables, map asset) with libFuzzer + ASan + UBSan and prints the
# "Fuzzing" section of docs/RELIABILITY.md. Needs clang-14 and libclang-rt-14-dev (Debian);
# configures and builds the `fuzz` preset (build/fuzz) itself.
#   scripts/reliability/20-fuzz.sh [--quick]    60 s per target (--quick: 10 s)
# Exit 1 on any crash, leak, timeout, out-of-memory or sanitizer report. Inputs the fuzzer
# finds go to build/fuzz/fuzz-work/TARGET/ (the committed corpus is only read); a crash input
# is left there as crash-*/leak-*/timeout-*/oom-* to become a regression test.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=60
[[ "${1:-}" == "--quick" ]] && seconds=10
targets=(csv bundle kiosk_config visitor_script text_table content map_asset)

[[ -f build/fuzz/CMakeCache.txt ]] || cmake --preset fuzz >&2
cmake --build --preset fuzz >&2

work=build/fuzz/fuzz-work
# Targets run side by side, one per core (FUZZ_JOBS overrides): each still gets its full time.
jobs=${FUZZ_JOBS:-$(nproc 2>/dev/null || echo 1)}
fuzz_one() { # target
  local t=$1 dir=$work/$1 rc=0
  local dict=()
  [[ -f tests/fuzz/dict/$t.dict ]] && dict=(-dict="tests/fuzz/dict/$t.dict")
  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=0 UBSAN_OPTIONS=print_stacktrace=1 \
    build/fuzz/tests/fuzz/fuzz_$t "$dir/corpus" "tests/fuzz/corpus/$t" "${dict[@]}" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$dir/" >"$dir/log" 2>&1 || rc=$?
  echo "$rc" >"$dir/rc"
}
for t in "${targets[@]}"; do
  rm -rf "${work:?}/$t" && mkdir -p "$work/$t/corpus"
  while [[ $(jobs -rp | wc -l) -ge $jobs ]]; do wait -n || true; done
  fuzz_one "$t" &
done
wait

rows=()
failed=0
for t in "${targets[@]}"; do
  dir=$work/$t
  rc=$(cat "$dir/rc" 2>/dev/null || echo 99)
  # Final stats and the last status line ("#N DONE cov: C ft: F corp: U/Sb ...").
  runs=$(awk '/stat::number_of_executed_units/ {print $NF}' "$dir/log")
  speed=$(awk '/stat::average_exec_per_sec/ {print $NF}' "$dir/log")
  status=$(grep -E '^#[0-9]+' "$dir/log" | tail -1)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$status")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$status")
  corp=$(sed -n 's/.* corp: \([0-9]*\/[0-9A-Za-z]*\).*/\1/p' <<<"$status")
  artifacts=$(find "$dir" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'leak-*' \
                   -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
  reports=$(grep -cE 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:' \
                 "$dir/log" || true)
  result=ok
  if [[ $rc -ne 0 || $artifacts -ne 0 || $reports -ne 0 ]]; then
    result="**FAILED** (exit $rc, see $dir/log)"
    failed=1
    grep -E 'ERROR|runtime error|SUMMARY' "$dir/log" | head -5 >&2 || true
  fi
  rows+=("| \`fuzz_$t\` | ${runs:-?} | ${speed:-?} | ${cov:-?} / ${ft:-?} | ${corp:-?} | $artifacts | $result |")
done

cat <<MD
## Fuzzing (hostile input: parsers)

\`scripts/reliability/20-fuzz.sh${1:+ $1}\`: libFuzzer (clang-14, \`fuzz\` preset, ASan + UBSan,
\`-fno-sanitize-recover=all\`, leak detection on) for ${seconds} s per target, starting from the
committed seed corpus \`tests/fuzz/corpus/TARGET/\` with the dictionary \`tests/fuzz/dict/TARGET.dict\`,
${jobs} target(s) at a time.
A crash, leak, timeout (10 s), out-of-memory (2 GB) or sanitizer report fails the run.
Coverage = edges / features (libFuzzer's \`cov\` / \`ft\`); corpus = inputs / bytes at the end.

| target | runs | exec/s | coverage | corpus | crashes | result |
|---|---:|---:|---|---|---:|---|
$(printf '%s\n' "${rows[@]}")

Run $(date -u '+%Y-%m-%d %H:%M UTC'); load:$(uptime | sed 's/.*load average://').
MD
exit $failed
