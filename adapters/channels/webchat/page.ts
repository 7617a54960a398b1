/**
 * The web chat: one small page and its script, served by the HTTP app. No build step and no framework so the
 * province's IT team can read it; the script only talks to POST /api/chat.
 */
const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

export function chatPage(title: string, zaloSiteVerification?: string): string {
  const safeTitle = escapeHtml(title);
  const verification = zaloSiteVerification ? `\n<meta name="zalo-platform-site-verification" content="${escapeHtml(zaloSiteVerification)}">` : '';
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${safeTitle}</title>${verification}
<link rel="stylesheet" href="/chat.css">
</head>
<body>
<header><h1>${safeTitle}</h1><p>Hỏi về thủ tục hành chính hoặc gửi phản ánh. Có dấu hay không dấu đều được.</p></header>
<main id="log" aria-live="polite"></main>
<form id="composer" autocomplete="off">
  <label for="text" class="visually-hidden">Tin nhắn</label>
  <input id="text" name="text" maxlength="2000" placeholder="Nhập câu hỏi, ví dụ: làm căn cước ở đâu" required>
  <button type="submit">Gửi</button>
</form>
<script src="/chat.js" defer></script>
</body>
</html>`;
}

export const CHAT_CSS = `
*{box-sizing:border-box}body{margin:0;font:16px/1.45 system-ui,sans-serif;background:#f3f5f8;color:#1b1f24;display:flex;flex-direction:column;height:100vh}
header{background:#b3261e;color:#fff;padding:10px 16px}header h1{margin:0;font-size:1.15rem}header p{margin:2px 0 0;font-size:.85rem;opacity:.9}
main{flex:1;overflow-y:auto;padding:12px 16px;display:flex;flex-direction:column;gap:8px}
.msg{max-width:80%;padding:8px 12px;border-radius:12px;white-space:pre-wrap;word-wrap:break-word}
.me{align-self:flex-end;background:#1a73e8;color:#fff}.bot{align-self:flex-start;background:#fff;border:1px solid #d9dde3}
.error{align-self:center;background:#fdecea;color:#8a1c13;font-size:.9rem}
.choices{display:flex;flex-direction:column;gap:6px;margin-top:8px}
.choices button{text-align:left;padding:8px 10px;border:1px solid #1a73e8;border-radius:8px;background:#fff;color:#1a73e8;font:inherit;cursor:pointer}
.choices button:hover{background:#e8f0fe}
form{display:flex;gap:8px;padding:10px 16px;background:#fff;border-top:1px solid #d9dde3}
input{flex:1;padding:10px;font:inherit;border:1px solid #b8bec7;border-radius:8px}
form button{padding:10px 16px;font:inherit;background:#b3261e;color:#fff;border:0;border-radius:8px;cursor:pointer}
.visually-hidden{position:absolute;left:-9999px}
`;

export const CHAT_JS = `
(function () {
  var log = document.getElementById('log');
  var form = document.getElementById('composer');
  var input = document.getElementById('text');
  var userId = localStorage.getItem('chatUserId');
  if (!userId) { userId = 'web-' + Math.random().toString(36).slice(2, 12); localStorage.setItem('chatUserId', userId); }

  function bubble(kind, text) {
    var div = document.createElement('div');
    div.className = 'msg ' + kind;
    div.textContent = text;
    log.appendChild(div);
    log.scrollTop = log.scrollHeight;
    return div;
  }

  function showReply(reply) {
    var div = bubble('bot', reply.text);
    if (reply.kind === 'link') {
      var a = document.createElement('a'); a.href = reply.url; a.textContent = reply.url; a.rel = 'noopener'; a.target = '_blank';
      div.appendChild(document.createElement('br')); div.appendChild(a);
    }
    if (reply.kind === 'choices') {
      var box = document.createElement('div'); box.className = 'choices';
      reply.options.forEach(function (option, i) {
        var b = document.createElement('button'); b.type = 'button';
        b.textContent = (i + 1) + '. ' + option.title;
        b.addEventListener('click', function () { send({ choice: option.value }, option.title); });
        box.appendChild(b);
      });
      div.appendChild(box);
    }
  }

  function send(payload, shown) {
    bubble('me', shown);
    payload.userId = userId;
    fetch('/api/chat', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) })
      .then(function (res) { return res.json().then(function (body) { return { ok: res.ok, body: body }; }); })
      .then(function (r) {
        if (!r.ok) { bubble('error', r.body.error || 'Có lỗi, xin thử lại.'); return; }
        r.body.replies.forEach(showReply);
      })
      .catch(function () { bubble('error', 'Không kết nối được máy chủ, xin thử lại sau.'); });
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var text = input.value.trim();
    if (!text) return;
    input.value = '';
    send({ text: text }, text);
  });
  send({ choice: 'intent:greeting' }, 'Xin chào');
})();
`;
