/** The chat page's style. `100dvh` keeps the composer and new buttons above a phone's browser bar. */
export const CHAT_CSS = `
*{box-sizing:border-box}body{margin:0;font:16px/1.45 system-ui,sans-serif;background:#f3f5f8;color:#1b1f24;display:flex;flex-direction:column;height:100vh;height:100dvh}
header{background:#b3261e;color:#fff;padding:10px 16px}header h1{margin:0;font-size:1.15rem}header p{margin:2px 0 0;font-size:.85rem;opacity:.9}
main{flex:1;min-height:0;position:relative;overflow-y:auto;padding:12px 16px;display:flex;flex-direction:column;gap:8px}
.msg{max-width:80%;padding:8px 12px;border-radius:12px;white-space:pre-wrap;overflow-wrap:anywhere}
.me{align-self:flex-end;background:#1a73e8;color:#fff}.bot{align-self:flex-start;background:#fff;border:1px solid #d9dde3}
.bot a{color:#1a56b0}
.error{align-self:center;background:#fdecea;color:#8a1c13;font-size:.9rem}
.choices{display:flex;flex-direction:column;gap:6px;margin-top:8px}
.choices button{text-align:left;padding:8px 10px;border:1px solid #1a73e8;border-radius:8px;background:#fff;color:#1a73e8;font:inherit;cursor:pointer}
.choices button:hover:enabled{background:#e8f0fe}
.choices button:disabled{border-color:#c3c8cf;color:#6b7280;cursor:default}
form{display:flex;gap:8px;padding:10px 16px;background:#fff;border-top:1px solid #d9dde3}
input{flex:1;min-width:0;padding:10px;font:inherit;border:1px solid #b8bec7;border-radius:8px}
form button{padding:10px 16px;font:inherit;background:#b3261e;color:#fff;border:0;border-radius:8px;cursor:pointer}
form button:disabled{opacity:.55;cursor:progress}
.visually-hidden{position:absolute;left:-9999px}
@media (max-width:480px){.msg{max-width:92%}main{padding:10px}}
`;
