// wsroom's browser client, the search panel: matches in the current room, newest first, from
// `search` requests; activating one shows it in the log, loading older pages until it is there.
// Loaded before app.js, which calls wsroomParts.search(app) once with what they share.
'use strict';

window.wsroomParts = window.wsroomParts || {};

window.wsroomParts.search = (app) => {
  const { $, el, state } = app;

  const SEARCH_ERROR_WORDS = {
    empty_query: 'Type at least one word to search for.',
    not_in_room: 'You are not in this room, so it cannot be searched.',
    rate_limited: 'You are sending too fast; search again in a moment.',
  };

  function openSearch() {
    $('searchPanel').hidden = false;
    $('searchToggle').setAttribute('aria-expanded', 'true');
    renderSearchRoom();
    $('searchInput').focus();
    $('searchInput').select();
  }

  function closeSearch() {
    $('searchPanel').hidden = true;
    $('searchToggle').setAttribute('aria-expanded', 'false');
    $('input').focus();
  }

  // The panel searches the room shown: its label names it, and another room's matches go.
  function renderSearchRoom() {
    $('searchLabel').textContent = state.current ? `Search #${state.current}` : 'Search';
    const list = $('searchResults');
    if (list.dataset.room && list.dataset.room !== state.current) {
      list.replaceChildren();
      delete list.dataset.room;
      $('searchStatus').textContent = '';
      showSearchError('');
      state.searchRef = null;
    }
  }

  function showSearchError(text) {
    $('searchError').textContent = text;
  }

  function submitSearch() {
    showSearchError('');
    if (!state.current) {
      showSearchError('Join a room first.');
      return;
    }
    const ref = `search-${state.nextRef++}`;
    const request = { type: 'search', room: state.current, query: $('searchInput').value.trim(), ref };
    if (!app.send(request)) return;
    state.pending.set(ref, { kind: 'search', room: state.current, query: request.query });
    state.searchRef = ref;
    $('searchStatus').textContent = 'Searching…';
  }

  function onSearch(frame) {
    const pending = state.pending.get(frame.ref);
    state.pending.delete(frame.ref);
    if (!pending || frame.ref !== state.searchRef || pending.room !== state.current) return;
    const matches = frame.messages || [];
    const list = $('searchResults');
    list.replaceChildren();
    list.dataset.room = pending.room;
    for (const message of matches) {
      const button = el('button', 'search-hit');
      button.type = 'button';
      const meta = el('span', 'meta');
      const time = el('time', 'time', dateTimeOf(message.timestamp || message.ts));
      time.dateTime = message.timestamp || message.ts || '';
      meta.append(time, el('span', 'from', message.from ? message.from.name : ''));
      button.append(meta, el('span', 'text', message.text));
      button.addEventListener('click', () => jumpTo(pending.room, message.id));
      const item = el('li');
      item.append(button);
      list.append(item);
    }
    $('searchStatus').textContent = matches.length === 0 ? `No messages match “${frame.query}”.`
      : matches.length === 1 ? '1 match, the newest first.'
      : `${matches.length} matches, the newest first.`;
  }

  function onSearchError(frame, pending) {
    if (state.searchRef !== frame.ref) return;
    state.searchRef = null;
    $('searchStatus').textContent = '';
    const code = frame.code === 'bad_request' && !pending.query ? 'empty_query' : frame.code;
    const words = SEARCH_ERROR_WORDS[code] || app.ERROR_WORDS[code] || 'The server could not search.';
    showSearchError(words);
  }

  // The connection is gone: the search in flight will not be answered.
  function forgetSearch() {
    if (state.searchRef) $('searchStatus').textContent = '';
    state.searchRef = null;
  }

  function dateTimeOf(iso) {
    const date = iso ? new Date(iso) : new Date();
    if (date.toDateString() === new Date().toDateString()) return app.timeOf(iso);
    return date.toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  }

  // Shows message id of room in the log, loading older pages until it is there.
  function jumpTo(name, id) {
    const room = state.rooms.get(name);
    if (!room) return;
    if (state.current !== name) {
      state.current = name;
      app.renderCurrent();
    }
    showSearchError('');
    room.jumpTo = id;
    continueJump(room);
  }

  function continueJump(room) {
    const id = room.jumpTo;
    const node = $('messages').querySelector(`.entry[data-id="${Number(id)}"]`);
    if (node) {
      room.jumpTo = null;
      node.scrollIntoView({ block: 'center' });
      node.classList.remove('found');
      void node.offsetWidth; // restarts the highlight when the same message is shown again
      node.classList.add('found');
      node.tabIndex = -1;
      node.focus({ preventScroll: true });
      setTimeout(() => node.classList.remove('found'), 3000);
      return;
    }
    if (room.more === false || (room.oldestId !== null && id > room.oldestId)) {
      room.jumpTo = null;
      showSearchError('That message is no longer in the room\u2019s history.');
      return;
    }
    if (!room.loading) app.scrollback.requestOlder(state.current, room); // else the reply in flight continues
  }

  $('searchToggle').addEventListener('click', () => {
    if ($('searchPanel').hidden) openSearch();
    else closeSearch();
  });
  $('searchForm').addEventListener('submit', (event) => {
    event.preventDefault();
    submitSearch();
  });
  $('searchClose').addEventListener('click', closeSearch);
  $('searchPanel').addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      closeSearch();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      // The arrows walk from the field through the matches.
      const hits = [...$('searchResults').querySelectorAll('.search-hit')];
      const at = hits.indexOf(document.activeElement);
      const next = event.key === 'ArrowDown' ? at + 1 : at - 1;
      if (hits.length && (at >= 0 || event.target === $('searchInput'))) {
        event.preventDefault();
        if (next < 0) $('searchInput').focus();
        else hits[Math.min(next, hits.length - 1)].focus();
      }
    }
  });
  document.addEventListener('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'f'
        && !$('nameDialog').open) {
      event.preventDefault(); // the page's own search knows the history the browser's find cannot see
      openSearch();
    }
  });

  return { renderSearchRoom, showSearchError, onSearch, onSearchError, forgetSearch, continueJump };
};
