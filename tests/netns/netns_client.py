"""One side of notify_forbidden.sh: a client on another machine (run inside a network
namespace) or on the host itself (loopback).

    netns_client.py remote HOST:PORT READY_FILE   # in the namespace
    netns_client.py host HOST:PORT                # on the host, once READY_FILE exists

remote: a notifications member and a native member; the native one's notify must be
forbidden, its kick and room requests unknown; then it writes READY_FILE and waits for the
notification the host sends, which must be the only one that arrives.
host: a native member on loopback whose notify must be acknowledged.
Exit status 0 when every check passed; the reason on standard error otherwise.
"""

import asyncio
import json
import sys

import websockets

TIMEOUT = 15


def fail(message):
    print(f"netns_client: {message}", file=sys.stderr)
    sys.exit(1)


async def next_json(ws):
    return json.loads(await asyncio.wait_for(ws.recv(), TIMEOUT))


async def remote(base, ready_file):
    async with websockets.connect(f"ws://{base}/ws/notifications/nora") as nora, \
            websockets.connect(f"ws://{base}/chat?name=remote") as ws:
        welcome = await next_json(ws)
        if welcome.get("type") != "welcome":
            fail(f"expected welcome, got {welcome}")
        await ws.send(json.dumps({"type": "notify", "text": "from-remote", "ref": "n1"}))
        reply = await next_json(ws)
        if reply.get("code") != "forbidden" or reply.get("ref") != "n1":
            fail(f"notify from a non-loopback address: expected forbidden, got {reply}")
        for kind in ("kick", "create_room", "pin", "stop"):
            await ws.send(json.dumps({"type": kind, "member": "m1", "room": "lobby",
                                      "ref": kind}))
            reply = await next_json(ws)
            if reply.get("code") != "unknown_type" or reply.get("ref") != kind:
                fail(f"{kind} from a student: expected unknown_type, got {reply}")
        # The host may notify; what nora hears first must be the host's, not ours.
        with open(ready_file, "w") as ready:
            ready.write("ready\n")
        note = await next_json(nora)
        if note.get("type") != "notification" or note.get("message") != "from-host":
            fail(f"expected the host's notification, got {note}")
    print("remote: notify forbidden, host powers unknown, the host's notification arrived")


async def host(base):
    async with websockets.connect(f"ws://{base}/chat?name=teacher") as ws:
        await next_json(ws)  # welcome
        await ws.send(json.dumps({"type": "notify", "text": "from-host", "ref": "h1"}))
        reply = await next_json(ws)
        if reply.get("type") != "ack" or reply.get("ref") != "h1":
            fail(f"notify from loopback: expected ack, got {reply}")
    print("host: notify from loopback acknowledged")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "remote":
        asyncio.run(remote(sys.argv[2], sys.argv[3]))
    elif len(sys.argv) == 3 and sys.argv[1] == "host":
        asyncio.run(host(sys.argv[2]))
    else:
        fail(__doc__)
