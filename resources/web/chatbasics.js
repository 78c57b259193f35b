// wsroom's browser client, chat basics: http(s) links, @mentions, the host's badge, a copy button
// per message, the size counter, and notifications. The rules are those of the desktop's
// client/chattext.cpp. Loaded before app.js, which calls wsroomParts.basics(app) once.
// Text still goes into the page as text nodes; a link is an <a> whose href is a parsed http(s)
// URL and whose text is set with textContent.
'use strict';

window.wsroomParts = window.wsroomParts || {};

window.wsroomParts.basics = (app) => {
  const { $, el, state } = app;
  const WARN_SHARE = 0.8; // the counter shows from 80 % of max_message_bytes
  const HOST_ID = 'host'; // the host's messages come from {"id":"host"}; no member has this id
  const LINK = /(?<![\w@])https?:\/\/[^\s<>"'`]+/giu;
  const MENTION = /(?<![\w@])@[\p{L}\p{N}_.-]*[\p{L}\p{N}_]/gu;
  const WORD = /[\p{L}\p{N}_\p{M}]/u;

  // The sentence's punctuation after a URL is not the URL's; a closing bracket stays when the
  // URL opened one.
  function trimLink(candidate) {
    let url = candidate;
    for (;;) {
      const last = url[url.length - 1];
      if ('.,;:!?*'.includes(last)) { url = url.slice(0, -1); continue; }
      const open = { ')': '(', ']': '[', '}': '{' }[last];
      if (open && url.split(open).length < url.split(last).length) { url = url.slice(0, -1); continue; }
      return url;
    }
  }

  function webUrl(text) {
    try {
      const url = new URL(text);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname ? url : null;
    } catch (e) {
      return null;
    }
  }

  // Where @name of the reader occurs (case-insensitive, on word boundaries): [start, end] pairs.
  function ownMentions(text, name) {
    const found = [];
    if (!name) return found;
    const hay = text.toLowerCase();
    const needle = '@' + name.toLowerCase();
    for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
      const end = at + needle.length;
      const before = at > 0 ? text[at - 1] : '';
      const after = end < text.length ? text[end] : '';
      if ((!before || (!WORD.test(before) && before !== '@')) && (!after || !WORD.test(after))) {
        found.push([at, end]);
        at = end - 1;
      }
    }
    return found;
  }

  // The runs of text: { kind: 'text' | 'link' | 'mention' | 'own', text, href }.
  function spans(text, selfName) {
    const special = [];
    const overlaps = (s, e) => special.some((r) => s < r.end && r.start < e);
    for (const match of text.matchAll(LINK)) {
      const url = trimLink(match[0]);
      const parsed = webUrl(url);
      if (parsed) special.push({ kind: 'link', start: match.index, end: match.index + url.length, href: parsed.href });
    }
    for (const [start, end] of ownMentions(text, (selfName || '').trim())) {
      if (!overlaps(start, end)) special.push({ kind: 'own', start, end });
    }
    for (const match of text.matchAll(MENTION)) {
      const end = match.index + match[0].length;
      if (!overlaps(match.index, end)) special.push({ kind: 'mention', start: match.index, end });
    }
    special.sort((a, b) => a.start - b.start);
    const runs = [];
    let at = 0;
    for (const run of special) {
      if (run.start > at) runs.push({ kind: 'text', text: text.slice(at, run.start) });
      runs.push({ ...run, text: text.slice(run.start, run.end) });
      at = run.end;
    }
    if (at < text.length) runs.push({ kind: 'text', text: text.slice(at) });
    return runs;
  }

  function mentionsMe(text) {
    return !!state.self && spans(text || '', state.self.name).some((r) => r.kind === 'own');
  }

  // A message's text as nodes: links and mentions in their elements, the rest as text.
  function messageText(entry) {
    const node = el('div', 'text');
    for (const run of spans(entry.text || '', state.self && state.self.name)) {
      if (run.kind === 'link') {
        const a = el('a', 'link', run.text);
        a.href = run.href;
        a.target = '_blank';
        a.rel = 'noopener noreferrer';
        node.append(a);
      } else if (run.kind === 'text') {
        node.append(document.createTextNode(run.text));
      } else {
        node.append(el('span', run.kind === 'own' ? 'mention mention-me' : 'mention', run.text));
      }
    }
    return node;
  }

  // The host's badge, a mention's highlight and the copy button on a message's item.
  function decorate(item, meta, entry) {
    if (entry.kind === 'message' && entry.from && entry.from.id === HOST_ID) {
      const badge = el('span', 'host-badge', 'host');
      badge.title = 'Sent by the host: no member can send with this badge';
      meta.querySelector('.from').before(badge);
      item.classList.add('from-host');
    }
    if (entry.kind === 'message' && !entry.own && mentionsMe(entry.text)) item.classList.add('mentions-me');
    const copy = el('button', 'copy-button', 'Copy');
    copy.type = 'button';
    copy.title = 'Copy this message';
    copy.setAttribute('aria-label', 'Copy this message');
    copy.addEventListener('click', () => copyText(entry.text, copy));
    meta.append(copy);
  }

  function copyText(text, button) {
    const done = () => { button.textContent = 'Copied'; setTimeout(() => { button.textContent = 'Copy'; }, 1500); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, () => fallbackCopy(text, done));
    } else {
      fallbackCopy(text, done);
    }
  }

  function fallbackCopy(text, done) {
    const area = el('textarea');
    area.value = text;
    document.body.append(area);
    area.select();
    document.execCommand('copy');
    area.remove();
    done();
  }

  // 2048 -> "2 048", as the desktop shows it.
  function grouped(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  }

  // The size counter and the Send button, for what the input holds now.
  function updateCounter() {
    const counter = $('sizeCounter');
    const limit = state.limits.max_message_bytes;
    const text = $('input').value.replace(/\s+$/, '');
    const request = state.directTo ? { type: 'direct', to: state.directTo.id, text }
                                   : { type: 'message', room: state.current, text };
    const bytes = text.trim() ? new TextEncoder().encode(JSON.stringify(request)).length : 0;
    const show = limit > 0 && bytes > limit * WARN_SHARE;
    const over = limit > 0 && bytes > limit;
    counter.hidden = !show;
    counter.textContent = show ? `${grouped(bytes)} / ${grouped(limit)} bytes` : '';
    counter.classList.toggle('over', over);
    $('sendButton').disabled = over;
  }

  // Notifications: asked for only when the reader clicks "Notify me", never on load.
  function renderNotifyToggle() {
    const button = $('notifyToggle');
    const supported = 'Notification' in window;
    button.hidden = !supported;
    button.setAttribute('aria-pressed', String(!!state.notify));
    button.textContent = state.notify ? 'Notifying' : 'Notify me';
    button.title = state.notify ? 'Mentions and direct messages notify you while this tab is hidden; click to stop'
                                : 'Be notified of mentions and direct messages while this tab is hidden';
  }

  function toggleNotify() {
    if (state.notify) {
      state.notify = false;
      renderNotifyToggle();
      return;
    }
    const enable = (permission) => {
      state.notify = permission === 'granted';
      if (!state.notify) app.notice('info', 'Notifications are blocked for this page in the browser’s settings.');
      renderNotifyToggle();
    };
    if (Notification.permission === 'granted') enable('granted');
    else Promise.resolve(Notification.requestPermission()).then(enable);
  }

  // A mention of the reader or a direct message to them, while the tab is hidden, notifies once.
  function consider(entry, room) {
    if (!state.notify || !document.hidden || entry.own || entry.history) return;
    const direct = entry.kind === 'direct';
    if (!direct && !(entry.kind === 'message' && mentionsMe(entry.text))) return;
    if (entry.notified) return;
    entry.notified = true;
    const title = direct ? entry.label : `${entry.from.name} in ${room}`;
    try {
      const notification = new Notification(title, { body: String(entry.text).slice(0, 300), tag: 'wsroom' });
      notification.onclick = () => window.focus();
    } catch (e) { /* a browser that refuses page notifications */ }
  }

  // A reader following the end of the log keeps seeing it whatever changes size: the input
  // growing (the log shrinks), a line above or below the messages appearing, a font arriving.
  function followTheEnd() {
    const log = $('log');
    let following = true;
    log.addEventListener('scroll', () => {
      following = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
    });
    const keep = () => { if (following) log.scrollTop = log.scrollHeight; };
    if (!window.ResizeObserver) return;
    const observer = new ResizeObserver(keep);
    observer.observe(log);
    observer.observe($('messages'));
  }

  followTheEnd();
  $('notifyToggle').addEventListener('click', toggleNotify);
  renderNotifyToggle();

  return { spans, messageText, decorate, mentionsMe, updateCounter, consider, grouped };
};
