#!/usr/bin/env bash
# Shared set-up for ./run.sh and ./test.sh: install what is missing (Debian 12, apt-get),
# then configure and build wsroom into build/ at the repository root.
#
# Sourced by run.sh and test.sh (which then call wsroom_setup), or run on its own:
#   scripts/setup.sh
#
# Environment:
#   WSROOM_SKIP_INSTALL=1   do not check or install packages (not Debian, or managed by hand)
#   WSROOM_JOBS=N           parallel build jobs (default: nproc, capped by memory and at 8)
#   WSROOM_VERBOSE=1        show the full output of apt-get, cmake and the compiler
#
# Progress lines ("wsroom: ...") go to standard error, so that standard output stays free
# for wsroom's own "listening" line.

set -euo pipefail

WSROOM_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WSROOM_BUILD_DIR="${WSROOM_ROOT}/build"

# Debian packages needed to build, run and test wsroom. One list: add to it as needed.
WSROOM_PACKAGES=(
    build-essential
    cmake
    ninja-build
    pkg-config
    qt6-base-dev
    qt6-base-dev-tools
    qt6-websockets-dev
    libqt6sql6-sqlite
    libssl-dev
    libgl-dev
    libqrencode-dev
    zlib1g-dev
    python3
    python3-websockets
    # Emoji in colour in the chat windows and the browser client (the .deb Recommends it).
    fonts-noto-color-emoji
    # Translations: lupdate and lrelease, Qt's CMake functions for them, and Qt's own
    # translations (qtbase_de.qm...: "Usage:", the dialogs' buttons) that wsroom loads.
    qt6-l10n-tools
    qt6-tools-dev
    qt6-translations-l10n
)

# What only ./test.sh needs: a real browser for the browser client's tests, zbarimg to read
# back the share panel's QR codes, iproute2 for tests/netns (a client with a non-loopback
# address in a network namespace), and the first FastAPI tutorial's server for tests/frameclient
# (python3-fastapi, python3-uvicorn: a server wsroom did not write). Node.js and npm are added to it when there is no node yet (a
# machine may have its own Node.js, whose npm would conflict with Debian's).
WSROOM_TEST_PACKAGES=(
    chromium
    zbar-tools
    iproute2
    python3-fastapi
    python3-uvicorn
    # tests/packaging: the desktop entry's and the AppStream metainfo's validators, and lintian
    # for the .deb that cpack makes (dpkg-dev for its dpkg-shlibdeps, to find the Depends).
    desktop-file-utils
    appstream
    lintian
    dpkg-dev
)

# What bench/compare needs for the peers it measures wsroom against (docs/performance.md), besides
# the FastAPI tutorial's server (python3-fastapi, python3-uvicorn, in WSROOM_TEST_PACKAGES and
# added by wsroom_setup_bench_tools): Node.js for the Node ws server
# (ws itself from npm, pinned in bench/node/package-lock.json), taskset (util-linux) to pin, and
# Xvfb for --display xvfb. valgrind and linux-perf are what the profiles were taken with.
WSROOM_BENCH_PACKAGES=(
    util-linux
    xvfb
    valgrind
    linux-perf
)

# What ./test.sh needs for the libFuzzer targets (scripts/fuzz.sh, docs/fuzzing.md): clang with
# libFuzzer and the sanitizer runtimes, and llvm for llvm-symbolizer's readable stack traces.
WSROOM_FUZZ_PACKAGES=(
    clang-14
    libfuzzer-14-dev
    libclang-rt-14-dev
    llvm
)

# What ./test.sh --lint needs (scripts/lint.sh): cppcheck, and clazy (Qt's checks as a clang
# plugin) with the clang it runs as.
WSROOM_LINT_PACKAGES=(
    cppcheck
    clazy
    clang
)

wsroom_say() {
    printf 'wsroom: %s\n' "$*" >&2
}

wsroom_die() {
    printf 'wsroom: error: %s\n' "$*" >&2
    exit 1
}

