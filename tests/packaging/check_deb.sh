#!/usr/bin/env bash
# `cpack -G DEB` makes a package on which lintian finds no error and no warning, with the
# manual page, the desktop metadata and the dependencies a Debian maintainer would give it.
# The package is made in a temporary folder, the build folder gets nothing.
# Usage: check_deb.sh BUILD_DIR
set -euo pipefail
build="$1"
for tool in cpack lintian dpkg-deb dpkg-shlibdeps appstreamcli; do
    if ! command -v "$tool" >/dev/null; then
        echo "FAIL: $tool is missing (scripts/setup.sh installs it: WSROOM_TEST_PACKAGES)"
        exit 1
    fi
done
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

(cd "$build" && cpack -G DEB -B "$out" >"$out/cpack.log" 2>&1) ||
    { echo "FAIL: cpack -G DEB:"; cat "$out/cpack.log"; exit 1; }
debs=("$out"/*.deb)
[ -f "${debs[0]}" ] || { echo "FAIL: cpack made no .deb"; cat "$out/cpack.log"; exit 1; }
deb="${debs[0]}"
echo "package: $(basename "$deb")"

status=0
# --info: explanations in the log for whatever is found. Exit status aside, any E: or W: line
# fails (I: and P: are shown, they do not fail).
report="$(lintian --info --display-level '>=pedantic' "$deb" 2>&1)" || true
printf '%s\n' "$report"
if grep -Eq '^[EW]: ' <<<"$report"; then
    echo "FAIL: lintian reports errors or warnings"
    status=1
fi

# The hardening flags (CMakeLists.txt) are in the binary: lintian says so only at level I:.
if grep -E '^I: wsroom: hardening-no-' <<<"$report"; then
    echo "FAIL: the binary lacks hardening (Release or RelWithDebInfo build?)"
    status=1
fi

# The installed tree as software centres read it: the metainfo with its desktop entry and icons.
mkdir "$out/tree"
dpkg-deb -x "$deb" "$out/tree"
tree_report="$(appstreamcli validate-tree --pedantic --no-net "$out/tree" 2>&1)" || status=1
if grep -Eq '^[EWIP]: ' <<<"$tree_report" || ! grep -q 'Validation was successful' <<<"$tree_report"; then
    printf 'FAIL: appstreamcli validate-tree --pedantic:\n%s\n' "$tree_report"
    status=1
fi

# What the package holds and needs.
contents="$(dpkg-deb --contents "$deb")"
for path in ./usr/bin/wsroom ./usr/share/man/man1/wsroom.1.gz \
    ./usr/share/applications/io.github.wsroom.wsroom.desktop \
    ./usr/share/metainfo/io.github.wsroom.wsroom.metainfo.xml \
    ./usr/share/icons/hicolor/scalable/apps/io.github.wsroom.wsroom.svg \
    ./usr/share/doc/wsroom/copyright ./usr/share/doc/wsroom/changelog.Debian.gz; do
    grep -q " $path\$" <<<"$contents" || { echo "FAIL: no $path in the package"; status=1; }
done
depends="$(dpkg-deb -f "$deb" Depends)"
recommends="$(dpkg-deb -f "$deb" Recommends)"
for package in libqt6sql6-sqlite libqt6core6 libqt6widgets6; do
    grep -q "$package" <<<"$depends" || { echo "FAIL: Depends lacks $package: $depends"; status=1; }
done
for package in qt6-qpa-plugins fonts-noto-color-emoji; do
    grep -q "$package" <<<"$recommends" ||
        { echo "FAIL: Recommends lacks $package: $recommends"; status=1; }
done

[ "$status" -eq 0 ] && echo "PASS: lintian finds nothing to warn about in $(basename "$deb")"
exit "$status"
