// What the browser tests share: a wsroom of their own (--headless on port 0), Debian's Chromium
// driven by playwright-core, a page with a name entered, a relay for its WebSocket, a native client.
// The path to wsroom is the test script's first argument (or WSROOM_BIN); call cleanup() in after().

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium } from 'playwright-core';

const WSROOM = process.argv[2] || process.env.WSROOM_BIN;
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const TIMEOUT = 15000;
if (!WSROOM) throw new Error('usage: node browser_client.test.mjs <path to wsroom>');

const servers = new Set();
const storeDirs = [];
let browser;

// A fresh room store (an SQLite file in its own temporary folder) for startServer's store.
export function newStoreFile() {
  const dir = mkdtempSync(join(tmpdir(), 'wsroom-browser-'));
  storeDirs.push(dir);
  return join(dir, 'rooms.sqlite');
}

// store: the --store file; by default none, the rooms kept in memory only.
export async function startServer(args = [], { store = 'none' } = {}) {
  const proc = spawn(WSROOM, ['--headless', '--port', '0', '--store', store, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  servers.add(proc);
  let stderr = '';
  proc.stderr.on('data', (chunk) => { stderr += chunk; });
  const lines = createInterface({ input: proc.stdout });
  const line = await Promise.race([
    once(lines, 'line').then(([l]) => l),
    once(proc, 'exit').then(() => { throw new Error(`wsroom exited early: ${stderr}`); }),
    new Promise((_, reject) => setTimeout(() => reject(new Error('no listening line')), TIMEOUT)),
  ]);
  const match = /^wsroom: listening on ws:\/\/([^/]+)\/ \(http:\/\/[^/]+\/\)$/.exec(line);
  assert.ok(match, `unexpected first line: ${line}`);
  return { proc, base: `http://${match[1]}/`, port: Number(match[1].split(':').pop()) };
}

export async function stopServer(server) {
  if (server.proc.exitCode !== null) return;
  server.proc.kill('SIGTERM');
  const [code] = await once(server.proc, 'exit');
  servers.delete(server.proc);
  assert.equal(code, 0, 'wsroom exits 0 on SIGTERM');
}

export async function getBrowser() {
  if (!browser) {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }
  return browser;
}

// A fresh browser context (its own localStorage) with the page opened and a name entered;
// socket: a relay() that the page's WebSocket goes through.
// init: a script run in the page before its own (a stub of a browser API).
// device: more of the browser context's options ({ isMobile: true, hasTouch: true } for a phone).
// locale: the browser's language (navigator.languages); English unless a test asks.
export async function openChat(server, name, { viewport, path = '', socket, init, device = {}, locale = 'en-US' } = {}) {
  const context = await (await getBrowser()).newContext({ viewport: viewport || { width: 1200, height: 760 }, locale, ...device });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  if (socket) await page.routeWebSocket((url) => url.pathname === '/chat', socket.handler);
  page.dialogs = [];
  page.on('dialog', (dialog) => { page.dialogs.push(dialog.message()); dialog.dismiss(); });
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(String(error)));
  await page.goto(server.base + path);
  await page.fill('#nameInput', name);
  await page.click('#nameForm button[type=submit]');
  return page;
}

export async function waitConnected(page, name) {
  await page.locator('#state').filter({ hasText: `Connected as ${name}` }).waitFor({ timeout: TIMEOUT });
}

export async function say(page, text) {
  await page.fill('#input', text);
  await page.press('#input', 'Enter');
}

export function messageText(page, text) {
  return page.locator('#messages .entry .text').filter({ hasText: text });
}

// A native client outside the browser: Python's websockets, as in the tutorials' tests.
export function pythonClient(port, script) {
  const code = `
import asyncio, json, sys, websockets
async def main():
    async with websockets.connect("ws://127.0.0.1:${port}/chat?name=py&room=lobby") as ws:
${script.split('\n').map((l) => '        ' + l).join('\n')}
asyncio.run(asyncio.wait_for(main(), 20))
`;
  const proc = spawn('/usr/bin/python3', ['-c', code], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  proc.stdout.on('data', (c) => { out += c; });
  proc.stderr.on('data', (c) => { err += c; });
  proc.done = once(proc, 'exit').then(([code]) => ({ code, out, err }));
  return proc;
}

// Sits between the page and wsroom: records what the page sends (sent, parsed), lets a test change
// a frame either way (toServer, toPage: return the frame to send instead, or nothing to pass it on)
// and hold the server's frames that hold(frame) picks until release(): what the page shows while it
// waits for a reply is then there to be seen, not a race.
export function relay({ toServer, toPage } = {}) {
  const r = { sent: [], held: [], hold: null, page: null, whenHeld: null };
  r.handler = (ws) => {
    const server = ws.connectToServer();
    r.page = ws;
    ws.onMessage((text) => {
      const frame = JSON.parse(text);
      r.sent.push(frame);
      const changed = toServer && toServer(frame);
      server.send(changed ? JSON.stringify(changed) : text);
    });
    server.onMessage((text) => {
      const frame = JSON.parse(text);
      if (r.hold && r.hold(frame)) {
        r.held.push(text);
        if (r.whenHeld) r.whenHeld();
        return;
      }
      const changed = toPage && toPage(frame);
      ws.send(changed ? JSON.stringify(changed) : text);
    });
  };
  // Resolves once a frame is held (so the request it answers has gone through the relay too).
  r.waitHeld = () => new Promise((resolve, reject) => {
    if (r.held.length) return resolve();
    const timer = setTimeout(() => reject(new Error('no frame was held')), TIMEOUT);
    r.whenHeld = () => {
      clearTimeout(timer);
      r.whenHeld = null;
      resolve();
    };
  });
  r.release = () => {
    r.hold = null;
    for (const text of r.held.splice(0)) r.page.send(text);
  };
  return r;
}

// Posts count messages to the lobby from a native client ("py"), text(i) for i = 1..count, and
// waits for every ack: the messages have ids 1..count.
export async function postMessages(port, count, text) {
  const texts = JSON.stringify(Array.from({ length: count }, (_, i) => text(i + 1)));
  const py = pythonClient(port, `
texts = json.loads(${JSON.stringify(texts)})
for i, text in enumerate(texts):
    await ws.send(json.dumps({"type": "message", "room": "lobby", "text": text, "ref": i + 1}))
acks = 0
while acks < len(texts):
    frame = json.loads(await ws.recv())
    if frame["type"] == "error":
        sys.exit("error: " + json.dumps(frame))
    if frame["type"] == "ack":
        acks += 1
print("posted", acks)`);
  const result = await py.done;
  assert.equal(result.code, 0, result.err);
  assert.match(result.out, new RegExp(`posted ${count}`));
}

// Closes the browser, kills the servers still running and removes the room stores.
export async function cleanup() {
  if (browser) await browser.close();
  for (const proc of servers) proc.kill('SIGKILL');
  for (const dir of storeDirs) rmSync(dir, { recursive: true, force: true });
}
