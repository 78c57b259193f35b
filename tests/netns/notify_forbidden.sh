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

source "$here/netns_setup.sh"
netns_setup
netns_start --notification-interval 0

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
