// End-to-end tests of the browser client served by wsroom, in Debian's Chromium driven by
// playwright-core. Usage: node browser_client.test.mjs <path to wsroom>
// WSROOM_SCREENSHOTS=<dir> also writes the desktop, phone and search screenshots used in docs/.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  TIMEOUT, cleanup, messageText, newStoreFile, openChat, postMessages, pythonClient, relay, say,
  startServer, stopServer, waitConnected,
} from './helpers.mjs';

// The ids of the messages in the log, top to bottom.
function shownIds(page) {
  return page.$$eval('#messages .entry[data-id]', (nodes) => nodes.map((n) => Number(n.dataset.id)));
}

// How far message id is below the top of the log's visible part, in px.
function offsetInLog(page, id) {
  return page.evaluate((id) => {
    const node = document.querySelector(`#messages .entry[data-id="${id}"]`);
    return node.getBoundingClientRect().top - document.getElementById('log').getBoundingClientRect().top;
  }, id);
}

// Waits until message id is in the log and wholly inside its visible part (and highlighted: the
// highlight lasts seconds, so it is seen in the same poll).
async function waitShownInLog(page, id, { highlighted = false } = {}) {
  await page.waitForFunction(([id, highlighted]) => {
    const node = document.querySelector(`#messages .entry[data-id="${id}"]${highlighted ? '.found' : ''}`);
    if (!node) return false;
    const log = document.getElementById('log').getBoundingClientRect();
    const box = node.getBoundingClientRect();
    return box.height > 0 && box.top >= log.top && box.bottom <= log.bottom;
  }, [id, highlighted], { timeout: TIMEOUT });
}

// Scrolls the log away from the top and back, as a reader does, and waits two frames for the page
// to have answered the scroll events.
function scrollLogToTop(page) {
  return page.locator('#log').evaluate(async (log) => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    if (log.scrollTop === 0) {
      log.scrollTop = 100;
      await frame();
    }
    log.scrollTop = 0;
    await frame();
    await frame();
  });
}

// The history requests the page has sent, as its frames drawer logged them.
function historyRequestsLogged(page) {
  return page.locator('#frameList .frame-out').filter({ hasText: '"type": "history"' }).count();
}

after(cleanup);

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
  await limited.first().waitFor({ timeout: TIMEOUT });
  // A message let through when the second is up may come between errors, on a slow machine: what
  // is claimed is that the same error is never shown twice in a row.
  const texts = await page.$$eval('#messages .entry', (nodes) => nodes.map((n) => n.className + n.textContent));
  const repeated = texts.filter((t, i) => i > 0 && t === texts[i - 1] && /sending too fast/.test(t));
  assert.deepEqual(repeated, [], 'repeated errors are counted, not repeated');
  await say(page, 'x'.repeat(400));
  await page.locator('#messages .entry-error').filter({ hasText: 'too large' }).waitFor({ timeout: TIMEOUT });
  await stopServer(server);
});

