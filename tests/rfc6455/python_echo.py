#!/usr/bin/python3
"""A real WebSocket client on wsroom's /echo: Debian's python3-websockets (10.4).

Starts `wsroom --headless --port 0 --store none`, learns its port from the one line it prints
on standard output, connects to ws://HOST:PORT/echo as `websockets.connect` does by default
(which offers permessage-deflate), and checks that:
  - the handshake's answer agrees to permessage-deflate (Sec-WebSocket-Extensions names it);
  - text and bytes, small and large, come back exactly, as the same type;
  - a fragmented message (an iterable sent by websockets) comes back whole;
  - the close is answered with the same code.
Then stops wsroom with SIGTERM.

Usage: python_echo.py path/to/wsroom. Run it with /usr/bin/python3 (it sees python3-websockets).
Every wait has a timeout: the script cannot hang. Exit status 0 when every check passed.
"""

import asyncio
import re
import signal
import sys
import tempfile

import websockets
import websockets.exceptions

TIMEOUT = 5.0  # seconds for anything that should happen
START_TIMEOUT = 15.0  # seconds for wsroom to print its listening line

LISTENING = re.compile(r"^wsroom: listening on ws://([^/:]+):(\d+)/ \(http://\1:\2/\)$")
KOSME = "\u03ba\u1f79\u03c3\u03bc\u03b5 \U0001F600"


class CheckFailed(Exception):
    """One expectation was not met."""


def expect(condition, what, got):
    """Raises CheckFailed with what was expected and what came when condition is false."""
    if not condition:
        raise CheckFailed(f"expected {what}\n      got {got!r}")


async def echo_checks(url):
    """The checks on one /echo connection; raises CheckFailed at the first that fails."""
    async with websockets.connect(url, open_timeout=TIMEOUT, close_timeout=TIMEOUT) as ws:
        extensions = ws.response_headers.get("Sec-WebSocket-Extensions", "")
        expect("permessage-deflate" in extensions,
               "Sec-WebSocket-Extensions naming permessage-deflate", extensions)
        print(f"  ok    the answer agrees to {extensions}")
        for message in ["hello", KOSME, "", "x" * 20000, b"\x00\xff\x80bytes", b"", bytes(range(256)) * 40]:
            await ws.send(message)
            echo = await asyncio.wait_for(ws.recv(), TIMEOUT)
            expect(echo == message, f"{message[:40]!r} back ({type(message).__name__}, {len(message)})",
                   echo[:40] if isinstance(echo, (str, bytes)) else echo)
        print("  ok    text and bytes come back exactly, as the same type")
        await ws.send(["frag", "mented ", KOSME])
        echo = await asyncio.wait_for(ws.recv(), TIMEOUT)
        expect(echo == "fragmented " + KOSME, "the fragmented message back whole", echo)
        print("  ok    a fragmented message comes back whole")
        await ws.close(code=1000, reason="done")
        expect(ws.close_code == 1000, "the close answered with 1000", ws.close_code)
        print("  ok    the close is answered with 1000")


async def main(binary):
    """Runs wsroom and the checks; the exit status."""
    log = tempfile.TemporaryFile()
    process = await asyncio.create_subprocess_exec(
        binary, "--headless", "--port", "0", "--store", "none", stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE, stderr=log)
    failed = False
    try:
        line = await asyncio.wait_for(process.stdout.readline(), START_TIMEOUT)
        match = LISTENING.match(line.decode("utf-8", "replace").rstrip("\n"))
        expect(match is not None, "the listening line", line)
        await echo_checks(f"ws://{match.group(1)}:{match.group(2)}/echo")
    except (CheckFailed, asyncio.TimeoutError, OSError, websockets.exceptions.WebSocketException) as error:
        print(f"  FAIL  {type(error).__name__}: {error}")
        failed = True
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(process.wait(), TIMEOUT)
            except asyncio.TimeoutError:
                process.kill()
                await process.wait()
        if failed:
            log.seek(0)
            print(log.read().decode("utf-8", "replace")[-4000:])
    print("python websockets on /echo: " + ("FAILED" if failed else "passed"))
    return 1 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__)
        sys.exit(2)
    sys.exit(asyncio.run(main(sys.argv[1])))
