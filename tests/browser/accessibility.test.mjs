// The browser client passes axe-core (npm, pinned in package-lock.json): no WCAG 2.0/2.1 A or AA
// violation and no best-practice one, on a desktop and a phone, in the light and the dark colour
// scheme, in each state of the page a row of STATES names. Usage: node accessibility.test.mjs <wsroom>
// The pages are connected, with history, a message of their own, a mention, a direct message and a
// system message from the host in the log: what the page shows is what axe sees.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import {
  TIMEOUT, cleanup, messageText, openChat, postMessages, relay, say, startServer, waitConnected,
} from './helpers.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

const DEVICES = {
  desktop: { viewport: { width: 1280, height: 800 } },
  phone: { viewport: { width: 390, height: 844 }, device: { isMobile: true, hasTouch: true } },
};

// Clicks toggle when its aria attribute (aria-expanded or aria-pressed) is not yet want.
async function setToggle(page, toggle, attribute, want) {
  if ((await page.getAttribute(toggle, attribute)) !== String(want)) await page.click(toggle);
  await page.waitForFunction(([t, a, w]) => document.querySelector(t).getAttribute(a) === w,
    [toggle, attribute, String(want)], { timeout: TIMEOUT });
}

// The states of the page axe checks: on which devices, and how to get there from any other state.
const STATES = [
  { name: 'frames closed', devices: ['desktop', 'phone'], frames: false },
  { name: 'frames open', devices: ['desktop', 'phone'], frames: true },
  { name: 'members open', devices: ['phone'], frames: false, members: true },
  { name: 'rooms open', devices: ['phone'], frames: false, rooms: true },
  { name: 'members open, frames open', devices: ['phone'], frames: true, members: true },
  { name: 'search with matches', devices: ['desktop', 'phone'], frames: false, search: true },
  { name: 'writing a direct message', devices: ['desktop', 'phone'], frames: false, direct: true },
  { name: 'name dialog open', devices: ['desktop', 'phone'], frames: false, dialog: true },
];

// Brings page into state: the frames drawer, the phone's panels and the search as it asks.
async function show(page, device, state) {
  if (await page.locator('#nameDialog[open]').count()) await page.press('#nameInput', 'Escape');
  await page.locator('#nameDialog').waitFor({ state: 'hidden', timeout: TIMEOUT });
  if (await page.locator('#directChip').isVisible()) await page.click('#directCancel');
  await page.locator('#directChip').waitFor({ state: 'hidden', timeout: TIMEOUT });
  await setToggle(page, '#framesToggle', 'aria-pressed', Boolean(state.frames));
  if (device === 'phone') {
    await setToggle(page, '#membersToggle', 'aria-expanded', Boolean(state.members));
    await setToggle(page, '#menuToggle', 'aria-expanded', Boolean(state.rooms));
  }
  await setToggle(page, '#searchToggle', 'aria-expanded', Boolean(state.search));
  if (state.search) {
    await page.fill('#searchInput', 'note');
    await page.press('#searchInput', 'Enter');
    await page.locator('#searchStatus').filter({ hasText: '3 matches' }).waitFor({ timeout: TIMEOUT });
  }
  if (state.direct) {
    if (device === 'phone') await setToggle(page, '#membersToggle', 'aria-expanded', true);
    await page.locator('#members .member').filter({ hasText: 'bob' }).click();
    await page.locator('#directChip').waitFor({ state: 'visible', timeout: TIMEOUT });
  }
  if (state.dialog) {
    await page.click('#nameButton');
    await page.locator('#nameDialog').waitFor({ state: 'visible', timeout: TIMEOUT });
  }
}

// axe's violations on page, each as its rule, its help and the nodes that fail it.
async function axeViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      rule: v.id, help: v.help, nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`),
    }));
  }, TAGS);
}

const pages = {};

before(async () => {
  const server = await startServer(['--rate-limit', '0']);
  // Three messages from before anyone here joined: the log shows them as history.
  await postMessages(server.port, 3, (i) => `earlier note ${i}`);
  const bob = await openChat(server, 'bob');
  await waitConnected(bob, 'bob');
  const names = { desktop: 'Ada', phone: 'Grace' };
  for (const [device, options] of Object.entries(DEVICES)) {
    // The relay makes one message come from the host, as the console's Post System Message does.
    const socket = relay({ toPage: (f) => (f.type === 'message' && f.text === 'class starts at ten'
      ? { ...f, from: { id: 'host', name: 'host' } } : null) });
    const page = await openChat(server, names[device], { ...options, socket });
    await waitConnected(page, names[device]);
    await messageText(page, 'earlier note 3').waitFor({ timeout: TIMEOUT });
    pages[device] = page;
  }
  await say(bob, 'class starts at ten');
  await say(bob, '@Ada @Grace have a look at https://example.com/slides');
  for (const name of Object.values(names)) {
    await bob.locator('#members .member').filter({ hasText: name }).click();
    await say(bob, `just for you, ${name}`);
  }
  for (const [device, page] of Object.entries(pages)) {
    await say(page, `${names[device]} is here`);
    await messageText(page, `just for you, ${names[device]}`).waitFor({ timeout: TIMEOUT });
    await messageText(page, `${names[device]} is here`).waitFor({ timeout: TIMEOUT });
    await page.locator('#messages .entry.from-host').waitFor({ timeout: TIMEOUT });
    assert.equal(await page.locator('#messages .entry.history').count(), 3);
  }
});

after(cleanup);

for (const colorScheme of ['light', 'dark']) {
  for (const state of STATES) {
    for (const device of state.devices) {
      test(`axe: ${device}, ${colorScheme}, ${state.name}`, async () => {
        const page = pages[device];
        await page.emulateMedia({ colorScheme });
        // The page has a palette of its own for each scheme (style.css), not one for both.
        assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor),
          colorScheme === 'dark' ? 'rgb(15, 17, 21)' : 'rgb(246, 247, 249)');
        await show(page, device, state);
        assert.deepEqual(await axeViolations(page), []);
        assert.deepEqual(page.errors, []);
      });
    }
  }
}
