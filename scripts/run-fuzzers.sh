#!/usr/bin/env bash
# Coverage-guided fuzzing of every fuzz target with libFuzzer for a bounded time (CI runs this after
# CTest, see scripts/run-tests.sh; tests/fuzz/README.md has the command for long runs).
#   1. configures build-fuzz/ with clang 14 and CONSULT_BUILD_FUZZERS=ON (ASan + UBSan + libFuzzer,
#      tests/fuzz/FuzzTargets.cmake), warnings as errors like every other build,
#   2. builds only the target `fuzzers`: the libFuzzer binaries and the libraries they link,
#   3. runs every target (or only those named on the command line) for CONSULT_FUZZ_SECONDS each,
#      starting from its committed corpus tests/fuzz/corpus/<name>, which stays read-only: new inputs
#      go into a temporary directory that is removed afterwards,
#   4. prints per target the executions, the coverage (libFuzzer's cov:) and the time.
# Any crash, leak, UBSan report, timeout (-timeout=2 s per input) or memory blow-up (-rss_limit_mb)
# fails the run; the input that did it is kept in build-fuzz/fuzz-artifacts/<name>/ and its report
# in build-fuzz/fuzz-logs/<name>.log. A crash is a bug to fix in the code, with that input added to
# the target's corpus.
#
# Usage: scripts/run-fuzzers.sh [fuzz_target ...]
# Environment: CONSULT_FUZZ_SECONDS (per target, default 20), CONSULT_FUZZ_BUILD_DIR (default
# build-fuzz/), CONSULT_BUILD_TYPE (default RelWithDebInfo: libFuzzer needs the optimiser's speed).
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${CONSULT_FUZZ_BUILD_DIR:-$root/build-fuzz}
seconds=${CONSULT_FUZZ_SECONDS:-20}
cd "$root" || exit 1

if ! [[ $seconds =~ ^[1-9][0-9]*$ ]]; then
    echo "run-fuzzers: CONSULT_FUZZ_SECONDS must be a positive number of seconds, not '$seconds'." >&2
    exit 2
fi
# libFuzzer ships with clang only; Debian 12's clang is 14 (scripts/install-dependencies.sh installs it).
if ! command -v clang++-14 >/dev/null; then
    echo "run-fuzzers: clang++-14 not found; run scripts/install-dependencies.sh." >&2
    exit 1
fi

started=$SECONDS
printf '==> Fuzz build in %s (%s)\n' "$build_dir" "$(clang++-14 --version | head -n 1)"
# The full path: CMake compares it with the cached one, and a different spelling would reconfigure.
# The project is C++ only, so no C compiler is named.
cmake_args=(-DCMAKE_CXX_COMPILER="$(command -v clang++-14)" -DCONSULT_BUILD_FUZZERS=ON -DCONSULT_BUILD_TESTS=ON
    -DCONSULT_BUILD_BENCHMARKS=OFF)
if command -v ccache >/dev/null; then
    cmake_args+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
if ! CONSULT_BUILD_DIR=$build_dir "$root/scripts/build.sh" "${cmake_args[@]}" --target fuzzers; then
    echo "run-fuzzers: the fuzz build failed." >&2
    exit 1
fi
build_seconds=$((SECONDS - started))

# Every fuzz target leaves a descriptor: its binary on line 1, its committed corpus on line 2.
descriptors=()
if [[ $# -gt 0 ]]; then
    for name in "$@"; do
        if [[ ! -f $build_dir/fuzzers/$name.target ]]; then
            echo "run-fuzzers: no fuzz target '$name' (see $build_dir/fuzzers/)." >&2
            exit 2
        fi
        descriptors+=("$build_dir/fuzzers/$name.target")
    done
else
    shopt -s nullglob
    descriptors=("$build_dir"/fuzzers/*.target)
    shopt -u nullglob
fi
if [[ ${#descriptors[@]} -eq 0 ]]; then
    echo "run-fuzzers: no fuzz targets in $build_dir/fuzzers/." >&2
    exit 1
fi

scratch=$(mktemp -d "${TMPDIR:-/tmp}/consult-fuzz.XXXXXX") || exit 1
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$build_dir/fuzz-logs" "$build_dir/fuzz-artifacts"

# halt_on_error: UBSan's checks recover by default, which libFuzzer would not see as a failure.
export ASAN_OPTIONS=detect_leaks=1
# Leaks inside system libraries (font caches, Qt PDF), each explained in the file; ours still fail.
export LSAN_OPTIONS=suppressions=$root/tests/fuzz/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export QT_QPA_PLATFORM=offscreen # the document targets use QtGui's image readers

printf '==> libFuzzer: %d targets, %d s each\n' "${#descriptors[@]}" "$seconds"
failed=()
rows=()
for descriptor in "${descriptors[@]}"; do
    name=$(basename "$descriptor" .target)
    { read -r binary && read -r corpus; } <"$descriptor"
    log=$build_dir/fuzz-logs/$name.log
    artifacts=$build_dir/fuzz-artifacts/$name
    rm -rf "$artifacts" && mkdir -p "$artifacts" "$scratch/$name"
    target_started=$(date +%s.%N)
    # New inputs go to the first directory only; the committed corpus is read, never written.
    "$binary" -max_total_time="$seconds" -timeout=2 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$artifacts/" "$scratch/$name" "$corpus" >"$log" 2>&1
    status=$?
    elapsed=$(awk -v start="$target_started" -v end="$(date +%s.%N)" 'BEGIN { printf "%.1f", end - start }')
    executions=$(awk '/^stat::number_of_executed_units:/ { print $2 }' "$log" | tail -n 1)
    coverage=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | cut -d' ' -f2)
    if [[ $status -eq 0 ]]; then
        verdict=ok
    else
        verdict="FAILED ($status)"
        failed+=("$name")
    fi
    rows+=("$(printf '%-30s %12s %8s %8ss  %s' "$name" "${executions:-?}" "${coverage:-?}" "$elapsed" "$verdict")")
    printf '%s\n' "${rows[-1]}"
    if [[ $status -ne 0 ]]; then
        echo "---- $log (last 40 lines); the input is in $artifacts/"
        tail -n 40 "$log"
        echo "----"
    fi
done

printf '\n%-30s %12s %8s %9s\n' target executions cov time
printf '%s\n' "${rows[@]}"
total=$((SECONDS - started))
printf '==> run-fuzzers: %s in %dm%02ds (build %dm%02ds)\n' "$([[ ${#failed[@]} -eq 0 ]] && echo passed || echo FAILED)" \
    $((total / 60)) $((total % 60)) $((build_seconds / 60)) $((build_seconds % 60))
if [[ ${#failed[@]} -gt 0 ]]; then
    printf '    failed: %s\n' "${failed[@]}"
    exit 1
fi
