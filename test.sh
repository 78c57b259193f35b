#!/usr/bin/env bash
# Installs what is missing (Debian 12), builds wsroom into build/, then runs its tests with
# CTest. Arguments go to ctest, e.g.  ./test.sh -R tutorial  or  ./test.sh -V
#
# Environment: WSROOM_TEST_TIMEOUT (seconds for the whole ctest run, default 1800), and those
# of scripts/setup.sh.
set -euo pipefail

# shellcheck source=scripts/setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/scripts/setup.sh"

wsroom_setup
wsroom_setup_test_tools

total_timeout="${WSROOM_TEST_TIMEOUT:-1800}"
ctest_command=(ctest --test-dir "$WSROOM_BUILD_DIR" --output-on-failure --no-tests=error
               -j2 --timeout 300 "$@")
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
exit "$status"