// The scrollback and the search as they are used: the page joins with the last 50 messages (the
// default --history), and older ones come from the room store.
test('scrolling to the top loads older messages, back to the beginning of the room', async () => {
  const server = await startServer(['--rate-limit', '0'], { store: newStoreFile() });
  await postMessages(server.port, 300, (i) => `note ${i}`);
  const socket = relay(); // holds the first page's reply
  const page = await openChat(server, 'reader', { socket });
  await waitConnected(page, 'reader');
  await messageText(page, 'note 300').waitFor({ timeout: TIMEOUT });
  assert.deepEqual(await shownIds(page), Array.from({ length: 50 }, (_, i) => 251 + i));
  assert.equal(await historyRequestsLogged(page), 0, 'a log that is full asks for nothing by itself');

  // The first page: "Loading older messages…" shows while the reply is held.
  socket.hold = (frame) => frame.type === 'history';
  await scrollLogToTop(page);
  const loading = page.locator('#scrollback').filter({ hasText: 'Loading older messages…' });
  await loading.waitFor({ state: 'visible', timeout: TIMEOUT });
  assert.equal(await page.getAttribute('#scrollback', 'aria-live'), 'polite');
  await socket.waitHeld();
  const request = socket.sent.find((f) => f.type === 'history');
  assert.deepEqual({ ...request, ref: undefined },
    { type: 'history', room: 'lobby', before: 251, limit: 50, ref: undefined });
  const where = await offsetInLog(page, 251);
  socket.release();
  await page.waitForFunction(() => document.querySelector('#messages .entry[data-id]').dataset.id === '201',
    null, { timeout: TIMEOUT });
  await loading.waitFor({ state: 'hidden', timeout: TIMEOUT });
  assert.deepEqual(await shownIds(page), Array.from({ length: 100 }, (_, i) => 201 + i));
  assert.ok(Math.abs((await offsetInLog(page, 251)) - where) <= 2,
    'what the reader looked at stays where it was on the screen');

  // On to the beginning, a page at a time.
  const beginning = page.locator('#scrollback').filter({ hasText: 'Beginning of the room' });
  for (let pages = 0; !(await beginning.isVisible()); ++pages) {
    assert.ok(pages < 10, 'the beginning is reached in a few pages');
    const first = (await shownIds(page))[0];
    if (pages === 0) {
      // From the keyboard: the log takes the focus, and Home goes to its top.
      await page.focus('#log');
      await page.keyboard.press('Home');
    } else {
      await scrollLogToTop(page);
    }
    await page.waitForFunction((first) => {
      const top = document.querySelector('#messages .entry[data-id]');
      return Number(top.dataset.id) < first || /Beginning of the room/.test(document.getElementById('scrollback').textContent);
    }, first, { timeout: TIMEOUT });
  }
  assert.deepEqual(await shownIds(page), Array.from({ length: 300 }, (_, i) => 1 + i), 'every message once, in order');
  const asked = await historyRequestsLogged(page);
  await scrollLogToTop(page);
  await beginning.waitFor({ state: 'visible', timeout: TIMEOUT });
  assert.equal(await historyRequestsLogged(page), asked, 'no request once the beginning is shown');
  assert.equal(await page.locator('#messages .entry[data-id]').count(), 300);

  // Another room has its own scrollback: an empty room begins at once.
  await page.fill('#joinInput', 'quiet');
  await page.press('#joinInput', 'Enter');
  await page.locator('#roomTitle').filter({ hasText: '# quiet' }).waitFor({ timeout: TIMEOUT });
  await beginning.waitFor({ state: 'visible', timeout: TIMEOUT });
  await page.locator('#joinedRooms .room').filter({ hasText: 'lobby' }).click();
  await messageText(page, 'note 1').first().waitFor({ timeout: TIMEOUT });
  assert.equal((await shownIds(page)).length, 300, 'the lobby keeps what was paged in');
  assert.deepEqual(page.errors, []);
  await stopServer(server);
});

