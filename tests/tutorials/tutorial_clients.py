#!/usr/bin/python3
"""The FastAPI tutorials' clients, run against a real wsroom.

Starts `wsroom --headless --port 0 --notification-interval 0.3`, learns its port from the one
line it prints on standard output, and plays what a reader of each tutorial would do:

  (a) first tutorial, JSON broadcast on ws://HOST:PORT/
  (b) second tutorial, chat on /ws/{client_id} and notifications on /ws/notifications/{client_id}
  (c) a native /chat client in the second tutorial's room, both ways
  and that the client id host (the host's own name) is refused with HTTP 400

then stops wsroom with SIGTERM and checks that it exits with status 0.

Usage: tutorial_clients.py [path/to/wsroom]   (default: build/app/wsroom of this checkout)

Uses Debian 12's python3-websockets (10.4), so run it with /usr/bin/python3. Every receive has
a timeout: the script cannot hang. Exit status 0 when every check passed, 1 otherwise.
"""

import asyncio
import datetime
import json
import os
import re
import signal
import sys
import tempfile
import time

import websockets
import websockets.exceptions

RECEIVE_TIMEOUT = 5.0  # seconds for any one frame that should come
QUIET_TIMEOUT = 0.5  # seconds of silence that show a frame did not come
START_TIMEOUT = 15.0  # seconds for wsroom to print its listening line
STOP_TIMEOUT = 5.0  # seconds for wsroom to exit after SIGTERM
NOTIFICATION_INTERVAL = "0.3"

LISTENING = re.compile(r"^wsroom: listening on ws://([^/:]+):(\d+)/ \(http://\1:\2/\)$")
# The native dialect's timestamps: UTC, milliseconds and a Z.
NATIVE_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")
# The tutorial dialects' timestamps: as datetime.now(timezone.utc).isoformat() writes them, with
# six fraction digits always.
TUTORIAL_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}\+00:00$")
# What datetime.fromisoformat accepts in Python 3.7 to 3.10 (3.11 also takes a Z):
# YYYY-MM-DD[*HH[:MM[:SS[.fff[fff]]]][+HH:MM[:SS[.ffffff]]]], any one character for "*".
FROMISOFORMAT_3_7 = re.compile(r"^\d{4}-\d{2}-\d{2}(.\d{2}(:\d{2}(:\d{2}(\.(\d{3}|\d{6}))?)?)?"
                               r"([+-]\d{2}:\d{2}(:\d{2}(\.\d{6})?)?)?)?$")


class CheckFailed(Exception):
    """One expectation was not met."""

    def __init__(self, expected, got):
        super().__init__(f"expected {expected}\n      got {got}")
        self.expected = expected
        self.got = got


def expect(condition, expected, got):
    if not condition:
        raise CheckFailed(expected, got)


async def receive(ws, what):
    """The next text frame on ws, within RECEIVE_TIMEOUT."""
    try:
        frame = await asyncio.wait_for(ws.recv(), RECEIVE_TIMEOUT)
    except asyncio.TimeoutError:
        raise CheckFailed(what, f"nothing within {RECEIVE_TIMEOUT} s") from None
    except websockets.exceptions.ConnectionClosed as closed:
        raise CheckFailed(what, f"the connection closed (code {closed.code}, reason {closed.reason!r})") from None
    expect(isinstance(frame, str), f"a text frame: {what}", f"a binary frame {frame!r}")
    return frame


async def receive_json(ws, what):
    frame = await receive(ws, what)
    try:
        value = json.loads(frame)
    except ValueError:
        raise CheckFailed(f"JSON: {what}", repr(frame)) from None
    return frame, value


async def expect_silence(ws, what):
    """Nothing arrives on ws for QUIET_TIMEOUT."""
    try:
        frame = await asyncio.wait_for(ws.recv(), QUIET_TIMEOUT)
    except asyncio.TimeoutError:
        return
    except websockets.exceptions.ConnectionClosed as closed:
        raise CheckFailed(f"nothing ({what}), connection open", f"the connection closed (code {closed.code})") from None
    raise CheckFailed(f"nothing ({what})", repr(frame))


