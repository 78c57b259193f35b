#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/*.cpp) into build-fuzz/ with clang, then runs each one for
# a while, starting from its seed corpus in fuzz/corpus/<target>/. ./test.sh runs it briefly;
# docs/fuzzing.md tells how to run it long.
#
#   scripts/fuzz.sh [--seconds N] [TARGET...]     (default: 60 s for each of all targets)
#
# New inputs that the fuzzer finds go to build-fuzz/corpus/<target>/ (not into the repository);
# a crash, hang or broken property stops that target, leaves the input in
# build-fuzz/artifacts/ and makes the script exit non-zero.
#
# Environment: WSROOM_SKIP_INSTALL and WSROOM_JOBS as for scripts/setup.sh; WSROOM_FUZZ_ARGS,
# more libFuzzer options (e.g. "-jobs=4 -workers=4").
set -euo pipefail

# shellcheck source=scripts/setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

seconds=60
targets=()
while [[ $# -gt 0 ]]; do
    case "$1" in
    --seconds)
        [[ $# -ge 2 && "$2" =~ ^[0-9]+$ ]] || wsroom_die "--seconds needs a whole number"
        seconds="$2"
        shift 2
        ;;
    --seconds=*)
        seconds="${1#--seconds=}"
        [[ "$seconds" =~ ^[0-9]+$ ]] || wsroom_die "--seconds needs a whole number"
        shift
        ;;
    -h | --help)
        sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
        exit 0
        ;;
    -*) wsroom_die "unknown option $1 (see --help)" ;;
    *)
        targets+=("$1")
        shift
        ;;
    esac
done

all_targets=()
for source in "$WSROOM_ROOT"/fuzz/*.cpp; do
    name="$(basename "$source" .cpp)"
    [[ "$name" == replaymain ]] || all_targets+=("$name")
done
if [[ ${#targets[@]} -eq 0 ]]; then
    targets=("${all_targets[@]}")
fi
for target in "${targets[@]}"; do
    [[ -f "$WSROOM_ROOT/fuzz/$target.cpp" ]] || wsroom_die "no fuzz target $target (have: ${all_targets[*]})"
done

wsroom_install_packages "${WSROOM_FUZZ_PACKAGES[@]}"
command -v clang++-14 >/dev/null 2>&1 || wsroom_die "clang++-14 is missing: install ${WSROOM_FUZZ_PACKAGES[*]}"

build_dir="$WSROOM_ROOT/build-fuzz"
if [[ ! -f "$build_dir/build.ninja" ]]; then
    wsroom_say "configuring build-fuzz/ (clang, libFuzzer, ASan, UBSan) ..."
    wsroom_quietly env CC=clang-14 CXX=clang++-14 cmake -S "$WSROOM_ROOT" -B "$build_dir" -G Ninja \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo -DWSROOM_FUZZ=ON
fi
wsroom_say "building build-fuzz/ ..."
wsroom_quietly cmake --build "$build_dir" -j "$(wsroom_jobs)" --target "${targets[@]/#/fuzz_}"

# Which dictionary each target uses (fuzz/dict/).
dictionary_of() {
    case "$1" in
    httprequesthead) echo http ;;
    endpoint | webpath) echo path ;;
    websocketframeparser | websocketreader) echo websocket ;;
    permessagedeflate) echo deflate ;;
    *) echo json ;;
    esac
}

export ASAN_OPTIONS="${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"
if command -v llvm-symbolizer >/dev/null 2>&1; then
    export ASAN_SYMBOLIZER_PATH="${ASAN_SYMBOLIZER_PATH:-$(command -v llvm-symbolizer)}"
fi

failed=()
mkdir -p "$build_dir/artifacts"
for target in "${targets[@]}"; do
    corpus="$build_dir/corpus/$target"
    mkdir -p "$corpus"
    log="$build_dir/fuzz-$target.log"
    max_len=4096
    [[ "$target" == httprequesthead ]] && max_len=17000
    wsroom_say "fuzzing $target for ${seconds} s ..."
    # The first corpus folder receives new inputs; the seeds in the repository are only read.
    # shellcheck disable=SC2086
    if "$build_dir/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -max_len="$max_len" -dict="$WSROOM_ROOT/fuzz/dict/$(dictionary_of "$target").dict" \
        -artifact_prefix="$build_dir/artifacts/$target-" -print_final_stats=1 \
        ${WSROOM_FUZZ_ARGS:-} "$corpus" "$WSROOM_ROOT/fuzz/corpus/$target" >"$log" 2>&1; then
        runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
        wsroom_say "fuzzed $target: ${runs:-?} runs, no failure"
    else
        tail -n 40 "$log" >&2
        wsroom_say "fuzzing $target FAILED: see $log and build-fuzz/artifacts/$target-*"
        wsroom_say "reproduce: build-fuzz/fuzz/fuzz_$target build-fuzz/artifacts/$target-<name>"
        failed+=("$target")
    fi
done

if [[ ${#failed[@]} -ne 0 ]]; then
    wsroom_say "fuzzing FAILED for: ${failed[*]}"
    exit 1
fi
wsroom_say "fuzzing passed (${#targets[@]} targets, ${seconds} s each)"