test('search lists matches newest first and jumps to an old one', async () => {
  const server = await startServer(['--rate-limit', '0'], { store: newStoreFile() });
  await postMessages(server.port, 300, (i) => `note ${i} ${i % 10 === 3 ? 'marmalade' : 'toast'}`);
  let strayRoom = false;
  const socket = relay({
    toServer: (frame) => (strayRoom && frame.type === 'search' ? { ...frame, room: 'elsewhere' } : undefined),
  });
  const page = await openChat(server, 'finder', { socket });
  await waitConnected(page, 'finder');
  await messageText(page, 'note 300').waitFor({ timeout: TIMEOUT });

  // Ctrl+F opens the search and puts the cursor in its field; Escape closes it.
  await page.focus('#input');
  await page.keyboard.press('Control+f');
  await page.locator('#searchPanel').waitFor({ state: 'visible', timeout: TIMEOUT });
  assert.equal(await page.evaluate(() => document.activeElement.id), 'searchInput');
  assert.equal(await page.textContent('#searchLabel'), 'Search #lobby');
  assert.equal(await page.getAttribute('#searchToggle', 'aria-expanded'), 'true');

  // An empty query is explained in words, next to the field.
  await page.press('#searchInput', 'Enter');
  await page.locator('#searchError').filter({ hasText: 'Type at least one word' }).waitFor({ timeout: TIMEOUT });
  // Words chosen by the error's code (bad_request on an empty query), not the server's English.
  assert.equal((await page.textContent('#searchError')).trim(), 'Type at least one word to search for.');

  await page.fill('#searchInput', 'marma');
  await page.press('#searchInput', 'Enter');
  const hits = page.locator('#searchResults li .search-hit');
  await page.locator('#searchStatus').filter({ hasText: '30 matches' }).waitFor({ timeout: TIMEOUT });
  assert.equal(await hits.count(), 30);
  assert.equal(await page.textContent('#searchError'), '', 'the old error goes');
  assert.equal(await hits.first().locator('.text').textContent(), 'note 293 marmalade', 'newest first');
  assert.equal(await hits.last().locator('.text').textContent(), 'note 3 marmalade');
  assert.equal(await hits.first().locator('.from').textContent(), 'py');
  assert.ok((await hits.first().locator('time').getAttribute('datetime')).length > 0);

  // Enter on the oldest match: it is three pages back, loaded 200 at a time, then shown.
  await page.focus('#searchInput');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), await hits.first().textContent());
  await hits.last().focus();
  await page.keyboard.press('Enter');
  await waitShownInLog(page, 3, { highlighted: true });
  assert.equal(await page.evaluate(() => document.activeElement.dataset.id), '3', 'the match has the focus');
  assert.deepEqual(await shownIds(page), Array.from({ length: 300 }, (_, i) => 1 + i));
  const pages = socket.sent.filter((f) => f.type === 'history');
  assert.deepEqual(pages.map((f) => [f.before, f.limit]), [[251, 200], [51, 200]]);

  // A match already loaded is shown without asking the server.
  await hits.nth(5).click();
  await waitShownInLog(page, 243, { highlighted: true });
  assert.equal(await historyRequestsLogged(page), 2);

  // not_in_room, in words (the relay sends the search to a room the page is not in).
  strayRoom = true;
  await page.click('#searchForm button[type=submit]');
  await page.locator('#searchError').filter({ hasText: 'You are not in this room' }).waitFor({ timeout: TIMEOUT });
  strayRoom = false;

  await page.focus('#searchInput');
  await page.keyboard.press('Escape');
  await page.locator('#searchPanel').waitFor({ state: 'hidden', timeout: TIMEOUT });
  assert.equal(await page.evaluate(() => document.activeElement.id), 'input');
  assert.equal(await page.getAttribute('#searchToggle', 'aria-expanded'), 'false');
  assert.deepEqual(page.errors, []);
  await stopServer(server);
});

