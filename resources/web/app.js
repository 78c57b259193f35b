// wsroom's browser client: the native protocol v1 on /chat of the page's own host and port.
// Every piece of text from the network goes into the page with textContent, never as HTML.
'use strict';

(() => {
  const $ = (id) => document.getElementById(id);
  const MAX_ENTRIES = 500; // per room, so a long lesson does not slow the page down
  const MAX_FRAMES = 500;
  const BACKOFF_SECONDS = [1, 2, 4, 8, 15];

  const state = {
    ws: null,
    self: null,
    limits: { max_message_bytes: 65536, rate_per_second: 20 },
    rooms: new Map(), // joined rooms: name -> { entries, members, unread, lastId, typing }
    current: null,
    wanted: JSON.parse(sessionStorage.getItem('wsroom.rooms') || '["lobby"]'),
    name: localStorage.getItem('wsroom.name') || '',
    code: new URLSearchParams(location.search).get('code') || sessionStorage.getItem('wsroom.code') || '',
    directTo: null,
    attempt: 0,
    retryTimer: null,
    countdownTimer: null,
    stopped: false, // no automatic reconnect (kicked, or waiting for a join code)
    typingSentAt: 0,
    typingIdleTimer: null,
    nextRef: 1,
    pending: new Map(), // ref -> { kind: 'history' | 'search', room }: what a reply or error answers
    searchRef: null, // the search whose answer the list shows; older answers are dropped
  };

  // ---------------------------------------------------------------------------------------
  // Small DOM helpers: text only.

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function timeOf(iso) {
    const date = iso ? new Date(iso) : new Date();
    return date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }

  function setState(kind, text) {
    const node = $('state');
    node.className = 'state state-' + kind;
    node.textContent = text;
    node.title = text;
  }

  // ---------------------------------------------------------------------------------------
  // Connection

  function socketUrl() {
    const params = new URLSearchParams();
    if (state.name) params.set('name', state.name);
    if (state.code) params.set('code', state.code);
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const query = params.toString();
    return `${scheme}//${location.host}/chat${query ? '?' + query : ''}`;
  }

  // The first exercise of a lesson, for this server: an echo connection from a terminal.
  function echoCommand() {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const query = state.code ? '?code=' + encodeURIComponent(state.code) : '';
    return `python3 -m websockets ${scheme}//${location.host}/echo${query}`;
  }

  function connect() {
    clearTimeout(state.retryTimer);
    clearInterval(state.countdownTimer);
    state.stopped = false;
    setState('connecting', 'Connecting…');
    const ws = new WebSocket(socketUrl());
    state.ws = ws;
    ws.addEventListener('message', (event) => {
      if (ws !== state.ws) return;
      logFrame('in', event.data);
      let frame;
      try {
        frame = JSON.parse(event.data);
      } catch (e) {
        notice('error', 'The server sent something that is not JSON.');
        return;
      }
      handle(frame);
    });
    ws.addEventListener('close', (event) => {
      if (ws === state.ws) onClose(event);
    });
  }

  function onClose(event) {
    state.ws = null;
    state.self = null;
    for (const room of state.rooms.values()) {
      room.members = [];
      room.typing.clear();
    }
    renderMembers();
    renderTyping();
    state.pending.clear();
    search.forgetSearch();
    scrollback.forgetLoading();
    logFrame('close', `close ${event.code}${event.reason ? ' ' + event.reason : ''}`);

    if (event.code === 1008 && /join code/i.test(event.reason)) {
      state.stopped = true;
      setState('error', 'Join code needed');
      askForName(state.code ? 'That join code is not right. Ask the host for the code.'
                            : 'This room needs a join code. Ask the host for it.', true);
      return;
    }
    if (event.code === 4000) {
      state.stopped = true;
      setState('error', `Removed by the host${event.reason ? ': ' + event.reason : ''}`);
      notice('error', `The host removed you from the chat${event.reason ? ': ' + event.reason : ''}.`);
      showReconnectButton();
      return;
    }
    if (event.code === 1009) {
      notice('error', `Your message was larger than the server accepts (${state.limits.max_message_bytes} bytes), so it closed the connection.`);
    } else if (event.code === 1008) {
      // The server's reasons (docs/protocol.md, close codes), in words i18n.js knows.
      const lockout = /^too many wrong codes; try again in (\d+) s$/.exec(event.reason);
      if (lockout) {
        notice('error', `Too many wrong join codes came from this address. Try again in ${lockout[1]} s.`);
      } else if (event.reason === 'kept sending after rate_limited') {
        notice('error', 'The server closed the connection: this page kept sending after being told to slow down.');
      } else {
        notice('error', `The server closed the connection: ${event.reason || 'policy violation'}.`);
      }
    } else if (event.code === 4008) {
      notice('error', 'The server closed the connection because this page was not keeping up.');
    } else if (event.code === 1013) {
      notice('error', 'The server is full. Trying again shortly.');
    }
    scheduleReconnect(event.code === 1000 ? 'the server stopped' : `code ${event.code}`);
  }

  function scheduleReconnect(why) {
    const seconds = BACKOFF_SECONDS[Math.min(state.attempt, BACKOFF_SECONDS.length - 1)];
    state.attempt += 1;
    let left = seconds;
    const show = () => setState('disconnected', `Disconnected (${why}). Reconnecting in ${left} s…`);
    show();
    state.countdownTimer = setInterval(() => {
      left -= 1;
      if (left > 0) show();
    }, 1000);
    state.retryTimer = setTimeout(connect, seconds * 1000);
  }

  function showReconnectButton() {
    const button = el('button', 'link-button', 'Reconnect');
    button.addEventListener('click', () => {
      state.attempt = 0;
      connect();
    });
    $('state').append(' ', button);
  }

  function send(request) {
    if (!state.ws || state.ws.readyState !== WebSocket.OPEN) {
      notice('error', 'Not connected: wait a moment and try again.');
      return false;
    }
    const text = JSON.stringify(request);
    state.ws.send(text);
    logFrame('out', text);
    return true;
  }

  // ---------------------------------------------------------------------------------------
  // What arrives

  function handle(frame) {
    switch (frame.type) {
      case 'welcome': return onWelcome(frame);
      case 'joined': return onJoined(frame);
      case 'left': return onLeft(frame.room);
      case 'message': return onMessage(frame);
      case 'presence': return onPresence(frame);
      case 'direct': return onDirect(frame);
      case 'renamed': return onRenamed(frame.member);
      case 'typing': return onTyping(frame);
      case 'rooms': return renderAllRooms(frame.rooms || []);
      case 'history': return scrollback.onHistory(frame);
      case 'search': return search.onSearch(frame);
      case 'members': return;
      case 'error': return onError(frame);
      case 'ack': case 'pong': return;
      default: return;
    }
  }

  function onWelcome(frame) {
    state.self = frame.member;
    state.limits = frame.limits || state.limits;
    basics.updateCounter();
    state.attempt = 0;
    setState('connected', `Connected as ${frame.member.name}`);
    renderName();
    if (state.name && frame.member.name !== state.name) {
      notice('info', `The name ${state.name} is taken, so you are ${frame.member.name}.`);
    }
    renderAllRooms((frame.rooms || []).map((name) => ({ name, members: null })));
    const wanted = state.wanted.length ? state.wanted : ['lobby'];
    for (const room of wanted) send({ type: 'join', room });
    send({ type: 'rooms' });
  }

  function roomState(name) {
    let room = state.rooms.get(name);
    if (!room) {
      room = {
        entries: [], members: [], unread: 0, lastId: 0, typing: new Map(),
        // Scrollback: the oldest message id in entries, whether older ones exist (null: unknown),
        // the ref of the history request in flight, why the last one failed, the id a jump waits
        // for, and how many entries the room keeps (grows with what the reader scrolled back to).
        oldestId: null, more: null, loading: null, failed: null, jumpTo: null, cap: MAX_ENTRIES,
      };
      state.rooms.set(name, room);
    }
    return room;
  }

  function onJoined(frame) {
    const room = roomState(frame.room);
    room.members = frame.members || [];
    const history = frame.history || [];
    const newest = history.length ? history[history.length - 1].id : 0;
    if (newest < room.lastId) {
      // The ids started again: the server was restarted since we last saw this room.
      room.entries.push({ kind: 'notice', text: 'The server was restarted.' });
      room.lastId = 0;
      room.more = false; // the ids before the restart mean nothing to the new server
      room.jumpTo = null;
    }
    // The join brings the room's last messages: none at all means there is nothing to scroll back to.
    if (history.length === 0 && room.oldestId === null) room.more = false;
    let first = true;
    for (const message of history) {
      if (message.id <= room.lastId) continue;
      if (first && room.entries.length === 0) {
        room.entries.push({ kind: 'separator', text: 'Earlier messages' });
      }
      first = false;
      addMessage(room, message, true);
    }
    if (!state.wanted.includes(frame.room)) state.wanted.push(frame.room);
    saveWanted();
    if (!state.current || !state.rooms.has(state.current)) state.current = frame.room;
    if (frame.ref === 'user') state.current = frame.room;
    renderRooms();
    renderCurrent();
  }

  function onLeft(name) {
    state.rooms.delete(name);
    state.wanted = state.wanted.filter((r) => r !== name);
    saveWanted();
    if (state.current === name) state.current = state.rooms.keys().next().value || null;
    renderRooms();
    renderCurrent();
    send({ type: 'rooms' });
  }

  function messageEntry(message, fromHistory) {
    return {
      kind: 'message',
      id: message.id,
      from: message.from,
      text: message.text,
      time: message.timestamp || message.ts,
      history: fromHistory,
      own: state.self && message.from && message.from.id === state.self.id,
    };
  }

  function addMessage(room, message, fromHistory) {
    room.lastId = Math.max(room.lastId, message.id || 0);
    if (room.oldestId === null || message.id < room.oldestId) room.oldestId = message.id;
    if (room.oldestId === 1) room.more = false; // ids start at 1: nothing is older
    room.entries.push(messageEntry(message, fromHistory));
    if (room.entries.length > room.cap) {
      room.entries.splice(0, room.entries.length - room.cap);
      const oldest = room.entries.find((e) => e.id !== undefined);
      room.oldestId = oldest ? oldest.id : null;
      room.more = null; // what was dropped can be asked for again
    }
  }

  function onMessage(frame) {
    const room = state.rooms.get(frame.room);
    if (!room) return;
    addMessage(room, frame, false);
    basics.consider(room.entries[room.entries.length - 1], frame.room);
    room.typing.delete(frame.from && frame.from.id);
    if (frame.room === state.current) {
      appendEntry(room.entries[room.entries.length - 1]);
      renderTyping();
    } else {
      room.unread += 1;
      renderRooms();
    }
  }

  function onPresence(frame) {
    const room = state.rooms.get(frame.room);
    if (!room) return;
    const member = frame.member;
    let text;
    if (frame.event === 'join') {
      room.members = room.members.filter((m) => m.id !== member.id).concat([member]);
      text = `${member.name} joined`;
    } else if (frame.event === 'leave') {
      room.members = room.members.filter((m) => m.id !== member.id);
      room.typing.delete(member.id);
      text = `${member.name} left`;
    } else if (frame.event === 'rename') {
      room.members = room.members.map((m) => (m.id === member.id ? member : m));
      text = `${frame.previous} is now ${member.name}`;
    } else {
      return;
    }
    const entry = { kind: 'notice', text, time: new Date().toISOString() };
    room.entries.push(entry);
    if (frame.room === state.current) {
      appendEntry(entry);
      renderMembers();
      renderTyping();
    }
  }

  function onDirect(frame) {
    const mine = state.self && frame.from.id === state.self.id;
    const entry = {
      kind: 'direct',
      text: frame.text,
      time: frame.timestamp,
      label: mine ? `you → ${frame.to.name} (direct)` : `${frame.from.name} → you (direct)`,
      own: mine,
    };
    const name = state.current || state.rooms.keys().next().value;
    const room = name ? state.rooms.get(name) : null;
    if (room) room.entries.push(entry);
    appendEntry(entry);
    basics.consider(entry, name);
  }

  function onRenamed(member) {
    state.self = member;
    state.name = member.name;
    localStorage.setItem('wsroom.name', member.name);
    setState('connected', `Connected as ${member.name}`);
    renderName();
  }

  function onTyping(frame) {
    const room = state.rooms.get(frame.room);
    if (!room) return;
    if (frame.active) {
      clearTimeout(room.typing.get(frame.member.id)?.timer);
      // A typing member who goes quiet without saying so is forgotten after a few seconds.
      const timer = setTimeout(() => {
        room.typing.delete(frame.member.id);
        renderTyping();
      }, 6000);
      room.typing.set(frame.member.id, { name: frame.member.name, timer });
    } else {
      clearTimeout(room.typing.get(frame.member.id)?.timer);
      room.typing.delete(frame.member.id);
    }
    if (frame.room === state.current) renderTyping();
  }

  const ERROR_WORDS = {
    rate_limited: 'You are sending too fast; that message was not delivered.',
    name_taken: 'That name is already taken. Pick another.',
    not_in_room: 'You are not in that room.',
    no_such_member: 'That person is not connected any more.',
    too_many_rooms: 'You are in too many rooms; leave one first.',
    bad_request: 'The server could not accept that.',
    forbidden: 'Only the host can do that.',
    bad_json: 'The server could not read that: it was not valid JSON.',
    unknown_type: 'The server does not know that request.',
    name_reserved: 'That name is kept for the host. Pick another.',
    muted: 'The host muted you; your message was not delivered.',
    room_locked: 'Only the host posts in this room.',
  };

  function onError(frame) {
    const pending = frame.ref !== undefined ? state.pending.get(frame.ref) : undefined;
    if (pending) {
      state.pending.delete(frame.ref);
      return pending.kind === 'search' ? search.onSearchError(frame, pending)
                                       : scrollback.onHistoryError(frame, pending.room);
    }
    // Words chosen by the code, which i18n.js translates; the server's English message only for
    // a code this page does not know.
    notice('error', ERROR_WORDS[frame.code] || frame.message || 'The server reported an error.');
  }

  // ---------------------------------------------------------------------------------------
  // Rendering

  function entryNode(entry) {
    const item = el('li', 'entry entry-' + entry.kind);
    if (entry.id !== undefined) item.dataset.id = String(entry.id);
    if (entry.kind === 'message' || entry.kind === 'direct') {
      if (entry.own) item.classList.add('own');
      if (entry.history) item.classList.add('history');
      const meta = el('div', 'meta');
      meta.append(el('span', 'from', entry.kind === 'direct' ? entry.label : entry.from.name));
      meta.append(el('time', 'time', timeOf(entry.time)));
      item.append(meta, basics.messageText(entry));
      basics.decorate(item, meta, entry);
    } else {
      // The count in its own node, so that i18n.js still finds the words as a whole.
      item.textContent = entry.text;
      if (entry.count > 1) item.append(el('span', 'count', ` (×${entry.count})`));
      if (entry.kind === 'error') item.setAttribute('role', 'alert');
    }
    return item;
  }

  function appendEntry(entry) {
    const log = $('log');
    const list = $('messages');
    const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
    list.append(entryNode(entry));
    // The log shows the current room's entries one for one: drop what the room dropped.
    const room = state.current ? state.rooms.get(state.current) : null;
    const keep = room ? room.entries.length : MAX_ENTRIES;
    while (list.childElementCount > keep) list.firstElementChild.remove();
    if (atBottom || entry.own) log.scrollTop = log.scrollHeight;
  }

  function notice(kind, text) {
    const room = state.current ? state.rooms.get(state.current) : null;
    const last = room ? room.entries[room.entries.length - 1] : null;
    if (last && last.kind === kind && last.text === text) {
      // The same error again (a burst over the rate limit): count it instead of repeating it.
      last.count = (last.count || 1) + 1;
      const list = $('messages');
      if (list.lastElementChild) list.lastElementChild.replaceWith(entryNode(last));
      return;
    }
    const entry = { kind, text, time: new Date().toISOString() };
    if (room) room.entries.push(entry);
    appendEntry(entry);
  }

  function renderCurrent() {
    const list = $('messages');
    list.replaceChildren();
    const room = state.current ? state.rooms.get(state.current) : null;
    $('roomTitle').textContent = state.current ? `# ${state.current}` : '';
    document.title = state.current ? `${state.current} — wsroom` : 'wsroom';
    if (room) {
      room.unread = 0;
      for (const entry of room.entries) list.append(entryNode(entry));
      $('log').scrollTop = $('log').scrollHeight;
    }
    scrollback.renderScrollback();
    search.renderSearchRoom();
    $('input').placeholder = state.directTo ? `Direct message to ${state.directTo.name}`
                                            : state.current ? `Message #${state.current}` : 'Join a room to chat';
    renderMembers();
    renderTyping();
    renderRooms();
    scrollback.maybeLoadOlder();
  }

  function renderRooms() {
    const list = $('joinedRooms');
    list.replaceChildren();
    for (const [name, room] of state.rooms) {
      const item = el('li');
      const button = el('button', 'room' + (name === state.current ? ' current' : ''));
      button.append(el('span', 'room-name', name));
      if (room.unread > 0) {
        const badge = el('span', 'badge', String(room.unread));
        badge.setAttribute('aria-label', `${room.unread} unread`);
        button.append(badge);
      }
      if (name === state.current) button.setAttribute('aria-current', 'true');
      button.addEventListener('click', () => {
        state.current = name;
        renderCurrent();
        closePanels();
      });
      const leave = el('button', 'leave', '×');
      leave.title = `Leave ${name}`;
      leave.setAttribute('aria-label', `Leave ${name}`);
      leave.addEventListener('click', () => send({ type: 'leave', room: name }));
      item.append(button, leave);
      list.append(item);
    }
  }

  function renderAllRooms(rooms) {
    const list = $('allRooms');
    list.replaceChildren();
    for (const room of rooms) {
      const item = el('li');
      const button = el('button', 'room');
      button.append(el('span', 'room-name', room.name));
      if (room.members !== null && room.members !== undefined) {
        button.append(el('span', 'count', String(room.members)));
      }
      button.addEventListener('click', () => {
        if (state.rooms.has(room.name)) {
          state.current = room.name;
          renderCurrent();
        } else {
          send({ type: 'join', room: room.name, ref: 'user' });
        }
        closePanels();
      });
      item.append(button);
      list.append(item);
    }
  }

  function renderMembers() {
    const list = $('members');
    list.replaceChildren();
    const room = state.current ? state.rooms.get(state.current) : null;
    const members = room ? room.members : [];
    $('memberCount').textContent = room ? `(${members.length})` : '';
    for (const member of members) {
      const item = el('li');
      const button = el('button', 'member', member.name);
      const isSelf = state.self && member.id === state.self.id;
      if (isSelf) {
        button.classList.add('self');
        button.append(el('span', 'you', ' (you)'));
      }
      button.title = `Send ${member.name} a direct message`;
      button.addEventListener('click', () => startDirect(member));
      item.append(button);
      list.append(item);
    }
  }

  function renderTyping() {
    const room = state.current ? state.rooms.get(state.current) : null;
    const names = room ? [...room.typing.values()].map((t) => t.name) : [];
    $('typing').textContent = names.length === 0 ? ''
      : names.length === 1 ? `${names[0]} is typing…`
      : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]} are typing…`;
  }

  function renderName() {
    $('nameButton').textContent = state.self ? state.self.name : state.name || 'Set your name';
  }

  // ---------------------------------------------------------------------------------------
  // Frames drawer: the raw protocol, for learning it

  function logFrame(direction, text) {
    const list = $('frameList');
    const item = el('li', 'frame frame-' + direction);
    const arrow = direction === 'in' ? '↓' : direction === 'out' ? '↑' : '×';
    item.append(el('span', 'frame-dir', arrow), el('time', 'time', new Date().toLocaleTimeString()));
    let body = text;
    try {
      body = JSON.stringify(JSON.parse(text), null, 2);
    } catch (e) { /* not JSON: shown as it is */ }
    item.append(el('pre', 'frame-body', body));
    list.append(item);
    while (list.childElementCount > MAX_FRAMES) list.firstElementChild.remove();
    if (!$('frames').hidden) list.scrollTop = list.scrollHeight;
  }

  // ---------------------------------------------------------------------------------------
  // What the user does

  function submitMessage() {
    const input = $('input');
    const text = input.value.replace(/\s+$/, '');
    if (!text.trim()) return;
    const request = state.directTo ? { type: 'direct', to: state.directTo.id, text }
                                   : { type: 'message', room: state.current, text };
    if (!state.directTo && !state.current) {
      notice('error', 'Join a room first.');
      return;
    }
    const bytes = new TextEncoder().encode(JSON.stringify(request)).length;
    if (bytes > state.limits.max_message_bytes) {
      notice('error', `That message is too large: ${bytes} bytes, and the server accepts at most ${state.limits.max_message_bytes}.`);
      return;
    }
    if (send(request)) {
      input.value = '';
      autoGrow();
      stopTyping();
      if (state.directTo) cancelDirect();
    }
  }

  function startDirect(member) {
    state.directTo = member;
    $('directChipText').textContent = `Direct message to ${member.name}`;
    $('directChip').hidden = false;
    $('input').placeholder = `Direct message to ${member.name}`;
    basics.updateCounter();
    $('input').focus();
    closePanels();
  }

  function cancelDirect() {
    state.directTo = null;
    $('directChip').hidden = true;
    renderCurrent();
    basics.updateCounter();
  }

  function noteTyping() {
    if (!state.current || state.directTo) return;
    const now = Date.now();
    if (now - state.typingSentAt > 2000) {
      state.typingSentAt = now;
      send({ type: 'typing', room: state.current, active: true });
    }
    clearTimeout(state.typingIdleTimer);
    state.typingIdleTimer = setTimeout(stopTyping, 3000);
  }

  function stopTyping() {
    clearTimeout(state.typingIdleTimer);
    if (state.typingSentAt && state.current && state.ws && state.ws.readyState === WebSocket.OPEN) {
      send({ type: 'typing', room: state.current, active: false });
    }
    state.typingSentAt = 0;
  }

  // The input grows with its text; a log that was at its bottom stays there as it shrinks.
  function autoGrow() {
    const input = $('input');
    const log = $('log');
    const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
    input.style.height = 'auto';
    input.style.height = Math.min(input.scrollHeight, 160) + 'px';
    if (atBottom) log.scrollTop = log.scrollHeight;
    basics.updateCounter();
  }

  function saveWanted() {
    sessionStorage.setItem('wsroom.rooms', JSON.stringify(state.wanted));
  }

  function askForName(error, needCode) {
    $('nameInput').value = state.self ? state.self.name : state.name;
    $('codeRow').hidden = !needCode;
    $('codeInput').value = state.code;
    $('dialogError').textContent = error || '';
    const dialog = $('nameDialog');
    if (!dialog.open) dialog.showModal();
    (needCode ? $('codeInput') : $('nameInput')).focus();
  }

  function closePanels() {
    document.body.classList.remove('show-sidebar', 'show-members');
    $('menuToggle').setAttribute('aria-expanded', 'false');
    $('membersToggle').setAttribute('aria-expanded', 'false');
  }

  function togglePanel(cls, button) {
    const open = !document.body.classList.contains(cls);
    closePanels();
    document.body.classList.toggle(cls, open);
    button.setAttribute('aria-expanded', String(open));
  }

  // What the scrollback (history.js) and the search panel (search.js) share with the rest of the
  // page. Each part is added to it too, so the two reach each other: a jump to a match loads pages.
  const app = { $, el, state, send, notice, timeOf, entryNode, messageEntry, renderCurrent, ERROR_WORDS };
  const basics = app.basics = window.wsroomParts.basics(app);
  const scrollback = app.scrollback = window.wsroomParts.scrollback(app);
  const search = app.search = window.wsroomParts.search(app);

  $('nameForm').addEventListener('submit', (event) => {
    event.preventDefault();
    const name = $('nameInput').value.trim();
    if (!name) {
      $('dialogError').textContent = 'Please type a name.';
      return;
    }
    const needCode = !$('codeRow').hidden;
    if (needCode) {
      state.code = $('codeInput').value.trim();
      sessionStorage.setItem('wsroom.code', state.code);
    }
    $('nameDialog').close();
    if (state.ws && state.self) {
      if (name !== state.self.name) send({ type: 'rename', name });
      return;
    }
    state.name = name;
    localStorage.setItem('wsroom.name', name);
    renderName();
    if (!state.ws) {
      state.attempt = 0;
      connect();
    }
  });
  $('nameDialog').addEventListener('cancel', (event) => {
    if (!state.ws && !state.stopped) event.preventDefault(); // a name is needed to start
  });

  $('sendForm').addEventListener('submit', (event) => {
    event.preventDefault();
    submitMessage();
  });
  $('input').addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submitMessage();
    } else if (event.key === 'Escape' && state.directTo) {
      cancelDirect();
    }
  });
  $('input').addEventListener('input', () => {
    autoGrow();
    noteTyping();
  });
  $('joinForm').addEventListener('submit', (event) => {
    event.preventDefault();
    const room = $('joinInput').value;
    if (!room.trim()) return;
    if (state.rooms.has(room)) {
      state.current = room;
      renderCurrent();
    } else {
      send({ type: 'join', room, ref: 'user' });
    }
    $('joinInput').value = '';
    closePanels();
  });
  $('directCancel').addEventListener('click', cancelDirect);
  $('nameButton').addEventListener('click', () => askForName('', false));
  $('framesToggle').addEventListener('click', () => {
    const frames = $('frames');
    frames.hidden = !frames.hidden;
    $('echoCommand').textContent = echoCommand();
    $('framesToggle').setAttribute('aria-pressed', String(!frames.hidden));
    document.body.classList.toggle('frames-open', !frames.hidden);
    if (!frames.hidden) $('frameList').scrollTop = $('frameList').scrollHeight;
  });
  $('framesClear').addEventListener('click', () => $('frameList').replaceChildren());
  $('menuToggle').addEventListener('click', () => togglePanel('show-sidebar', $('menuToggle')));
  $('membersToggle').addEventListener('click', () => togglePanel('show-members', $('membersToggle')));

  // The room list refreshes now and then, so counts of rooms one is not in stay roughly right.
  setInterval(() => {
    if (state.ws && state.ws.readyState === WebSocket.OPEN && !document.hidden) {
      send({ type: 'rooms' });
    }
  }, 15000);

  renderName();
  if (state.name) connect();
  else askForName('', false);

  // For tests and the curious: the page's state, read-only in spirit.
  window.wsroom = { state };
})();
