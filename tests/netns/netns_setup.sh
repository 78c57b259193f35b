# The set-up both network-namespace tests share: a namespace joined to this one by a veth pair,
# and a wsroom listening on 0.0.0.0. Sourced after `set -euo pipefail`, with $wsroom set.
#
#   netns_setup         makes the namespace: $ns, $host_ip (this side), $ns_ip (the other side),
#                       $work (a folder removed at exit)
#   netns_start ARGS    starts wsroom --headless --store none --bind 0.0.0.0 --port 0 ARGS: $port
#
# Any step of the set-up that fails (no root, no iproute2, a namespace that can be made but not
# entered, as in a container without mount rights) says why and exits 77, which CTest counts as
# skipped; only the test's own checks fail it.

python=/usr/bin/python3 # Debian's, which sees python3-websockets
server_pid=""
ns=""
host_if=""
work=""

skip() {
    echo "SKIP: $*" >&2
    exit 77
}

cleanup() {
    if [[ -n "$server_pid" ]]; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    [[ -z "$ns" ]] || ip netns del "$ns" 2>/dev/null || true
    [[ -z "$host_if" ]] || ip link del "$host_if" 2>/dev/null || true # gone with the namespace
    [[ -z "$work" ]] || rm -rf "$work"
}

netns_setup() {
    [[ "$(id -u)" == 0 ]] || skip "needs root for a network namespace"
    command -v ip >/dev/null 2>&1 || skip "needs iproute2 (ip)"
    # Names and a /30 of our own, so that runs in parallel do not meet.
    local id=$(($$ % 60000))
    local net="10.$((200 + id % 50)).$((id / 250 % 250)).$((id % 250 / 4 * 4))"
    local ns_if="wsrn$id"
    ns="wsroom-t$id"
    host_if="wsrh$id"
    host_ip="${net%.*}.$((${net##*.} + 1))"
    ns_ip="${net%.*}.$((${net##*.} + 2))"
    work="$(mktemp -d "${TMPDIR:-/tmp}/wsroom-netns.XXXXXX")"
    trap cleanup EXIT

    ip netns add "$ns" 2>/dev/null || skip "cannot make a network namespace here"
    ip link add "$host_if" type veth peer name "$ns_if" 2>/dev/null || skip "cannot make a veth pair here"
    ip link set "$ns_if" netns "$ns" 2>/dev/null || skip "cannot move a link into the namespace"
    ip addr add "$host_ip/30" dev "$host_if" 2>/dev/null || skip "cannot address the veth pair"
    ip link set "$host_if" up 2>/dev/null || skip "cannot bring the veth pair up"
    ip -n "$ns" addr add "$ns_ip/30" dev "$ns_if" 2>/dev/null || skip "cannot enter the namespace (ip -n)"
    ip -n "$ns" link set "$ns_if" up 2>/dev/null || skip "cannot enter the namespace (ip -n)"
    ip -n "$ns" link set lo up 2>/dev/null || skip "cannot enter the namespace (ip -n)"
    ip netns exec "$ns" true 2>/dev/null || skip "cannot run a program in the namespace"
}

netns_start() {
    QT_LOGGING_RULES="wsroom.*.info=true" "$wsroom" --headless --store none --bind 0.0.0.0 \
        --port 0 "$@" >"$work/out" 2>"$work/err" &
    server_pid=$!
    for _ in $(seq 100); do
        grep -q "listening on" "$work/out" 2>/dev/null && break
        sleep 0.1
    done
    port="$(sed -n 's|.*ws://[^:]*:\([0-9]*\)/.*|\1|p' "$work/out")"
    [[ -n "$port" ]] || { cat "$work/err" >&2; echo "FAIL: the server did not start" >&2; exit 1; }
}