test('links are http(s) anchors opening a new tab; javascript:, data:, file: and typed tags stay text', async () => {
  const server = await startServer(['--rate-limit', '0']);
  const writer = await openChat(server, 'writer');
  await waitConnected(writer, 'writer');
  const reader = await openChat(server, 'reader');
  await waitConnected(reader, 'reader');
  const text = 'see https://example.com/a?b=1&c=2. or javascript:alert(1) or data:text/html,x or file:///etc/passwd or <a href="javascript:alert(2)">x</a>';
  await say(writer, text);
  await messageText(reader, 'file:///etc/passwd').waitFor({ timeout: TIMEOUT });
  const links = await reader.$$eval('#messages .text a', (nodes) => nodes.map((a) => ({
    href: a.getAttribute('href'), text: a.textContent, target: a.target, rel: a.rel,
  })));
  assert.deepEqual(links, [{ href: 'https://example.com/a?b=1&c=2', text: 'https://example.com/a?b=1&c=2', target: '_blank', rel: 'noopener noreferrer' }]);
  // The message reads as typed, the tag included, and nothing else became a link or ran.
  assert.equal(await messageText(reader, text).count(), 1);
  assert.equal(await reader.locator('#messages a[href^="javascript"], #messages a[href^="data"], #messages a[href^="file"]').count(), 0);
  assert.deepEqual(reader.dialogs, []);
  // Text is selectable with the mouse.
  const userSelect = await messageText(reader, 'file:///').evaluate((n) => getComputedStyle(n).userSelect);
  assert.notEqual(userSelect, 'none');
  // The message's Copy button puts its text, as typed, on the clipboard.
  await reader.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.base.replace(/\/$/, '') });
  const entry = reader.locator('#messages .entry').filter({ hasText: 'file:///etc/passwd' });
  await entry.hover();
  await entry.locator('.copy-button').click();
  await entry.locator('.copy-button').filter({ hasText: 'Copied' }).waitFor({ timeout: TIMEOUT });
  assert.equal(await reader.evaluate(() => navigator.clipboard.readText()), text);
  await stopServer(server);
});

test('the host badge keys on the id "host", not on a name', async () => {
  const server = await startServer(['--rate-limit', '0']);
  // The relay makes one message come from the host, as the console's Post System Message does.
  const socket = relay({ toPage: (f) => (f.type === 'message' && f.text === 'from the console'
    ? { ...f, from: { id: 'host', name: 'host' } } : null) });
  const reader = await openChat(server, 'reader', { socket });
  await waitConnected(reader, 'reader');
  const poser = await openChat(server, 'host (teacher)');
  await waitConnected(poser, 'host (teacher)');
  await say(poser, 'I am the teacher');
  await say(poser, 'from the console');
  await messageText(reader, 'from the console').waitFor({ timeout: TIMEOUT });
  await messageText(reader, 'I am the teacher').waitFor({ timeout: TIMEOUT });
  const badges = await reader.$$eval('#messages .entry', (nodes) => nodes
    .filter((n) => n.querySelector('.host-badge')).map((n) => n.querySelector('.text').textContent));
  assert.deepEqual(badges, ['from the console']);
  await stopServer(server);
});

test('the size counter warns past 80 % of max_message_bytes and Send is disabled past it', async () => {
  const server = await startServer(['--rate-limit', '0', '--max-message-bytes', '2048']);
  const page = await openChat(server, 'writer');
  await waitConnected(page, 'writer');
  await page.waitForFunction(() => window.wsroom.state.current === 'lobby', null, { timeout: TIMEOUT });
  const envelope = JSON.stringify({ type: 'message', room: 'lobby', text: '' }).length;
  await page.fill('#input', 'x'.repeat(1000));
  assert.equal(await page.locator('#sizeCounter').isVisible(), false);
  await page.fill('#input', 'x'.repeat(1980 - envelope));
  assert.equal(await page.textContent('#sizeCounter'), '1 980 / 2 048 bytes');
  assert.equal(await page.locator('#sizeCounter').isVisible(), true);
  assert.equal(await page.isEnabled('#sendButton'), true);
  await page.fill('#input', 'x'.repeat(2048 - envelope));
  assert.equal(await page.textContent('#sizeCounter'), '2 048 / 2 048 bytes');
  assert.equal(await page.isEnabled('#sendButton'), true);
  await page.fill('#input', 'x'.repeat(2049 - envelope));
  assert.equal(await page.textContent('#sizeCounter'), '2 049 / 2 048 bytes');
  assert.equal(await page.locator('#sizeCounter.over').count(), 1);
  assert.equal(await page.isEnabled('#sendButton'), false);
  await page.fill('#input', 'short');
  assert.equal(await page.isEnabled('#sendButton'), true);
  assert.equal(await page.locator('#sizeCounter').isVisible(), false);
  await stopServer(server);
});

