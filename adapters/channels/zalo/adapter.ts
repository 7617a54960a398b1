import type { ChannelAdapter, Fetch } from '../../../bot/ports/channel.ts';
import { parseZaloEvent } from './parse.ts';
import { renderZaloReply, ZALO_MAX_TEXT_LENGTH } from './render.ts';
import { sendZaloMessage } from './send.ts';
import { verifyZaloSignature } from './verify.ts';

export interface ZaloAdapterConfig {
  readonly appId: string;
  /** The OA Secret Key from the app's webhook page (signs inbound events); not the App Secret. */
  readonly oaSecretKey: string;
  /** Default https://openapi.zalo.me. */
  readonly apiBase?: string;
  /** The current OA access token; refreshing it (oauth.ts) is the caller's job, since refresh tokens are single-use. */
  readonly accessToken: () => Promise<string>;
  readonly fetch: Fetch;
  /** Per send request; default 10 s. */
  readonly timeoutMs?: number;
  /** The clock the night ban is waited out by; the system clock unless given. */
  readonly now?: () => Date;
}

/** The Zalo Official Account channel (CHANNELS.md §1). */
export function createZaloAdapter(config: ZaloAdapterConfig): ChannelAdapter {
  const send = {
    apiBase: (config.apiBase ?? 'https://openapi.zalo.me').replace(/\/+$/, ''),
    accessToken: config.accessToken,
    fetch: config.fetch,
    timeoutMs: config.timeoutMs ?? 10_000,
    now: config.now ?? (() => new Date()),
  };
  return {
    id: 'zalo',
    capabilities: { maxTextLength: ZALO_MAX_TEXT_LENGTH, buttons: true, location: true, images: true },
    verify: (raw, now) => verifyZaloSignature(raw, now, config),
    parse: (raw, now) => parseZaloEvent(raw.body, now),
    render: renderZaloReply,
    // Quoting the answered message (quote_message_id) is left out: the field is disputed (CHANNELS.md §1.7).
    send: (target, payload) => sendZaloMessage(send, target, payload),
  };
}
