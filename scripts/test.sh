#!/usr/bin/env bash
# shellcheck disable=SC2317  # run_build/run_ctest are invoked indirectly through stage()
# nessie's whole test command: dependencies, Release build + tests, then an address/UB-sanitizer build + tests.
# Runs from any working directory. Set NESSIE_SKIP_SANITIZE=1 to skip the sanitizer stage (quick local runs).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo_root="$(pwd)"

summary=()
failed=0

# Record one stage's outcome. $1 = name, $2 = exit status, $3 = seconds, $4 = optional detail.
record() {
  local name="$1" rc="$2" secs="$3" detail="${4:-}"
  local verdict="ok"
  if [[ "$rc" != 0 ]]; then
    verdict="FAILED (exit $rc)"
    failed=1
  fi
  summary+=("$(printf '%-16s %-18s %5ss%s' "$name" "$verdict" "$secs" "${detail:+  $detail}")")
}
skip() { summary+=("$(printf '%-16s %-18s        %s' "$1" "skipped" "$2")"); }

print_summary() {
  echo
  echo "==== nessie test summary ===="
  local line
  for line in "${summary[@]}"; do echo "$line"; done
  if ((failed)); then echo "RESULT: FAILED"; else echo "RESULT: all stages passed"; fi
}

# The ctest closing line, e.g. "100% tests passed, 0 tests failed out of 42".
ctest_tally() { grep -E 'tests passed, [0-9]+ tests? failed out of' "$1" | tail -n 1 || true; }

# Stage bodies use explicit && / || because set -e is suspended inside `if`/`||` contexts.
run_build() {  # $1 = build dir, rest = extra configure args
  local dir="$1"
  shift
  cmake -S . -B "$dir" "$@" && cmake --build "$dir" -j2
}
run_ctest() {  # $1 = build dir; output stays on the terminal and is also kept in $1/ctest.log
  ctest --test-dir "$1" --output-on-failure -j2 2>&1 | tee "$1/ctest.log"
}

stage() {  # $1 = name, rest = command; runs it, times it, records it, returns its status
  local name="$1"
  shift
  echo
  echo "==== [$name] $* ===="
  local start=$SECONDS rc=0
  "$@" || rc=$?
  local detail=""
  if [[ "$name" == *-test && -f "${NESSIE_TEST_LOG:-}" ]]; then detail="$(ctest_tally "$NESSIE_TEST_LOG")"; fi
  record "$name" "$rc" "$((SECONDS - start))" "$detail"
  return "$rc"
}

# 1. Dependencies: without them nothing else can run.
if ! stage deps bash scripts/install-deps.sh; then
  skip release-build "(dependencies failed)"
  skip release-test "(dependencies failed)"
  skip asan-build "(dependencies failed)"
  skip asan-test "(dependencies failed)"
  print_summary
  exit 1
fi

# 2. Release build and tests.
if stage release-build run_build build -DCMAKE_BUILD_TYPE=Release; then
  rm -f build/ctest.log
  NESSIE_TEST_LOG="$repo_root/build/ctest.log" stage release-test run_ctest build || true
else
  skip release-test "(build failed)"
fi

# 3. Sanitizer (address + undefined) build and tests.
if [[ "${NESSIE_SKIP_SANITIZE:-0}" == 1 ]]; then
  skip asan-build "(NESSIE_SKIP_SANITIZE=1)"
  skip asan-test "(NESSIE_SKIP_SANITIZE=1)"
else
  # Exported for the build too: catch_discover_tests runs the instrumented test binary at build time.
  export ASAN_OPTIONS=detect_leaks=1
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  if stage asan-build run_build build-asan -DCMAKE_BUILD_TYPE=Debug -DNESSIE_SANITIZE=ON -DNESSIE_NATIVE=OFF \
    -DCMAKE_CXX_FLAGS=-O1; then
    rm -f build-asan/ctest.log
    NESSIE_TEST_LOG="$repo_root/build-asan/ctest.log" stage asan-test run_ctest build-asan || true
  else
    skip asan-test "(build failed)"
  fi
fi

print_summary
exit "$failed"
