#!/usr/bin/env bash
# Configures and builds the project with Ninja, warnings as errors, one job per CPU.
#
# Usage: scripts/build.sh [-DOPTION=VALUE ...] [--target TARGET ...] [--optional-target TARGET ...]
#   -D...              extra CMake cache entries, e.g. -DCONSULT_BUILD_BENCHMARKS=OFF
#   --target           build only these targets (default: everything)
#   --optional-target  build this target too if the project defines it (else skip it silently)
# Environment:
#   CONSULT_BUILD_DIR   build directory (default: build/ in the repository)
#   CONSULT_BUILD_TYPE  CMake build type (default: RelWithDebInfo)
# It does not install dependencies; scripts/install-dependencies.sh does.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${CONSULT_BUILD_DIR:-$root/build}
build_type=${CONSULT_BUILD_TYPE:-RelWithDebInfo}

cmake_args=()
targets=()
optional_targets=()
selected=false # any --target or --optional-target: build only what was named
while [[ $# -gt 0 ]]; do
    case $1 in
    --target)
        [[ $# -ge 2 ]] || { echo "build.sh: --target needs a name" >&2 && exit 2; }
        targets+=("$2")
        selected=true
        shift 2
        ;;
    --optional-target)
        [[ $# -ge 2 ]] || { echo "build.sh: --optional-target needs a name" >&2 && exit 2; }
        optional_targets+=("$2")
        selected=true
        shift 2
        ;;
    -D*)
        cmake_args+=("$1")
        shift
        ;;
    *)
        echo "usage: $0 [-DOPTION=VALUE ...] [--target TARGET ...] [--optional-target TARGET ...]" >&2
        exit 2
        ;;
    esac
done

# A directory configured by hand with another generator cannot be switched to Ninja in place.
if [[ -f $build_dir/CMakeCache.txt ]] && ! grep -q '^CMAKE_GENERATOR:INTERNAL=Ninja$' "$build_dir/CMakeCache.txt"; then
    echo "build.sh: $build_dir was configured with another generator than Ninja; remove it or set CONSULT_BUILD_DIR." >&2
    exit 1
fi

cmake -S "$root" -B "$build_dir" -G Ninja \
    -DCMAKE_BUILD_TYPE="$build_type" \
    -DCONSULT_WARNINGS_AS_ERRORS=ON \
    "${cmake_args[@]}"

for target in "${optional_targets[@]}"; do
    if ninja -C "$build_dir" -t query "$target" >/dev/null 2>&1; then
        targets+=("$target")
    fi
done

build_args=(--build "$build_dir" --parallel "$(nproc)")
if $selected; then
    if [[ ${#targets[@]} -eq 0 ]]; then
        echo "build.sh: none of the named targets exists yet; nothing to build."
        exit 0
    fi
    build_args+=(--target "${targets[@]}")
fi
cmake "${build_args[@]}"