def check_timestamp(value, frame):
    """The native dialect's timestamp: ISO 8601 UTC with milliseconds and a Z, close to now."""
    expect(isinstance(value, str) and NATIVE_TIMESTAMP.match(value),
           'a timestamp like "2026-11-22T03:07:03.342Z"', frame)
    when = datetime.datetime.strptime(value, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=datetime.timezone.utc)
    return check_close_to_now(value, when, frame)


def check_tutorial_timestamp(value, frame):
    """The tutorial dialects' timestamp: what Python's isoformat() writes for UTC, read by
    fromisoformat() since 3.7 (checked by its 3.7-3.10 rules, then by this Python's own), and
    close to now."""
    expect(isinstance(value, str) and TUTORIAL_TIMESTAMP.match(value),
           'a timestamp like "2026-11-22T03:07:03.342000+00:00"', frame)
    expect(FROMISOFORMAT_3_7.match(value), "a timestamp that Python 3.7-3.10's fromisoformat reads", frame)
    try:
        when = datetime.datetime.fromisoformat(value)
    except ValueError as error:
        raise CheckFailed("a timestamp that datetime.fromisoformat reads", f"{error} in {frame}") from None
    expect(when.utcoffset() == datetime.timedelta(0), "a timestamp in UTC (+00:00)", frame)
    return check_close_to_now(value, when, frame)


def check_close_to_now(value, when, frame):
    """when (parsed from value) is within 2 minutes of now; returns it."""
    skew = abs((datetime.datetime.now(datetime.timezone.utc) - when).total_seconds())
    expect(skew < 120, "a timestamp in UTC, within 2 minutes of now", f"{value} ({skew:.0f} s off) in {frame}")
    return when


def check_chat_line(frame, value, client_id, message):
    """The second tutorial's chat line: exactly client_id, message and timestamp; returns its time."""
    expected = f'{{"client_id":"{client_id}","message":"{message}","timestamp":<ISO 8601 UTC>}}'
    expect(isinstance(value, dict) and set(value) == {"client_id", "message", "timestamp"}, expected, frame)
    expect(value["client_id"] == client_id and value["message"] == message, expected, frame)
    return check_tutorial_timestamp(value["timestamp"], frame)


def check_member(value, name, frame):
    expect(isinstance(value, dict) and isinstance(value.get("id"), str) and value["id"]
           and value.get("name") == name,
           f'a member {{"id":"m<n>","name":"{name}"}}', frame)


class Run:
    """The checks of one run: each named, counted, reported."""

    def __init__(self):
        self.passed = 0
        self.failed = 0

    def ok(self, name):
        self.passed += 1
        print(f"  ok    {name}", flush=True)

    def fail(self, name, why):
        self.failed += 1
        print(f"  FAIL  {name}\n      {why}", flush=True)


async def connect(base, path):
    uri = base + path
    try:
        return await websockets.connect(uri, open_timeout=RECEIVE_TIMEOUT, close_timeout=2,
                                        ping_interval=None, compression=None)
    except Exception as error:  # noqa: BLE001 - any failure to connect is the check's failure
        raise CheckFailed(f"a WebSocket connection to {uri}", f"{type(error).__name__}: {error}") from None


async def flow(run, title, steps):
    """Runs one flow. steps is an async generator that yields the name of each step before
    doing it; a step passed when the next one starts. The first failure ends the flow."""
    print(title, flush=True)
    step = None
    try:
        async for next_step in steps:
            if step is not None:
                run.ok(step)
            step = next_step
        if step is not None:
            run.ok(step)
    except CheckFailed as failure:
        run.fail(step or title, str(failure))
    except Exception as error:  # noqa: BLE001 - report it and go on with the next flow
        run.fail(step or title, f"an unexpected {type(error).__name__}: {error}")


