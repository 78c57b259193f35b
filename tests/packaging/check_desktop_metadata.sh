#!/usr/bin/env bash
# The desktop entry and the AppStream metainfo pass their validators with nothing to say:
# desktop-file-validate prints nothing, appstreamcli validate --pedantic reports no issue at all.
# The version (the project's) is the same in the metainfo's newest release, the Debian changelog's
# first entry and the manual page.
# Usage: check_desktop_metadata.sh RESOURCES_DIR APP_ID VERSION
set -euo pipefail
resources="$1"
id="$2"
version="$3"
status=0
for tool in desktop-file-validate appstreamcli; do
    if ! command -v "$tool" >/dev/null; then
        echo "FAIL: $tool is missing (scripts/setup.sh installs it: WSROOM_TEST_PACKAGES)"
        exit 1
    fi
done

desktop="$resources/$id.desktop"
metainfo="$resources/$id.metainfo.xml"
output="$(desktop-file-validate "$desktop" 2>&1)" || status=1
if [ -n "$output" ]; then
    printf 'FAIL: desktop-file-validate %s:\n%s\n' "$desktop" "$output"
    status=1
fi

# --no-net: the screenshots' URLs are not fetched (the test runs offline). Any line with a
# severity (E: W: I: P:) is an issue, pedantic ones included.
output="$(appstreamcli validate --pedantic --no-net "$metainfo" 2>&1)" || status=1
if grep -Eq '^[EWIP]: ' <<<"$output" || ! grep -q 'Validation was successful' <<<"$output"; then
    printf 'FAIL: appstreamcli validate --pedantic %s:\n%s\n' "$metainfo" "$output"
    status=1
fi

# One id everywhere: the metainfo's id and launchable, the desktop entry's icon.
grep -q "<id>$id</id>" "$metainfo" || { echo "FAIL: $metainfo: id is not $id"; status=1; }
grep -q "<launchable type=\"desktop-id\">$id.desktop</launchable>" "$metainfo" ||
    { echo "FAIL: $metainfo: launchable is not $id.desktop"; status=1; }
grep -qx "Icon=$id" "$desktop" || { echo "FAIL: $desktop: Icon is not $id"; status=1; }

# The newest release comes first in <releases>.
newest="$(grep -o -m1 '<release version="[^"]*"' "$metainfo" | cut -d'"' -f2)"
[ "$newest" = "$version" ] ||
    { echo "FAIL: $metainfo: newest release $newest, the project is $version"; status=1; }
grep -q "^wsroom ($version-1) " "$resources/debian/changelog" ||
    { echo "FAIL: resources/debian/changelog: the first entry is not $version-1"; status=1; }
grep -q "^\.TH WSROOM 1 .* \"wsroom $version\"" "$resources/wsroom.1" ||
    { echo "FAIL: resources/wsroom.1: .TH does not say wsroom $version"; status=1; }

[ "$status" -eq 0 ] && echo "PASS: $id.desktop and $id.metainfo.xml are clean"
exit "$status"
