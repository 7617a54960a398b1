/**
 * npm run telegram:webhook — registers ${PUBLIC_BASE_URL}/webhooks/telegram with Telegram, with the secret
 * Telegram will send back in X-Telegram-Bot-Api-Secret-Token on every update.
 */
const env = process.env;
const token = env.TELEGRAM_BOT_TOKEN;
const secret = env.TELEGRAM_WEBHOOK_SECRET;
const base = env.PUBLIC_BASE_URL?.replace(/\/$/, '');
const apiBase = (env.TELEGRAM_API_BASE ?? 'https://api.telegram.org').replace(/\/$/, '');

const missing = [['TELEGRAM_BOT_TOKEN', token], ['TELEGRAM_WEBHOOK_SECRET', secret], ['PUBLIC_BASE_URL', base]].filter(([, v]) => !v).map(([k]) => k);
if (missing.length > 0) {
  console.error(`Set ${missing.join(', ')} first (see README, "Telegram").`);
  process.exit(2);
}
if (!/^[A-Za-z0-9_-]{1,256}$/.test(secret as string)) {
  console.error('TELEGRAM_WEBHOOK_SECRET must be 1-256 characters of A-Z a-z 0-9 _ -');
  process.exit(2);
}
if (!(base as string).startsWith('https://')) {
  console.error('PUBLIC_BASE_URL must be an https:// address Telegram can reach (ports 443, 80, 88 or 8443).');
  process.exit(2);
}

const url = `${base}/webhooks/telegram`;
const response = await fetch(`${apiBase}/bot${token}/setWebhook`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ url, secret_token: secret, allowed_updates: ['message', 'callback_query', 'my_chat_member'] }),
  signal: AbortSignal.timeout(15_000),
});
const result = (await response.json().catch(() => ({}))) as { ok?: boolean; description?: string };
if (!response.ok || !result.ok) {
  console.error(`Telegram refused the webhook (${response.status}): ${result.description ?? 'no description'}`);
  process.exit(1);
}
console.log(`Telegram will deliver updates to ${url}`);
