// End-to-end tests of the browser client served by wsroom, in Debian's Chromium driven by
// playwright-core. Usage: node browser_client.test.mjs <path to wsroom>
// WSROOM_SCREENSHOTS=<dir> also writes the desktop and phone screenshots used in docs/.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { chromium } from 'playwright-core';

const WSROOM = process.argv[2] || process.env.WSROOM_BIN;
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const TIMEOUT = 15000;
if (!WSROOM) throw new Error('usage: node browser_client.test.mjs <path to wsroom>');

const servers = new Set();
let browser;

async function startServer(args = []) {
  const proc = spawn(WSROOM, ['--headless', '--port', '0', '--store', 'none', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
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

async function stopServer(server) {
  if (server.proc.exitCode !== null) return;
  server.proc.kill('SIGTERM');
  const [code] = await once(server.proc, 'exit');
  servers.delete(server.proc);
  assert.equal(code, 0, 'wsroom exits 0 on SIGTERM');
}

async function getBrowser() {
  if (!browser) {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }
  return browser;
}

// A fresh browser context (its own localStorage) with the page opened and a name entered.
async function openChat(server, name, { viewport, path = '' } = {}) {
  const context = await (await getBrowser()).newContext({ viewport: viewport || { width: 1200, height: 760 } });
  const page = await context.newPage();
  page.dialogs = [];
  page.on('dialog', (dialog) => { page.dialogs.push(dialog.message()); dialog.dismiss(); });
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(String(error)));
  await page.goto(server.base + path);
  await page.fill('#nameInput', name);
  await page.click('#nameForm button[type=submit]');
  return page;
}

async function waitConnected(page, name) {
  await page.locator('#state').filter({ hasText: `Connected as ${name}` }).waitFor({ timeout: TIMEOUT });
}

async function say(page, text) {
  await page.fill('#input', text);
  await page.press('#input', 'Enter');
}

function messageText(page, text) {
  return page.locator('#messages .entry .text').filter({ hasText: text });
}

// A native client outside the browser: Python's websockets, as in the tutorials' tests.
function pythonClient(port, script) {
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

after(async () => {
  if (browser) await browser.close();
  for (const proc of servers) proc.kill('SIGKILL');
});

test('two pages chat in a room, with history, members and typing', async () => {
  const server = await startServer(['--rate-limit', '0']);
  const alice = await openChat(server, 'alice');
  await waitConnected(alice, 'alice');
  const bob = await openChat(server, 'bob');
  await waitConnected(bob, 'bob');

  await alice.locator('#members .member').filter({ hasText: 'bob' }).waitFor({ timeout: TIMEOUT });
  await bob.type('#input', 'typ');
  await alice.locator('#typing').filter({ hasText: 'bob is typing' }).waitFor({ timeout: TIMEOUT });
  await say(bob, 'hello alice');
  await messageText(alice, 'hello alice').waitFor({ timeout: TIMEOUT });
  await say(alice, 'hi bob');
  await messageText(bob, 'hi bob').waitFor({ timeout: TIMEOUT });
  assert.equal(await messageText(alice, 'hi bob').locator('xpath=..').getAttribute('class'), 'entry entry-message own');

  // Shift+Enter is a new line, not a send.
  await alice.fill('#input', 'line one');
  await alice.press('#input', 'Shift+Enter');
  await alice.type('#input', 'line two');
  assert.equal(await alice.inputValue('#input'), 'line one\nline two');
  await alice.press('#input', 'Enter');
  await messageText(bob, 'line one\nline two').waitFor({ timeout: TIMEOUT });

  // History on join.
  const carol = await openChat(server, 'carol');
  await waitConnected(carol, 'carol');
  await carol.locator('#messages .entry.history .text').filter({ hasText: 'hello alice' }).waitFor({ timeout: TIMEOUT });
  assert.equal(await carol.locator('#messages .entry.history').count(), 3);

  // Rooms: create one, the other page sees it in the list and joins it.
  await alice.fill('#joinInput', 'project');
  await alice.press('#joinInput', 'Enter');
  await alice.locator('#roomTitle').filter({ hasText: '# project' }).waitFor({ timeout: TIMEOUT });
  await say(alice, 'in the project room');
  await bob.evaluate(() => window.wsroom.state.ws.send(JSON.stringify({ type: 'rooms' })));
  await bob.locator('#allRooms .room').filter({ hasText: 'project' }).click();
  await messageText(bob, 'in the project room').waitFor({ timeout: TIMEOUT });
  // An unread badge for the room not shown.
  await bob.locator('#joinedRooms .room').filter({ hasText: 'lobby' }).waitFor();
  await say(carol, 'back in the lobby');
  await bob.locator('#joinedRooms .room').filter({ hasText: 'lobby' }).locator('.badge').filter({ hasText: '1' }).waitFor({ timeout: TIMEOUT });

  // A direct message.
  await bob.locator('#members .member').filter({ hasText: 'alice' }).click();
  await say(bob, 'just for you');
  await alice.locator('#messages .entry-direct').filter({ hasText: 'just for you' }).waitFor({ timeout: TIMEOUT });
  assert.equal(await carol.locator('#messages').filter({ hasText: 'just for you' }).count(), 0);

  // Frames drawer shows the raw protocol.
  await alice.click('#framesToggle');
  await alice.locator('#frameList .frame-in').filter({ hasText: '"type": "welcome"' }).waitFor({ timeout: TIMEOUT });

  for (const page of [alice, bob, carol]) assert.deepEqual(page.errors, []);
  await stopServer(server);
});

test('a Python client and the browser share the lobby', async () => {
  const server = await startServer(['--rate-limit', '0']);
  const page = await openChat(server, 'webby');
  await waitConnected(page, 'webby');
  const py = pythonClient(server.port, `
while True:
    frame = json.loads(await ws.recv())
    if frame["type"] == "message" and frame["text"] == "from the browser":
        print("got", frame["from"]["name"])
        break
    if frame["type"] == "joined":
        print("ready", flush=True)
await ws.send(json.dumps({"type": "message", "room": "lobby", "text": "from python"}))
await asyncio.sleep(0.5)`);
  await new Promise((resolve) => py.stdout.on('data', (c) => { if (String(c).includes('ready')) resolve(); }));
  await page.locator('#members .member').filter({ hasText: 'py' }).waitFor({ timeout: TIMEOUT });
  await say(page, 'from the browser');
  await messageText(page, 'from python').waitFor({ timeout: TIMEOUT });
  const result = await py.done;
  assert.equal(result.code, 0, result.err);
  assert.match(result.out, /got webby/);
  await stopServer(server);
});

test('HTML in a message or a name stays text and runs nothing', async () => {
  const server = await startServer(['--rate-limit', '0']);
  const evil = await openChat(server, '<b>bold</b>');
  await waitConnected(evil, '<b>bold</b>');
  const reader = await openChat(server, 'reader');
  await waitConnected(reader, 'reader');
  const payload = '<img src=x onerror=alert(1)>';
  await say(evil, payload);
  await messageText(reader, payload).waitFor({ timeout: TIMEOUT });
  assert.equal(await reader.locator('#messages img').count(), 0);
  assert.equal(await reader.locator('#messages b, #members b').count(), 0);
  assert.equal(await reader.locator('#messages .from').filter({ hasText: '<b>bold</b>' }).count(), 1);
  await reader.waitForTimeout(300); // give a would-be onerror handler its chance to fire
  assert.deepEqual(reader.dialogs, []);
  assert.deepEqual(evil.dialogs, []);
  await stopServer(server);
});

test('the join code is asked for and enforced', async () => {
  const server = await startServer(['--join-code', '4711']);
  const page = await openChat(server, 'student');
  await page.locator('#codeRow').waitFor({ state: 'visible', timeout: TIMEOUT });
  assert.match(await page.textContent('#dialogError'), /join code/);
  await page.fill('#codeInput', '1234');
  await page.click('#nameForm button[type=submit]');
  await page.locator('#dialogError').filter({ hasText: 'not right' }).waitFor({ timeout: TIMEOUT });
  await page.fill('#codeInput', '4711');
  await page.click('#nameForm button[type=submit]');
  await waitConnected(page, 'student');
  await stopServer(server);
});

test('the page reconnects after the server restarts', async () => {
  const first = await startServer(['--rate-limit', '0']);
  const page = await openChat(first, 'stayer');
  await waitConnected(page, 'stayer');
  await say(page, 'before the restart');
  await messageText(page, 'before the restart').waitFor({ timeout: TIMEOUT });
  await stopServer(first);
  await page.locator('#state').filter({ hasText: 'Disconnected' }).waitFor({ timeout: TIMEOUT });
  const second = await startServer(['--port', String(first.port), '--rate-limit', '0']);
  await waitConnected(page, 'stayer');
  await say(page, 'after the restart');
  await messageText(page, 'after the restart').waitFor({ timeout: 2 * TIMEOUT });
  await stopServer(second);
});

test('rate limit and too-large messages are explained in words', async () => {
  const server = await startServer(['--rate-limit', '1', '--max-message-bytes', '300']);
  const page = await openChat(server, 'hasty');
  await waitConnected(page, 'hasty');
  for (let i = 0; i < 5; ++i) await say(page, `quick ${i}`);
  const limited = page.locator('#messages .entry-error').filter({ hasText: 'sending too fast' });
  await limited.waitFor({ timeout: TIMEOUT });
  assert.equal(await limited.count(), 1, 'repeated errors are counted, not repeated');
  await say(page, 'x'.repeat(400));
  await page.locator('#messages .entry-error').filter({ hasText: 'too large' }).waitFor({ timeout: TIMEOUT });
  await stopServer(server);
});

test('screenshots for the docs, desktop and phone', { skip: !process.env.WSROOM_SCREENSHOTS }, async () => {
  const dir = process.env.WSROOM_SCREENSHOTS;
  const server = await startServer(['--rate-limit', '0']);
  const ada = await openChat(server, 'Ada');
  await waitConnected(ada, 'Ada');
  const grace = await openChat(server, 'Grace', { viewport: { width: 390, height: 780 } });
  await waitConnected(grace, 'Grace');
  await say(ada, 'Good morning! Today: what a WebSocket frame looks like.');
  await say(grace, 'Morning! Is the frames drawer the thing at the bottom?');
  await say(ada, 'Yes: click "Frames" and watch the JSON go by.');
  await grace.type('#input', 'Trying it');
  await messageText(grace, 'watch the JSON').waitFor({ timeout: TIMEOUT });
  await ada.locator('#typing').filter({ hasText: 'Grace is typing' }).waitFor({ timeout: TIMEOUT });
  await ada.click('#framesToggle');
  await ada.screenshot({ path: `${dir}/browser-client.png` });
  await grace.screenshot({ path: `${dir}/browser-client-phone.png` });
  await stopServer(server);
});