test('the log stays at its bottom while the input grows', async () => {
  const server = await startServer(['--rate-limit', '0']);
  await postMessages(server.port, 40, (i) => `line ${i}`);
  const page = await openChat(server, 'reader');
  await waitConnected(page, 'reader');
  await messageText(page, 'line 40').waitFor({ timeout: TIMEOUT });
  const gap = () => page.locator('#log').evaluate((log) => log.scrollHeight - log.scrollTop - log.clientHeight);
  const height = () => page.locator('#log').evaluate((log) => log.clientHeight);
  const frames = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.locator('#log').evaluate((log) => { log.scrollTop = log.scrollHeight; });
  await frames();
  assert.ok(await gap() < 2, `at the bottom to start with (${await gap()} px above it)`);
  const before = await height();
  await page.fill('#input', 'one\ntwo\nthree\nfour\nfive');
  assert.ok(await height() < before, 'the input grew, the log shrank');
  assert.ok(await gap() < 2, `still at the bottom (${await gap()} px above it)`);
  await frames();
  assert.ok(await gap() < 2, `still at the bottom a frame later (${await gap()} px above it)`);
  // A reader who scrolled up stays where they were.
  await page.fill('#input', '');
  await page.locator('#log').evaluate((log) => { log.scrollTop = 100; });
  await frames();
  await page.fill('#input', 'one\ntwo\nthree');
  await frames();
  assert.equal(await page.locator('#log').evaluate((log) => log.scrollTop), 100);
  await stopServer(server);
});

test('@mentions of the reader are highlighted, others styled lightly', async () => {
  const server = await startServer(['--rate-limit', '0']);
  const alice = await openChat(server, 'alice');
  await waitConnected(alice, 'alice');
  const bob = await openChat(server, 'Bob');
  await waitConnected(bob, 'Bob');
  await say(alice, '@bob look at this');
  await say(alice, '@carol and bob@example.org');
  await messageText(bob, 'bob@example.org').waitFor({ timeout: TIMEOUT });
  const entry = (text) => bob.locator('#messages .entry').filter({ hasText: text });
  assert.equal(await entry('look at this').evaluate((n) => n.classList.contains('mentions-me')), true);
  assert.equal(await entry('look at this').locator('.mention-me').textContent(), '@bob');
  assert.equal(await entry('@carol').evaluate((n) => n.classList.contains('mentions-me')), false);
  assert.deepEqual(await entry('@carol').locator('.mention').allTextContents(), ['@carol']);
  await stopServer(server);
});

// Counts what the page does with the Notification API, and lets the test hide the tab.
const NOTIFICATION_STUB = () => {
  window.notes = { requested: 0, shown: [] };
  class FakeNotification {
    constructor(title, options) { window.notes.shown.push({ title, body: options && options.body }); }
    static requestPermission() {
      window.notes.requested += 1;
      FakeNotification.permission = 'granted';
      return Promise.resolve('granted');
    }
  }
  FakeNotification.permission = 'default';
  Object.defineProperty(window, 'Notification', { value: FakeNotification, configurable: true, writable: true });
  window.tabHidden = false;
  Object.defineProperty(Document.prototype, 'hidden', { get: () => window.tabHidden, configurable: true });
};

