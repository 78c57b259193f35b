// wsroom's browser client, the scrollback: older pages of the current room, asked for with
// `history` requests when the reader reaches the top of the log. Loaded before app.js, which
// calls wsroomParts.scrollback(app) once with what the two share (see `app` there).
'use strict';

window.wsroomParts = window.wsroomParts || {};

window.wsroomParts.scrollback = (app) => {
  const { $, el, state } = app;
  const PAGE = 50; // older messages asked for when the reader scrolls to the top
  const JUMP_PAGE = 200; // the server's largest page: a jump to an old match needs few round trips
  const NEAR_TOP = 40; // px: this close to the top of the log counts as "at the top"

  // The line above the log: loading, why loading failed (with a retry), or the room's beginning.
  function renderScrollback() {
    const line = $('scrollback');
    const room = state.current ? state.rooms.get(state.current) : null;
    line.replaceChildren();
    line.className = 'scrollback';
    if (!room) return;
    if (room.loading) {
      line.textContent = 'Loading older messages…';
    } else if (room.failed) {
      line.classList.add('scrollback-failed');
      const retry = el('button', 'link-button', 'Try again');
      retry.type = 'button';
      retry.addEventListener('click', () => {
        room.failed = null;
        requestOlder(state.current, room);
      });
      // The words and the code in nodes of their own, so that i18n.js translates each.
      line.append('Older messages could not be loaded:', ' ', room.failed.words,
                  ` (${room.failed.code}) `, retry);
    } else if (room.more === false) {
      line.classList.add('scrollback-start');
      line.textContent = 'Beginning of the room';
    }
  }

  function maybeLoadOlder() {
    const room = state.current ? state.rooms.get(state.current) : null;
    if (!room || room.loading || room.failed || room.more === false) return;
    if ($('log').scrollTop > NEAR_TOP) return; // an unfilled log is at its top too: fill it
    requestOlder(state.current, room);
  }

  function requestOlder(name, room) {
    if (room.loading || !state.ws || state.ws.readyState !== WebSocket.OPEN) return;
    const ref = `history-${state.nextRef++}`;
    const request = { type: 'history', room: name };
    if (room.oldestId !== null) request.before = room.oldestId;
    request.limit = room.jumpTo !== null ? JUMP_PAGE : PAGE;
    request.ref = ref;
    if (!app.send(request)) return;
    state.pending.set(ref, { kind: 'history', room: name });
    room.loading = ref;
    if (name === state.current) renderScrollback();
  }

  function onHistory(frame) {
    const pending = state.pending.get(frame.ref);
    state.pending.delete(frame.ref);
    const name = pending ? pending.room : frame.room;
    const room = state.rooms.get(name);
    if (!room || room.loading !== frame.ref) return; // left the room, or a reply from before a reconnect
    room.loading = null;
    // Only what is older than the oldest shown: a message that arrived live meanwhile is not repeated.
    const older = (frame.messages || []).filter((m) => room.oldestId === null || m.id < room.oldestId);
    prependMessages(name, room, older);
    room.more = frame.more && older.length > 0 && room.oldestId !== 1;
    if (name !== state.current) return;
    renderScrollback();
    if (room.jumpTo !== null) app.search.continueJump(room);
    else maybeLoadOlder();
  }

  function onHistoryError(frame, name) {
    const room = state.rooms.get(name);
    if (!room) return;
    room.loading = null;
    room.failed = { words: app.ERROR_WORDS[frame.code] || 'The server reported an error.',
                    code: frame.code };
    if (room.jumpTo !== null) {
      room.jumpTo = null;
      app.search.showSearchError('The match could not be loaded: older messages could not be loaded.');
    }
    if (name === state.current) renderScrollback();
  }

  // The connection is gone, and with it the answers to the pages (and jumps) in flight.
  function forgetLoading() {
    for (const room of state.rooms.values()) {
      room.loading = null;
      room.jumpTo = null;
    }
    renderScrollback();
  }

  // Puts messages (oldest first, all older than the room's oldest) above the room's messages,
  // and keeps the log where it was: what the reader looked at stays put on the screen.
  function prependMessages(name, room, messages) {
    if (!messages.length) return;
    const entries = messages.map((m) => app.messageEntry(m, true));
    let at = room.entries.findIndex((e) => e.id !== undefined);
    if (at < 0) at = 0;
    room.entries.splice(at, 0, ...entries);
    room.oldestId = messages[0].id;
    room.cap = Math.max(room.cap, room.entries.length);
    if (name !== state.current) return;
    const log = $('log');
    const list = $('messages');
    const anchor = list.children[at] || null;
    const before = anchor ? anchor.getBoundingClientRect().top : 0;
    const nodes = document.createDocumentFragment();
    for (const entry of entries) nodes.append(app.entryNode(entry));
    // Pages of old messages are not news: the live region stays quiet while they go in.
    list.setAttribute('aria-live', 'off');
    list.insertBefore(nodes, anchor);
    requestAnimationFrame(() => requestAnimationFrame(() => list.setAttribute('aria-live', 'polite')));
    renderScrollback();
    if (anchor) log.scrollTop += anchor.getBoundingClientRect().top - before;
    else log.scrollTop = log.scrollHeight;
  }

  $('log').addEventListener('scroll', maybeLoadOlder, { passive: true });

  return { renderScrollback, maybeLoadOlder, requestOlder, onHistory, onHistoryError, forgetLoading };
};
