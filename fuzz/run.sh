#!/usr/bin/env bash
# Runs the libFuzzer targets of a fuzz build (see fuzz/CMakeLists.txt).
#
#   fuzz/run.sh smoke BUILD_DIR          each target briefly over its seed
#                                        corpus (make fuzz-smoke, make test)
#   fuzz/run.sh long BUILD_DIR SECONDS   each target for SECONDS, keeping the
#                                        inputs it finds (make fuzz)
#
# FUZZ_TARGETS="json_body calendar" picks targets (default: all). The long
# run keeps a corpus per target in $FUZZ_RUNS/<target>/corpus (default
# fuzz/runs, git-ignored) and writes crashing inputs to
# $FUZZ_RUNS/<target>/crashes/. Both print, per target, the seconds run, the
# inputs executed (libFuzzer's stat::number_of_executed_units) and the
# crashes found, and fail when any target found one.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:?usage: fuzz/run.sh smoke|long BUILD_DIR [SECONDS]}
build=${2:?usage: fuzz/run.sh smoke|long BUILD_DIR [SECONDS]}
seconds=${3:-600}
targets=${FUZZ_TARGETS:-json_body time_limits calendar district_map labelled_messages replied_messages hot_messages personal_data}
work=${FUZZ_RUNS:-fuzz/runs}
# The smoke run: a fixed seed and a fixed number of inputs, so that it does
# the same work every time (fewer for the slow masker); the time cap only
# guards against a slow machine.
smoke_runs_of() {
  case "$1" in
    personal_data) echo "${FUZZ_SMOKE_RUNS:-2000}" ;;
    *) echo "${FUZZ_SMOKE_RUNS:-20000}" ;;
  esac
}
smoke_seconds=${FUZZ_SMOKE_SECONDS:-30}

dict_of() {
  case "$1" in
    labelled_messages | replied_messages | hot_messages) echo fuzz/dict/messages_tsv.dict ;;
    *) echo "fuzz/dict/$1.dict" ;;
  esac
}

# The masker's target is slow under coverage tracing (every character is
# looked up in the surname lists), so its inputs are kept shorter: the
# quadratic runs it found showed at any length.
max_len_of() {
  case "$1" in
    personal_data) echo 1024 ;;
    *) echo 4096 ;;
  esac
}

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

failed=0
printf '%-18s %8s %12s %8s %8s\n' target seconds inputs corpus crashes
for t in $targets; do
  bin="$build/fuzz/${t}_fuzz"
  [ -x "$bin" ] || { echo "fuzz: $bin is missing; build it with 'make fuzz-build'" >&2; exit 2; }
  common=(-dict="$(dict_of "$t")" -max_len="$(max_len_of "$t")" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1)
  if [ "$mode" = smoke ]; then
    # New inputs go to a scratch directory; the committed seeds stay as they are.
    mkdir -p "$tmp/$t/corpus" "$tmp/$t/crashes"
    corpus="$tmp/$t/corpus"; crashes="$tmp/$t/crashes"; log="$tmp/$t/log"
    args=(-seed=1 -runs="$(smoke_runs_of "$t")" -max_total_time="$smoke_seconds")
  elif [ "$mode" = long ]; then
    mkdir -p "$work/$t/corpus" "$work/$t/crashes"
    corpus="$work/$t/corpus"; crashes="$work/$t/crashes"; log="$work/$t/log"
    args=(-max_total_time="$seconds")
  else
    echo "fuzz: unknown mode '$mode'; expected smoke or long" >&2; exit 2
  fi
  start=$(date +%s)
  status=0
  "$bin" "${common[@]}" "${args[@]}" -artifact_prefix="$crashes/" "$corpus" "fuzz/corpus/$t" \
    >"$log" 2>&1 || status=$?
  took=$(( $(date +%s) - start ))
  inputs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  found=$(find "$crashes" -type f | wc -l)
  printf '%-18s %8s %12s %8s %8s\n' "$t" "$took" "${inputs:-?}" "$(find "$corpus" -type f | wc -l)" "$found"
  if [ "$status" -ne 0 ] || [ "$found" -ne 0 ]; then
    failed=1
    echo "--- $t failed (exit $status); the end of its log:" >&2
    grep -v '^#[0-9]' "$log" | tail -n 40 >&2
    if [ "$mode" = smoke ]; then
      mkdir -p "$work/$t/crashes"
      cp "$crashes"/* "$work/$t/crashes/" 2>/dev/null || true
      echo "--- the input is kept in $work/$t/crashes/" >&2
    fi
  fi
done
exit "$failed"