test('notifications: permission asked only on a click, then mentions and direct messages notify a hidden tab', async () => {
  const server = await startServer(['--rate-limit', '0']);
  const alice = await openChat(server, 'alice');
  await waitConnected(alice, 'alice');
  const bob = await openChat(server, 'bob', { init: NOTIFICATION_STUB });
  await waitConnected(bob, 'bob');
  const notes = () => bob.evaluate(() => window.notes);
  assert.equal((await notes()).requested, 0, 'no permission asked on load');
  assert.equal(await bob.textContent('#notifyToggle'), 'Notify me');

  // Before the toggle, a mention in a hidden tab notifies nothing.
  await bob.evaluate(() => { window.tabHidden = true; });
  await say(alice, '@bob before');
  await messageText(bob, 'before').waitFor({ timeout: TIMEOUT });
  assert.equal((await notes()).shown.length, 0);

  await bob.click('#notifyToggle');
  await bob.waitForFunction(() => window.notes.requested === 1, null, { timeout: TIMEOUT });
  assert.equal(await bob.getAttribute('#notifyToggle', 'aria-pressed'), 'true');

  await say(alice, 'no mention here');
  await say(alice, '@Bob are you there?');
  await messageText(bob, 'are you there?').waitFor({ timeout: TIMEOUT });
  assert.deepEqual((await notes()).shown, [{ title: 'alice in lobby', body: '@Bob are you there?' }]);

  // A visible tab is not notified; a direct message to a hidden one is.
  await bob.evaluate(() => { window.tabHidden = false; });
  await say(alice, '@bob visible now');
  await messageText(bob, 'visible now').waitFor({ timeout: TIMEOUT });
  await bob.evaluate(() => { window.tabHidden = true; });
  await alice.locator('#members .member').filter({ hasText: 'bob' }).click();
  await say(alice, 'a secret');
  await messageText(bob, 'a secret').waitFor({ timeout: TIMEOUT });
  // Bob's own mention of himself notifies nobody.
  await say(bob, '@bob note to self');
  await messageText(bob, 'note to self').waitFor({ timeout: TIMEOUT });
  const shown = (await notes()).shown;
  assert.equal(shown.length, 2, JSON.stringify(shown));
  assert.deepEqual(shown[1], { title: 'alice → you (direct)', body: 'a secret' });
  assert.equal((await notes()).requested, 1);
  await stopServer(server);
});

// The words the page shows (text outside what people wrote, placeholders, titles, labels) of
// its visible elements.
function shownWords(page) {
  return page.evaluate(() => {
    const data = '.text, .from, .room-name, .frame-body, .frame-list, code, #roomTitle, #nameButton, time, .member';
    const words = [];
    const visible = (element) => element.checkVisibility ? element.checkVisibility() : element.offsetParent !== null;
    for (const element of document.body.querySelectorAll('*')) {
      if (!visible(element) || element.closest('script, style')) continue;
      for (const name of ['placeholder', 'title', 'aria-label']) {
        const value = element.getAttribute(name);
        if (value) words.push(value.trim());
      }
      if (element.closest(data)) continue;
      for (const node of element.childNodes) {
        if (node.nodeType === Node.TEXT_NODE && node.data.trim()) words.push(node.data.trim());
      }
    }
    return words;
  });
}

test('the page speaks the browser\'s language: German for de-DE, Spanish for es, what people write unchanged', async () => {
  const server = await startServer();
  try {
    const english = await openChat(server, 'anna');
    await waitConnected(english, 'anna');
    const german = await openChat(server, 'bernd', { locale: 'de-DE' });
    await german.locator('#state').filter({ hasText: 'Verbunden als bernd' }).waitFor({ timeout: TIMEOUT });
    assert.equal(await german.getAttribute('html', 'lang'), 'de');
    assert.equal((await german.textContent('#sendButton')).trim(), 'Senden');
    assert.equal(await german.getAttribute('#joinInput', 'placeholder'), 'Raum betreten oder anlegen');
    assert.equal(await german.getAttribute('#searchToggle', 'title'), 'Diesen Raum durchsuchen (Strg+F)');
    // No word the English page shows is left in the German one (names, numbers and symbols
    // aside: they read the same in both).
    const same = new Set(['wsroom', 'Frames', '☰', '✕', '×', 'anna', 'bernd', 'lobby', 'chat', 'notifications', '# lobby']);
    const englishWords = new Set(await shownWords(english));
    const left = (await shownWords(german)).filter((word) => englishWords.has(word) && !same.has(word)
      && /\p{L}/u.test(word));
    assert.deepEqual(left, []);
    // What people write stays as written, even when it is one of the page's words.
    await say(german, 'Join');
    await messageText(german, 'Join').waitFor({ timeout: TIMEOUT });
    await messageText(english, 'Join').waitFor({ timeout: TIMEOUT });

    const spanish = await openChat(server, 'carla', { locale: 'es-ES' });
    await spanish.locator('#state').filter({ hasText: 'Conectado como carla' }).waitFor({ timeout: TIMEOUT });
    assert.equal(await spanish.getAttribute('html', 'lang'), 'es');
    assert.equal((await spanish.textContent('#sendButton')).trim(), 'Enviar');
    for (const page of [english, german, spanish]) assert.deepEqual(page.errors, []);
  } finally {
    await stopServer(server);
  }
});

