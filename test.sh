#!/usr/bin/env bash
# Installs what is missing (Debian 12), builds wsroom into build/, then runs its tests with
# CTest, then fuzzes each decoder briefly (scripts/fuzz.sh). Arguments go to ctest, e.g.
# ./test.sh -R tutorial  or  ./test.sh -V  (with arguments, the fuzzing is skipped).
#
#   ./test.sh --asan [ctest arguments]
#       builds build-asan/ (Debug, -O1, AddressSanitizer + UndefinedBehaviorSanitizer +
#       LeakSanitizer) and runs the whole suite there instead; any report fails the test.
#
#   ./test.sh --lint
#       runs only the linters (scripts/lint.sh): cppcheck, and clazy level 0 and 1 in a build of
#       the product code in build-lint/; any finding fails. Installs WSROOM_LINT_PACKAGES.
#
# Environment: WSROOM_TEST_TIMEOUT (seconds for the whole ctest run, default 1800, 2700 with
# --asan), WSROOM_FUZZ_SECONDS (seconds of fuzzing per target, default 20; 0 skips it), and
# those of scripts/setup.sh.
set -euo pipefail

# shellcheck source=scripts/setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/scripts/setup.sh"

if [[ "${1:-}" == --lint ]]; then
    shift
    [[ $# -eq 0 ]] || wsroom_die "--lint takes no further arguments"
    exec "${WSROOM_ROOT}/scripts/lint.sh"
fi

asan=0
if [[ "${1:-}" == --asan ]]; then
    asan=1
    shift
fi

wsroom_install_packages "${WSROOM_PACKAGES[@]}" "${WSROOM_FUZZ_PACKAGES[@]}"
per_test_timeout=300
if [[ $asan == 1 ]]; then
    WSROOM_BUILD_DIR="${WSROOM_ROOT}/build-asan"
    # -O1 keeps the stack traces true and the suite fast enough; every UBSan finding aborts.
    # -g1: the line tables and functions a report's stack trace needs, no variables, so that
    # each of the ~90 executables is not another copy of the full debug information (README,
    # "Disk space").
    WSROOM_CMAKE_ARGS=(-DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS=-O1 -DCMAKE_CXX_FLAGS_DEBUG=-g1
                       -DWSROOM_SANITIZE=ON)
    WSROOM_BUILD_GB=3
    # halt_on_error: the first report fails the test that made it. Leaks are checked at exit;
    # the suppressions are for third-party libraries only (see the file).
    export ASAN_OPTIONS="halt_on_error=1:abort_on_error=0:detect_leaks=1:strict_init_order=1:detect_stack_use_after_return=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
    export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
    export LSAN_OPTIONS="suppressions=${WSROOM_ROOT}/scripts/lsan-suppressions.txt:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
    if command -v llvm-symbolizer >/dev/null 2>&1; then
        export ASAN_SYMBOLIZER_PATH="${ASAN_SYMBOLIZER_PATH:-$(command -v llvm-symbolizer)}"
    fi
    # Everything runs several times slower: each test gets more time, none is skipped.
    per_test_timeout=900
fi
wsroom_build
wsroom_setup_test_tools

total_timeout="${WSROOM_TEST_TIMEOUT:-1800}"
if [[ $asan == 1 ]]; then
    total_timeout="${WSROOM_TEST_TIMEOUT:-2700}"
fi
ctest_extra=()
if [[ $asan == 1 ]]; then
    # ASan keeps freed memory in its quarantine and its allocator does not hand memory back to
    # the system: the tests that check the resident set comes back down (tst_churn, soak_short)
    # skip that one check and say so; LeakSanitizer checks for leaks instead.
    export WSROOM_SANITIZED=1
    # A test that fails only on timing (several times slower, two at once) gets one more run;
    # a sanitizer report is not a matter of timing and fails again. Both runs are in the log.
    ctest_extra=(--repeat until-pass:2)
fi
ctest_command=(ctest --test-dir "$WSROOM_BUILD_DIR" --output-on-failure --no-tests=error
               -j2 --timeout "$per_test_timeout" "${ctest_extra[@]}" "$@")
wsroom_say "testing: ${ctest_command[*]} ..."

# timeout runs ctest in a process group of its own, which Ctrl-C does not reach: pass
# SIGINT and SIGTERM on to it (it passes them to ctest and the tests).
timeout --kill-after=30 "$total_timeout" "${ctest_command[@]}" &
ctest_pid=$!
trap 'kill -INT "$ctest_pid" 2>/dev/null || true' INT
trap 'kill -TERM "$ctest_pid" 2>/dev/null || true' TERM
while :; do
    status=0
    wait "$ctest_pid" || status=$?
    kill -0 "$ctest_pid" 2>/dev/null || break
done
trap - INT TERM

if [[ $status -eq 124 || $status -eq 137 ]]; then
    wsroom_say "tests FAILED: ctest did not finish within ${total_timeout} s"
elif [[ $status -eq 130 || $status -eq 143 ]]; then
    wsroom_say "tests interrupted"
elif [[ $status -ne 0 ]]; then
    wsroom_say "tests FAILED (ctest exit status $status)"
else
    wsroom_say "tests passed"
fi
if [[ $status -ne 0 ]]; then
    exit "$status"
fi

# A short fuzz run of every decoder (scripts/fuzz.sh; docs/fuzzing.md), after the full suite only.
fuzz_seconds="${WSROOM_FUZZ_SECONDS:-20}"
if [[ $asan == 0 && $# -eq 0 && "$fuzz_seconds" != 0 ]]; then
    "${WSROOM_ROOT}/scripts/fuzz.sh" --seconds "$fuzz_seconds"
fi