# Runs a command; its output is shown only if it fails (or with WSROOM_VERBOSE=1).
wsroom_quietly() {
    if [[ "${WSROOM_VERBOSE:-0}" == 1 ]]; then
        "$@" >&2
        return
    fi
    local log rc
    log="$(mktemp "${TMPDIR:-/tmp}/wsroom-setup.XXXXXX")"
    if "$@" >"$log" 2>&1; then
        rm -f "$log"
        return 0
    else
        rc=$?
    fi
    cat "$log" >&2
    rm -f "$log"
    wsroom_say "failed (exit status $rc): $*"
    return "$rc"
}

# Sets WSROOM_AS_ROOT to the prefix that runs a command as root: nothing when we are root,
# else sudo when it exists.
wsroom_find_root() {
    WSROOM_AS_ROOT=()
    if [[ "$(id -u)" != 0 ]]; then
        if command -v sudo >/dev/null 2>&1; then
            WSROOM_AS_ROOT=(sudo)
        else
            wsroom_die "need root to install $*: run as root, or install sudo"
        fi
    fi
}

# Prints the packages from the arguments that are not installed, one per line.
wsroom_missing_packages() {
    local package
    for package in "$@"; do
        if [[ "$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)" != "install ok installed" ]]; then
            printf '%s\n' "$package"
        fi
    done
}