async def broadcast_flow(base, connections):
    """(a) The first tutorial: JSON broadcast on /."""
    yield "two clients connect to /"
    one = await connect(base, "/")
    connections.append(one)
    two = await connect(base, "/")
    connections.append(two)

    text = '{"message": "Hello, World!"}'
    yield f"one sends {text}; both receive exactly that text"
    await one.send(text)
    for ws in (one, two):
        got = await receive(ws, f"the exact text {text}")
        expect(got == text, f"the exact text {text}", repr(got))

    yield "a frame that is not JSON gets invalid_json, to its sender"
    await one.send("this is not JSON")
    frame, value = await receive_json(one, '{"error":"invalid_json","detail":...}')
    expect(isinstance(value, dict) and set(value) == {"error", "detail"}
           and value["error"] == "invalid_json" and isinstance(value["detail"], str),
           '{"error":"invalid_json","detail":"<parser message>"}', frame)

    # The other client's next frame must be the next valid message: nothing was broadcast
    # for the bad frame, and the sender's connection is still open.
    yield "nothing was broadcast for it; the connection stays open and still broadcasts"
    text = '{"after": "the error", "n": [1, 2.5, null]}'
    await one.send(text)
    for ws in (one, two):
        got = await receive(ws, f"the exact text {text} (nothing else before it)")
        expect(got == text, f"the exact text {text} (nothing else before it)", repr(got))


async def chat_flow(base, connections):
    """(b) The second tutorial's chat, and (c) a native /chat client in the same room."""
    yield "alice and bob connect to /ws/alice and /ws/bob"
    alice = await connect(base, "/ws/alice")
    connections.append(alice)
    bob = await connect(base, "/ws/bob")
    connections.append(bob)

    yield 'alice sends "hi"; both receive {"client_id":"alice","message":"hi","timestamp":"...+00:00"}'
    await alice.send("hi")
    for ws in (alice, bob):
        frame, value = await receive_json(ws, 'alice\'s line {"client_id":"alice","message":"hi",...}')
        check_chat_line(frame, value, "alice", "hi")

    yield "bob answers; both receive his line"
    await bob.send("hello alice")
    for ws in (alice, bob):
        frame, value = await receive_json(ws, 'bob\'s line {"client_id":"bob","message":"hello alice",...}')
        check_chat_line(frame, value, "bob", "hello alice")

    # (c) dave speaks the native protocol in the same room.
    yield "dave connects to /chat?name=dave&room=chat: welcome, then joined chat with alice and bob"
    dave = await connect(base, "/chat?name=dave&room=chat")
    connections.append(dave)
    frame, value = await receive_json(dave, '{"type":"welcome",...}')
    expect(isinstance(value, dict) and value.get("type") == "welcome" and value.get("protocol") == 1,
           '{"type":"welcome","protocol":1,...}', frame)
    check_member(value.get("member"), "dave", frame)
    dave_id = value["member"]["id"]
    frame, value = await receive_json(dave, '{"type":"joined","room":"chat",...}')
    expect(isinstance(value, dict) and value.get("type") == "joined" and value.get("room") == "chat"
           and isinstance(value.get("members"), list) and isinstance(value.get("history"), list),
           '{"type":"joined","room":"chat","members":[...],"history":[...]}', frame)
    names = {m.get("name") for m in value["members"] if isinstance(m, dict)}
    expect({"alice", "bob", "dave"} <= names, "members alice, bob and dave", frame)

    yield 'alice (chat dialect) sends "hi"; dave (native) receives it as a message event'
    await alice.send("hi")
    for ws in (alice, bob):
        frame, value = await receive_json(ws, "alice's line (and nothing before it)")
        chat_time = check_chat_line(frame, value, "alice", "hi")
    expected = '{"type":"message","room":"chat","id":N,"from":{"id":..,"name":"alice"},"text":"hi","timestamp":..}'
    frame, value = await receive_json(dave, expected)
    expect(isinstance(value, dict) and value.get("type") == "message" and value.get("room") == "chat"
           and value.get("text") == "hi" and isinstance(value.get("id"), int)
           and not isinstance(value.get("id"), bool), expected, frame)
    check_member(value.get("from"), "alice", frame)
    native_time = check_timestamp(value.get("timestamp"), frame)
    expect(native_time == chat_time, f"the same instant as the chat line's {chat_time.isoformat()}", frame)
    alice_message_id = value["id"]

    text = "hello from dave"
    yield "dave sends a native message: his event and ack; alice and bob receive it as a chat line"
    await dave.send(json.dumps({"type": "message", "room": "chat", "text": text, "ref": "d1"}))
    event = ack = None
    for _ in range(2):
        frame, value = await receive_json(dave, 'his own message event and {"type":"ack","ref":"d1",...}')
        kind = value.get("type") if isinstance(value, dict) else None
        if kind == "message" and event is None:
            event = (frame, value)
        elif kind == "ack" and ack is None:
            ack = (frame, value)
        else:
            raise CheckFailed('a message event and an ack with ref "d1"', frame)
    frame, value = event
    expect(value.get("room") == "chat" and value.get("text") == text
           and value.get("id") == alice_message_id + 1,
           f'{{"type":"message","room":"chat","id":{alice_message_id + 1},...,"text":"{text}"}}', frame)
    check_member(value.get("from"), "dave", frame)
    expect(value["from"]["id"] == dave_id, f'from.id "{dave_id}", as in his welcome', frame)
    message_id = value["id"]
    frame, value = ack
    expect(value.get("ref") == "d1" and value.get("room") == "chat" and value.get("id") == message_id,
           f'{{"type":"ack","ref":"d1","room":"chat","id":{message_id}}}', frame)
    for ws in (alice, bob):
        frame, value = await receive_json(ws, f'dave\'s line {{"client_id":"dave","message":"{text}",...}}')
        check_chat_line(frame, value, "dave", text)


