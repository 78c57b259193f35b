#!/usr/bin/env bash
# notify from another machine is forbidden; from the host's own machine it is not.
#
#   notify_forbidden.sh path/to/wsroom
#
# A student's client must really have a non-loopback address, so it runs in a network
# namespace joined to this one by a veth pair (iproute2). Needs root and network namespaces:
# without them it says why and exits 77, which CTest counts as skipped.
set -euo pipefail

wsroom="${1:?usage: notify_forbidden.sh path/to/wsroom}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
python=/usr/bin/python3 # Debian's, which sees python3-websockets

skip() {
    echo "SKIP: $*" >&2
    exit 77
}

[[ "$(id -u)" == 0 ]] || skip "needs root for a network namespace"
command -v ip >/dev/null 2>&1 || skip "needs iproute2 (ip)"

# Names and a /30 of our own, so that runs in parallel do not meet.
id=$(($$ % 60000))
ns="wsroom-t$id"
host_if="wsrh$id"
ns_if="wsrn$id"
net="10.$((200 + id % 50)).$((id / 250 % 250)).$((id % 250 / 4 * 4))"
host_ip="${net%.*}.$((${net##*.} + 1))"
ns_ip="${net%.*}.$((${net##*.} + 2))"
work="$(mktemp -d "${TMPDIR:-/tmp}/wsroom-netns.XXXXXX")"
server_pid=""

cleanup() {
    [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
    ip netns del "$ns" 2>/dev/null || true
    ip link del "$host_if" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

ip netns add "$ns" 2>/dev/null || skip "cannot make a network namespace here"
ip link add "$host_if" type veth peer name "$ns_if" 2>/dev/null || skip "cannot make a veth pair here"
ip link set "$ns_if" netns "$ns"
ip addr add "$host_ip/30" dev "$host_if"
ip link set "$host_if" up
ip -n "$ns" addr add "$ns_ip/30" dev "$ns_if"
ip -n "$ns" link set "$ns_if" up
ip -n "$ns" link set lo up

QT_LOGGING_RULES="wsroom.*.info=true" "$wsroom" --headless --store none --bind 0.0.0.0 --port 0 --notification-interval 0 \
    >"$work/out" 2>"$work/err" &
server_pid=$!
for _ in $(seq 100); do
    grep -q "listening on" "$work/out" 2>/dev/null && break
    sleep 0.1
done
port="$(sed -n 's|.*ws://[^:]*:\([0-9]*\)/.*|\1|p' "$work/out")"
[[ -n "$port" ]] || { cat "$work/err" >&2; echo "FAIL: the server did not start" >&2; exit 1; }

ip netns exec "$ns" "$python" "$here/netns_client.py" remote "$host_ip:$port" "$work/ready" &
remote_pid=$!
for _ in $(seq 150); do
    [[ -f "$work/ready" ]] && break
    kill -0 "$remote_pid" 2>/dev/null || break
    sleep 0.1
done
status=0
if [[ -f "$work/ready" ]]; then
    "$python" "$here/netns_client.py" host "127.0.0.1:$port" || status=1
fi
wait "$remote_pid" || status=1
# The server saw the student's real address.
grep -q "from $ns_ip" "$work/err" || { echo "FAIL: no connection from $ns_ip in the log" >&2; status=1; }
if [[ $status -ne 0 ]]; then
    echo "--- server log" >&2
    tail -n 30 "$work/err" >&2
    echo "FAIL" >&2
else
    echo "PASS: notify is forbidden from $ns_ip and allowed from loopback"
fi
exit "$status"