# Installs with apt-get whatever of the given packages is missing (default: WSROOM_PACKAGES);
# does nothing when all are there.
wsroom_install_packages() {
    local wanted=("$@")
    if [[ ${#wanted[@]} -eq 0 ]]; then
        wanted=("${WSROOM_PACKAGES[@]}")
    fi
    if [[ "${WSROOM_SKIP_INSTALL:-0}" == 1 ]]; then
        wsroom_say "not checking packages (WSROOM_SKIP_INSTALL=1)"
        return 0
    fi
    if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
        wsroom_say "no dpkg/apt-get here (not Debian?): not installing packages; needed: ${wanted[*]}"
        return 0
    fi
    local missing
    mapfile -t missing < <(wsroom_missing_packages "${wanted[@]}")
    if [[ ${#missing[@]} -eq 0 ]]; then
        wsroom_say "packages: all ${#wanted[@]} installed"
        return 0
    fi
    local apt_options=(-q -y -o DPkg::Lock::Timeout=300 -o Dpkg::Use-Pty=0)
    wsroom_say "installing ${missing[*]} ..."
    wsroom_find_root "${missing[*]}"
    wsroom_say "running apt-get update ..."
    wsroom_quietly "${WSROOM_AS_ROOT[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get "${apt_options[@]}" update
    wsroom_say "running apt-get install ..."
    wsroom_quietly "${WSROOM_AS_ROOT[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get "${apt_options[@]}" install --no-install-recommends "${missing[@]}"
    mapfile -t missing < <(wsroom_missing_packages "${wanted[@]}")
    if [[ ${#missing[@]} -ne 0 ]]; then
        wsroom_die "still not installed after apt-get: ${missing[*]}"
    fi
    wsroom_say "packages installed"
}

# Parallel jobs: WSROOM_JOBS, else nproc capped at 8 and at one job per GiB of available memory.
wsroom_jobs() {
    if [[ -n "${WSROOM_JOBS:-}" ]]; then
        printf '%s\n' "$WSROOM_JOBS"
        return
    fi
    local jobs mem_kib
    jobs="$(nproc 2>/dev/null || echo 2)"
    if ((jobs > 8)); then
        jobs=8
    fi
    mem_kib="$(awk '/^MemAvailable:/ { print $2 }' /proc/meminfo 2>/dev/null || true)"
    if [[ -n "$mem_kib" ]] && ((mem_kib / 1048576 < jobs)); then
        jobs=$((mem_kib / 1048576))
    fi
    if ((jobs < 1)); then
        jobs=1
    fi
    printf '%s\n' "$jobs"
}

# Extra cmake arguments for configuring WSROOM_BUILD_DIR (./test.sh --asan sets them).
WSROOM_CMAKE_ARGS=(-DCMAKE_BUILD_TYPE=RelWithDebInfo)
# What a build from scratch of WSROOM_BUILD_DIR takes on disk, in GB, with room to spare
# (./test.sh --asan sets it; README, "Disk space").
WSROOM_BUILD_GB=2

# Warns, in one line, when the disk of WSROOM_BUILD_DIR has less free space than a build takes:
# the build would stop on "No space left on device" from the compiler or the linker.
wsroom_check_space() {
    local parent avail_kb
    parent="$(dirname "$WSROOM_BUILD_DIR")"
    avail_kb="$(df -Pk "$parent" 2>/dev/null | awk 'NR == 2 { print $4 }')"
    [[ "$avail_kb" =~ ^[0-9]+$ ]] || return 0
    if ((avail_kb < WSROOM_BUILD_GB * 1000 * 1000)); then
        wsroom_say "warning: $((avail_kb / 1000)) MB free on the disk of $(basename "$WSROOM_BUILD_DIR")/; a build takes about ${WSROOM_BUILD_GB} GB"
    fi
}

# Configures WSROOM_BUILD_DIR (only when it is not configured yet) and builds it.
wsroom_build() {
    local dir_name
    dir_name="$(basename "$WSROOM_BUILD_DIR")"
    local cache="${WSROOM_BUILD_DIR}/CMakeCache.txt"
    if [[ -f "$cache" ]]; then
        local generator home
        generator="$(sed -n 's/^CMAKE_GENERATOR:INTERNAL=//p' "$cache")"
        home="$(sed -n 's/^CMAKE_HOME_DIRECTORY:INTERNAL=//p' "$cache")"
        if [[ "$generator" != Ninja || "$home" != "$WSROOM_ROOT" ]]; then
            wsroom_say "$dir_name/ was configured differently (${generator:-?} for ${home:-?}): configuring it afresh"
            rm -rf "$cache" "${WSROOM_BUILD_DIR}/CMakeFiles"
        fi
    fi
    # Once build.ninja exists, "cmake --build" re-runs cmake by itself when a CMakeLists.txt changes.
    if [[ ! -f "$cache" || ! -f "${WSROOM_BUILD_DIR}/build.ninja" ]]; then
        wsroom_say "configuring $dir_name/ ..."
        wsroom_check_space
        wsroom_quietly cmake -S "$WSROOM_ROOT" -B "$WSROOM_BUILD_DIR" -G Ninja \
            "${WSROOM_CMAKE_ARGS[@]}"
    fi
    local jobs
    jobs="$(wsroom_jobs)"
    wsroom_say "building $dir_name/ ($jobs jobs) ..."
    wsroom_quietly cmake --build "$WSROOM_BUILD_DIR" -j "$jobs"
    wsroom_say "built $dir_name/app/wsroom"
}

wsroom_setup() {
    wsroom_install_packages
    wsroom_build
}

# The browser tests' tools: Debian's Chromium, Node.js, and playwright-core and axe-core from npm
# (pinned in tests/browser/package-lock.json), installed only when missing.
wsroom_setup_test_tools() {
    local packages=("${WSROOM_TEST_PACKAGES[@]}")
    if ! command -v node >/dev/null 2>&1; then
        packages+=(nodejs)
    fi
    if ! command -v npm >/dev/null 2>&1; then
        packages+=(npm)
    fi
    wsroom_install_packages "${packages[@]}"
    local browser_dir="${WSROOM_ROOT}/tests/browser"
    local stamp="${browser_dir}/node_modules/.package-lock.json"
    if [[ ! -f "$stamp" || "${browser_dir}/package-lock.json" -nt "$stamp" ]]; then
        wsroom_say "installing playwright-core and axe-core (npm ci in tests/browser) ..."
        (cd "$browser_dir" && wsroom_quietly npm ci --no-audit --no-fund)
    fi
}

# Run on its own rather than sourced: do the whole set-up.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    wsroom_setup
fi

# bench/compare's peers: Debian's FastAPI and uvicorn, Node.js, and ws from npm (bench/node).
wsroom_setup_bench_tools() {
    local packages=("${WSROOM_BENCH_PACKAGES[@]}" python3-fastapi python3-uvicorn)
    if ! command -v node >/dev/null 2>&1; then
        packages+=(nodejs)
    fi
    if ! command -v npm >/dev/null 2>&1; then
        packages+=(npm)
    fi
    wsroom_install_packages "${packages[@]}"
    local node_dir="${WSROOM_ROOT}/bench/node"
    if [[ ! -d "${node_dir}/node_modules/ws" ]]; then
        wsroom_say "installing ws (npm ci in bench/node) ..."
        (cd "$node_dir" && wsroom_quietly npm ci --no-audit --no-fund)
    fi
}
