/**
 * The web chat page, served by the HTTP app. No build step and no framework so the province's IT team can read
 * it; the script (chat-script.ts) and the style (chat-style.ts) are separate files because the content security
 * policy allows no inline code.
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
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/chat.css">
</head>
<body>
<header><h1>${safeTitle}</h1><p>Hỏi về thủ tục hành chính hoặc gửi phản ánh. Có dấu hay không dấu đều được.</p></header>
<main id="log" aria-live="polite"></main>
<form id="composer" autocomplete="off">
  <label for="text" class="visually-hidden">Tin nhắn</label>
  <input id="text" name="text" maxlength="2000" placeholder="Nhập câu hỏi, ví dụ: làm căn cước ở đâu" required>
  <button id="send" type="submit">Gửi</button>
</form>
<script src="/chat.js" defer></script>
</body>
</html>`;
}
