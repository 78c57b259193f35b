#!/usr/bin/env bash
# Wrong join codes lock out the address that sent them, and only that one.
#
#   join_code_lockout.sh path/to/wsroom
#
# The guesser runs in a network namespace (a real second address, see netns_setup.sh); the
# host's own machine asks from loopback and from its side of the veth pair.
set -euo pipefail

wsroom="${1:?usage: join_code_lockout.sh path/to/wsroom}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/netns_setup.sh"
netns_setup
netns_start --join-code 4821

# The HTTP status of /api/status?code=CODE asked from here, or from the namespace with "ns".
status_of() {
    local where="$1" host="$2" code="$3"
    local run=()
    [[ "$where" == ns ]] && run=(ip netns exec "$ns")
    "${run[@]}" "$python" - "$host" "$port" "$code" <<'PY'
import sys, urllib.error, urllib.request
host, port, code = sys.argv[1:4]
try:
    with urllib.request.urlopen(f"http://{host}:{port}/api/status?code={code}", timeout=10) as r:
        print(r.status)
except urllib.error.HTTPError as e:
    print(e.code, e.headers.get("Retry-After", ""))
PY
}

fail() {
    echo "FAIL: $*" >&2
    echo "--- server log" >&2
    tail -n 30 "$work/err" >&2
    exit 1
}

# Four wrong codes from the namespace: refused, not locked out yet.
for code in 0000 0001 0002 0003; do
    got="$(status_of ns "$host_ip" "$code")"
    [[ "$got" == "403 " ]] || fail "wrong code $code from $ns_ip gave '$got', not 403"
done
# The fifth locks it out: now even the right code gets 429 with Retry-After.
status_of ns "$host_ip" 0004 >/dev/null
got="$(status_of ns "$host_ip" 4821)"
[[ "$got" =~ ^429\ [0-9]+$ ]] || fail "the right code from the locked-out $ns_ip gave '$got', not 429"
# Other addresses are not locked out: this side of the veth pair, and loopback.
got="$(status_of here "$host_ip" 4821)"
[[ "$got" == "200" ]] || fail "the right code from $host_ip gave '$got', not 200"
got="$(status_of here 127.0.0.1 4821)"
[[ "$got" == "200" ]] || fail "the right code from 127.0.0.1 gave '$got', not 200"
# The server counted it and named the address.
grep -q "$ns_ip is locked out" "$work/err" || fail "no lockout of $ns_ip in the log"
echo "PASS: $ns_ip is locked out after 5 wrong codes; $host_ip and 127.0.0.1 are not"