async def notifications_flow(base, connections):
    """(b) The second tutorial's notifications, every 0.3 s here."""
    yield "carol connects to /ws/notifications/carol"
    carol = await connect(base, "/ws/notifications/carol")
    connections.append(carol)

    yield "carol receives periodic notifications, exactly as in the tutorial"
    expected = '{"type":"notification","message":"New notification for carol","timestamp":"...+00:00"}'
    times = []
    for _ in range(2):
        frame, value = await receive_json(carol, expected)
        expect(isinstance(value, dict) and set(value) == {"type", "message", "timestamp"}
               and value["type"] == "notification" and value["message"] == "New notification for carol",
               expected, frame)
        times.append(check_tutorial_timestamp(value["timestamp"], frame))
    expect(times[1] > times[0], "a later timestamp on the second notification", f"{times[0]} then {times[1]}")


async def reserved_name_flow(base, connections):
    """The name host is the host's own (additions-2 section 3): a client id host, in any letter
    case, is refused with HTTP 400 before it is a member."""
    for path in ("/ws/host", "/ws/HOST", "/ws/notifications/Host", "/chat?name=%20host%20"):
        yield f"{path} is refused with HTTP 400 (the name host is reserved)"
        try:
            ws = await websockets.connect(base + path, open_timeout=RECEIVE_TIMEOUT, close_timeout=2,
                                          ping_interval=None, compression=None)
        except websockets.exceptions.InvalidStatusCode as refused:
            expect(refused.status_code == 400, "HTTP 400", f"HTTP {refused.status_code}")
            continue
        connections.append(ws)
        raise CheckFailed("HTTP 400", "the connection was accepted")


async def read_listening_line(process):
    try:
        line = await asyncio.wait_for(process.stdout.readline(), START_TIMEOUT)
    except asyncio.TimeoutError:
        raise CheckFailed("the listening line on standard output", f"nothing within {START_TIMEOUT} s") from None
    if not line:
        try:
            status = await asyncio.wait_for(process.wait(), STOP_TIMEOUT)
            got = f"wsroom exited with status {status} without printing it"
        except asyncio.TimeoutError:
            got = "wsroom closed its standard output without printing it"
        raise CheckFailed('"wsroom: listening on ws://HOST:PORT/ (http://HOST:PORT/)"', got)
    text = line.decode("utf-8", "replace").rstrip("\n")
    match = LISTENING.match(text)
    expect(match is not None, '"wsroom: listening on ws://HOST:PORT/ (http://HOST:PORT/)"', repr(text))
    return match.group(1), int(match.group(2))