test('a German page explains a server error in German, chosen by its code', async () => {
  const server = await startServer(['--rate-limit', '1']);
  try {
    const page = await openChat(server, 'dora', { locale: 'de-DE' });
    await page.locator('#state').filter({ hasText: 'Verbunden als dora' }).waitFor({ timeout: TIMEOUT });
    for (let i = 0; i < 5; ++i) await say(page, `schnell ${i}`);
    // rate_limited: the server's message is English; the page shows its own German words.
    const error = page.locator('#messages .entry-error')
      .filter({ hasText: 'Sie senden zu schnell; diese Nachricht wurde nicht zugestellt.' });
    await error.first().waitFor({ timeout: TIMEOUT });
    assert.doesNotMatch(await error.first().textContent(), /per second|rate_limited/);
    assert.deepEqual(page.errors, []);
  } finally {
    await stopServer(server);
  }
});

test('on a phone the top bar keeps every control whole, the room\'s name too', async () => {
  const server = await startServer();
  try {
    for (const [width, locale, name] of [[390, 'en-US', 'Ada'], [320, 'en-US', 'Maximiliana'], [360, 'de-DE', 'Grace']]) {
      const page = await openChat(server, name, {
        viewport: { width, height: 700 }, locale, device: { isMobile: true, hasTouch: true },
      });
      await page.locator('#state.state-connected').waitFor({ timeout: TIMEOUT });
      const problems = await page.evaluate((width) => {
        const found = [];
        for (const node of document.querySelectorAll('.topbar > *')) {
          const box = node.getBoundingClientRect();
          if (box.width === 0 && box.height === 0) continue; // hidden, or out of sight for readers
          const label = node.id || node.className;
          if (box.left < 0 || box.right > width) found.push(`${label} is cut off (${box.left}-${box.right})`);
          if (node.matches('button') && node.scrollWidth > node.clientWidth) found.push(`${label} is squeezed`);
          if (node.matches('.toggle, .icon-button') && box.height > 40) found.push(`${label} wraps (${box.height}px)`);
        }
        const title = document.getElementById('roomTitle');
        if (title.scrollWidth > title.clientWidth || title.clientWidth === 0) found.push(`the room's name is cut: "${title.textContent}"`);
        return found;
      }, width);
      assert.deepEqual(problems, [], `${width}px, ${locale}`);
      assert.deepEqual(page.errors, []);
      await page.context().close();
    }
  } finally {
    await stopServer(server);
  }
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
  await ada.click('#framesToggle');
  await ada.focus('#input');
  await ada.keyboard.press('Control+f');
  await ada.fill('#searchInput', 'frame');
  await ada.press('#searchInput', 'Enter');
  await ada.locator('#searchStatus').filter({ hasText: 'matches' }).waitFor({ timeout: TIMEOUT });
  await ada.locator('#searchResults .search-hit').last().click();
  await ada.locator('#messages .entry.found').waitFor({ timeout: TIMEOUT });
  await ada.screenshot({ path: `${dir}/browser-client-search.png` });
  await stopServer(server);
});
