#!/usr/bin/env bash
# The linters over the product code (protocol server client console ui app; not tests, bench,
# fuzz): cppcheck, then clazy (level 0 and 1) as the compiler of a build of the libraries and
# the app in build-lint/. Fails on any finding of either. Run by ./test.sh --lint, or on its own.
#
# A finding that is wrong is suppressed in its line, with the reason:
#   // cppcheck-suppress checkId ; because ...
#   // clazy:exclude=check-name because ...
#
# Environment: those of scripts/setup.sh; WSROOM_JOBS for the clazy build.
set -euo pipefail

# shellcheck source=scripts/setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

WSROOM_PRODUCT_DIRS=(protocol server client console ui app)

wsroom_install_packages "${WSROOM_PACKAGES[@]}" "${WSROOM_LINT_PACKAGES[@]}"
for tool in cppcheck clazy; do
    command -v "$tool" >/dev/null 2>&1 || wsroom_die "$tool is missing (scripts/setup.sh WSROOM_LINT_PACKAGES)"
done

cd "$WSROOM_ROOT"
status=0

# cppcheck: Qt's macros from its qt.cfg, the few it lacks from scripts/cppcheck-wsroom.cfg; the
# project's includes by path, not Qt's (--library=qt stands for them, and it is much faster).
wsroom_say "cppcheck over ${WSROOM_PRODUCT_DIRS[*]} ..."
cppcheck_start=$SECONDS
if ! cppcheck --library=qt --library=scripts/cppcheck-wsroom.cfg \
        --enable=warning,performance,portability --inline-suppr --error-exitcode=1 \
        --suppress=missingIncludeSystem --quiet -j "$(wsroom_jobs)" \
        -I . -D QT_VERSION=0x060400 "${WSROOM_PRODUCT_DIRS[@]}"; then
    wsroom_say "cppcheck FAILED: findings above"
    status=1
else
    wsroom_say "cppcheck: no finding ($((SECONDS - cppcheck_start)) s)"
fi

# clazy: the compiler of build-lint/ (Debug: no optimiser, quicker). The checks also go on the
# command line, so that ccache (when there is one) keys its cached warnings on them.
export CLAZY_CHECKS=level0,level1
export CLAZY_IGNORE_DIRS='.*(tests|bench|fuzz|build).*'
lint_dir="${WSROOM_ROOT}/build-lint"
launcher=()
if command -v ccache >/dev/null 2>&1; then
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
clazy_start=$SECONDS
wsroom_say "clazy ($CLAZY_CHECKS): configuring build-lint/ ..."
wsroom_quietly cmake -S "$WSROOM_ROOT" -B "$lint_dir" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_CXX_COMPILER=clazy "${launcher[@]}" \
    "-DCMAKE_CXX_FLAGS=-Xclang -plugin-arg-clazy -Xclang ${CLAZY_CHECKS}"
wsroom_say "clazy: building the libraries and the app in build-lint/ ($(wsroom_jobs) jobs) ..."
log="${lint_dir}/clazy.log"
# Rebuilt from scratch each time (ccache makes that quick), so every file's warnings are in the log.
cmake --build "$lint_dir" --target clean >/dev/null
if ! cmake --build "$lint_dir" -j "$(wsroom_jobs)" --target wsroom >"$log" 2>&1; then
    cat "$log" >&2
    wsroom_die "clazy: the build in build-lint/ failed"
fi
if grep -q -- '\[-Wclazy-' "$log"; then
    grep -B0 -A3 -- '\[-Wclazy-' "$log" >&2
    wsroom_say "clazy FAILED: $(grep -c -- '\[-Wclazy-' "$log") finding(s) above (full log: $log)"
    status=1
else
    wsroom_say "clazy: no finding ($((SECONDS - clazy_start)) s)"
fi

if [[ $status -ne 0 ]]; then
    wsroom_say "lint FAILED"
    exit "$status"
fi
wsroom_say "lint passed"