async def stop(process, watcher, run):
    """SIGTERM: wsroom closes every connection with 1000 and exits 0 within STOP_TIMEOUT."""
    print("stop", flush=True)
    name = "SIGTERM: wsroom exits with status 0 within 5 s"
    process.send_signal(signal.SIGTERM)
    started = time.monotonic()
    try:
        status = await asyncio.wait_for(process.wait(), STOP_TIMEOUT)
    except asyncio.TimeoutError:
        run.fail(name, f"expected an exit within {STOP_TIMEOUT} s\n      got still running; killed")
        process.kill()
        await process.wait()
        return
    if status == 0:
        run.ok(f"{name} (took {time.monotonic() - started:.2f} s)")
    else:
        run.fail(name, f"expected exit status 0\n      got {status}")

    rest = (await process.stdout.read()).decode("utf-8", "replace")
    if rest:
        run.fail("standard output holds only the listening line", f"expected nothing more\n      got {rest!r}")
    else:
        run.ok("standard output held only the listening line")

    if watcher is not None:
        name = "a client still connected gets close code 1000"
        try:
            await asyncio.wait_for(watcher.wait_closed(), RECEIVE_TIMEOUT)
        except asyncio.TimeoutError:
            run.fail(name, f"expected the connection to close\n      got still open after {RECEIVE_TIMEOUT} s")
            return
        if watcher.close_code == 1000:
            run.ok(name)
        else:
            run.fail(name, f"expected close code 1000\n      got {watcher.close_code} ({watcher.close_reason!r})")


async def main(binary):
    run = Run()
    log = tempfile.TemporaryFile()
    command = [binary, "--headless", "--port", "0", "--store", "none", "--notification-interval", NOTIFICATION_INTERVAL]
    print("start: " + " ".join(command), flush=True)
    try:
        process = await asyncio.create_subprocess_exec(*command, stdin=asyncio.subprocess.DEVNULL,
                                                       stdout=asyncio.subprocess.PIPE, stderr=log)
    except OSError as error:
        print(f"  FAIL  cannot start {binary}: {error}")
        print("tutorial flows: 0 passed, 1 failed")
        return 1
    connections = []
    try:
        try:
            host, port = await read_listening_line(process)
        except CheckFailed as failure:
            run.fail("wsroom prints its listening line", str(failure))
            return 1
        run.ok(f"wsroom prints its listening line (port {port})")
        base = f"ws://{host}:{port}"

        await flow(run, "(a) first tutorial: JSON broadcast on /", broadcast_flow(base, connections))
        await flow(run, "(b, c) second tutorial: chat on /ws/{client_id}, with a native /chat client",
                   chat_flow(base, connections))
        await flow(run, "(b) second tutorial: notifications on /ws/notifications/{client_id}",
                   notifications_flow(base, connections))
        await flow(run, "(b) the client id host is the host's", reserved_name_flow(base, connections))

        # Keep one connection open through the stop: it must be closed with 1000.
        watcher = None
        try:
            watcher = await connect(base, "/ws/erin")
            connections.append(watcher)
        except CheckFailed as failure:
            run.fail("a client connects to /ws/erin before the stop", str(failure))
        for ws in connections:
            if ws is not watcher:
                await ws.close()
        await stop(process, watcher, run)
    finally:
        if process.returncode is None:
            # Kill it only if it is still running: killing first would reap an exited
            # process behind asyncio's back.
            try:
                await asyncio.wait_for(process.wait(), 0.5)
            except asyncio.TimeoutError:
                process.kill()
                await process.wait()
        for ws in connections:
            if ws.transport is not None:
                ws.transport.abort()
        if run.failed:
            log.seek(0)
            lines = log.read().decode("utf-8", "replace").splitlines()
            print(f"--- wsroom's standard error (last {min(len(lines), 60)} of {len(lines)} lines) ---")
            for line in lines[-60:]:
                print(line)
            print("---")
        log.close()
        print(f"tutorial flows: {run.passed} passed, {run.failed} failed", flush=True)
    return 1 if run.failed else 0


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.join(here, "..", "..", "build", "app", "wsroom")
    path = sys.argv[1] if len(sys.argv) > 1 else default
    if len(sys.argv) > 2 or path in ("-h", "--help"):
        print(__doc__.strip())
        sys.exit(0 if path in ("-h", "--help") else 2)
    sys.exit(asyncio.run(main(os.path.abspath(path))))
