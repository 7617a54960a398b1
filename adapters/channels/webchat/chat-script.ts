/**
 * The chat page's script: plain ES5-era browser code served as /chat.js (no build step). It keeps a random id
 * in the browser so a reload continues the conversation, shows the history the server kept, polls for messages
 * the bot sends on its own (report updates), and keeps the resident acting on the current state only: one
 * request at a time, and only the latest bot message's buttons live.
 */
export const CHAT_JS = `
(function () {
  'use strict';
  var log = document.getElementById('log');
  var form = document.getElementById('composer');
  var input = document.getElementById('text');
  var sendButton = document.getElementById('send');
  var ID_KEY = 'chatClientId';
  var ID_FORMAT = /^[A-Za-z0-9_-]{22,64}$/;
  var POLL_MS = 5000;
  var HIDDEN_POLL_MS = 30000;
  var cursor = 0;
  var pending = false;
  var polling = false;
  var timer = null;

  // 128 random bits: the id is all it takes to read the conversation back, so it must not be guessable.
  function newClientId() {
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    var raw = '';
    for (var i = 0; i < bytes.length; i++) raw += String.fromCharCode(bytes[i]);
    return btoa(raw).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');
  }

  function clientId() {
    var id = null;
    try { id = localStorage.getItem(ID_KEY); } catch (e) { id = null; }
    if (!id || !ID_FORMAT.test(id)) {
      id = newClientId();
      try { localStorage.setItem(ID_KEY, id); } catch (e) { /* private mode: the id lives as long as the page */ }
    }
    return id;
  }
  var userId = clientId();

  function bubble(kind, text) {
    var div = document.createElement('div');
    div.className = 'msg ' + kind;
    div.textContent = text;
    log.appendChild(div);
    return div;
  }

  // Shows the start of a new answer (and a little of what came before), not its end: a long answer is read
  // from the top, and the buttons under it are one scroll away.
  function reveal(element) {
    log.scrollTop = Math.max(0, element.offsetTop - 40);
  }

  // Buttons of an older message act on a state the bot has moved past: a newer bot message retires them.
  function retireOptions() {
    var boxes = log.querySelectorAll('.choices:not(.stale)');
    for (var i = 0; i < boxes.length; i++) {
      boxes[i].className += ' stale';
      var buttons = boxes[i].querySelectorAll('button');
      for (var j = 0; j < buttons.length; j++) buttons[j].disabled = true;
    }
  }

  function showBot(message) {
    retireOptions();
    var div = bubble('bot', message.text);
    if (message.url) {
      var a = document.createElement('a');
      a.href = message.url; a.textContent = message.url; a.rel = 'noopener'; a.target = '_blank';
      div.appendChild(document.createElement('br')); div.appendChild(a);
    }
    if (message.options && message.options.length) {
      var box = document.createElement('div'); box.className = 'choices';
      message.options.forEach(function (option, i) {
        var b = document.createElement('button'); b.type = 'button';
        b.textContent = (i + 1) + '. ' + option.title;
        b.addEventListener('click', function () {
          if (b.disabled || pending) return;
          send({ choice: option.value }, option.title);
        });
        box.appendChild(b);
      });
      div.appendChild(box);
    }
    return div;
  }

  function showReplies(replies) {
    var first = null;
    replies.forEach(function (reply) {
      var div = showBot(reply);
      if (!first) first = div;
    });
    if (first) reveal(first);
  }

  function setPending(on) {
    pending = on;
    sendButton.disabled = on;
    form.setAttribute('aria-busy', on ? 'true' : 'false');
    var live = log.querySelectorAll('.choices:not(.stale) button');
    for (var i = 0; i < live.length; i++) live[i].disabled = on;
  }

  function send(payload, shown) {
    if (pending) return;
    setPending(true);
    if (shown) reveal(bubble('me', shown));
    payload.userId = userId;
    fetch('/api/chat', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) })
      .then(function (res) { return res.json().then(function (body) { return { status: res.status, ok: res.ok, body: body }; }); })
      .then(function (r) {
        var replies = r.body && r.body.replies;
        if (replies && replies.length) showReplies(replies);
        else if (r.status === 429) reveal(bubble('error', 'Bạn gửi hơi nhanh. Xin đợi khoảng một phút rồi nhắn tiếp.'));
        else if (!r.ok) reveal(bubble('error', 'Tin nhắn chưa gửi được. Xin thử lại.'));
      })
      .catch(function () { reveal(bubble('error', 'Không kết nối được máy chủ, xin thử lại sau.')); })
      .then(function () { setPending(false); });
  }

  function schedulePoll() {
    clearTimeout(timer);
    timer = setTimeout(poll, document.hidden ? HIDDEN_POLL_MS : POLL_MS);
  }

  // Messages the bot sends on its own (a report's status changed) wait on the server until this asks.
  function poll() {
    if (polling) return;
    polling = true;
    clearTimeout(timer);
    fetch('/api/chat/updates?userId=' + encodeURIComponent(userId) + '&after=' + cursor)
      .then(function (res) { return res.ok ? res.json() : null; })
      .then(function (body) {
        if (!body) return;
        // A cursor below ours: this resident's mailbox was erased (data deletion) and its numbers started again.
        var restarted = typeof body.cursor === 'number' && body.cursor < cursor;
        var fresh = restarted ? body.updates : body.updates.filter(function (u) { return u.seq > cursor; });
        cursor = restarted ? body.cursor : fresh.reduce(function (c, u) { return Math.max(c, u.seq); }, cursor);
        showReplies(fresh.map(function (u) { return u.reply; }));
      })
      .catch(function () { /* offline for a moment: the next poll asks again */ })
      .then(function () { polling = false; schedulePoll(); });
  }

  function showHistory(messages) {
    var lastBot = null;
    messages.forEach(function (m) {
      if (m.from === 'resident') bubble('me', m.text);
      else lastBot = showBot(m);
    });
    if (lastBot) reveal(lastBot);
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    if (pending) return;
    var text = input.value.trim();
    if (!text) return;
    input.value = '';
    send({ text: text }, text);
  });
  document.addEventListener('visibilitychange', function () { if (!document.hidden) poll(); });

  // A returning resident sees the conversation so far; a new one is greeted without a message they never typed.
  fetch('/api/chat/history?userId=' + encodeURIComponent(userId))
    .then(function (res) { return res.ok ? res.json() : Promise.reject(new Error(String(res.status))); })
    .then(function (history) {
      cursor = history.cursor || 0;
      if (history.messages.length) showHistory(history.messages);
      else send({ event: 'open' }, null);
    })
    .catch(function () { send({ event: 'open' }, null); })
    .then(schedulePoll);
})();
`;
