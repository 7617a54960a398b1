import type { ChannelAdapter, ChannelCapabilities, Fetch } from '../../../bot/ports/channel.ts';
import { parseTelegramUpdate } from './parse.ts';
import { MAX_TEXT_LENGTH, renderTelegram } from './render.ts';
import { sendTelegramMessage } from './send.ts';
import { verifySecretToken } from './verify.ts';

export interface TelegramConfig {
  /** From @BotFather: `123456:ABC-...`. */
  readonly botToken: string;
  /** The `secret_token` given to setWebhook (1-256 characters of A-Z a-z 0-9 _ -). */
  readonly webhookSecret: string;
  /** Default https://api.telegram.org; a local Bot API server or a test stub can stand in. */
  readonly apiBase?: string;
  readonly fetch: Fetch;
  /** How long one sendMessage may take before it counts as failed; default 10 000 ms. */
  readonly timeoutMs?: number;
}

export const TELEGRAM_CAPABILITIES: ChannelCapabilities = { maxTextLength: MAX_TEXT_LENGTH, buttons: true, location: true, images: true };

export function createTelegramAdapter(config: TelegramConfig): ChannelAdapter {
  // An empty token or secret is a deployment mistake: fail at start rather than refuse every webhook or send.
  if (config.botToken === '') throw new Error('Telegram adapter: botToken is empty');
  if (config.webhookSecret === '') throw new Error('Telegram adapter: webhookSecret is empty');
  const sendConfig = {
    botToken: config.botToken,
    apiBase: (config.apiBase ?? 'https://api.telegram.org').replace(/\/+$/, ''),
    fetch: config.fetch,
    timeoutMs: config.timeoutMs ?? 10_000,
  };
  return {
    id: 'telegram',
    capabilities: TELEGRAM_CAPABILITIES,
    verify: async (raw) => verifySecretToken(raw, config.webhookSecret),
    parse: (raw, now) => parseTelegramUpdate(raw.body, now),
    render: renderTelegram,
    send: (target, payload) => sendTelegramMessage(sendConfig, target, payload),
  };
}
