import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import twilio from 'twilio';
import type { Update } from 'telegraf/types';
import { createApp } from '../adapters/http/app.ts';
import { silentLogger } from '../adapters/http/logger.ts';
import { assemble, type Assembly, type AssembleOptions } from '../adapters/runtime/assemble.ts';
import { createNodeFetch } from '../adapters/runtime/node-fetch.ts';
import { open311Deps } from '../adapters/runtime/open311-deps.ts';
import { startStubPlatform, type StubPlatform } from './stub-platform.ts';
import { TEST_SITE, temporaryDatabase } from './helpers.ts';

export const TELEGRAM_SECRET = 'tg-secret_42';
export const ZALO = { appId: '2553928453557884079', appSecret: 'zalo-app-secret', oaSecret: 'zalo-oa-secret' };
export const TWILIO = { sid: 'AC' + '0'.repeat(32), token: 'twilio-auth-token', from: '+15005550006' };
export const GATEWAY = { user: 'sms', password: 'gateway-pass', key: 'gateway-signing-key' };
export const PUBLIC_BASE = 'https://tro-ly.example.gov.vn';
export const STAFF_TOKEN = 'staff-token';
export const OPEN311_KEY = 'open311-key';

/**
 * The whole product on a real SQLite file and a loopback port, with stub platforms standing in for Telegram,
 * Zalo, Twilio and the SMS gateway: what the channel and report tests drive.
 */
export async function startRig(options: Omit<AssembleOptions, 'env'> & { env?: Record<string, string> } = {}) {
  let zaloGeneration = 0;
  const stub: StubPlatform = await startStubPlatform({
    '/sendMessage': (call) => ({ body: { ok: true, result: { message_id: stub.callsTo('/sendMessage').length, chat: { id: JSON.parse(call.body).chat_id } } } }),
    '/v3.0/oa/message/cs': () => ({ body: { error: 0, message: 'Success', data: { message_id: 'zmsg-' + stub.callsTo('/v3.0/oa/message/cs').length } } }),
    '/v4/oa/access_token': () => {
      zaloGeneration++;
      return { body: { access_token: `access-${zaloGeneration}`, refresh_token: `refresh-${zaloGeneration}`, expires_in: '90000' } };
    },
    '/Messages.json': () => ({ status: 201, body: { sid: 'SM' + 'f'.repeat(32) } }),
    '/message': () => ({ status: 202, body: { id: 'gw-1', state: 'Pending' } }),
  });
  const database = temporaryDatabase();
  const env = {
    PUBLIC_BASE_URL: PUBLIC_BASE,
    TELEGRAM_BOT_TOKEN: '123456:TEST-token',
    TELEGRAM_WEBHOOK_SECRET: TELEGRAM_SECRET,
    TELEGRAM_API_BASE: stub.base,
    ZALO_APP_ID: ZALO.appId,
    ZALO_APP_SECRET: ZALO.appSecret,
    ZALO_OA_SECRET_KEY: ZALO.oaSecret,
    ZALO_ACCESS_TOKEN: 'access-0',
    ZALO_REFRESH_TOKEN: 'refresh-0',
    ZALO_API_BASE: stub.base,
    ZALO_OAUTH_BASE: stub.base,
    TWILIO_ACCOUNT_SID: TWILIO.sid,
    TWILIO_AUTH_TOKEN: TWILIO.token,
    TWILIO_FROM: TWILIO.from,
    TWILIO_API_BASE: stub.base,
    SMS_GATEWAY_URL: stub.base,
    SMS_GATEWAY_USER: GATEWAY.user,
    SMS_GATEWAY_PASSWORD: GATEWAY.password,
    SMS_GATEWAY_SIGNING_KEY: GATEWAY.key,
    RATE_LIMIT_PER_MINUTE: '200',
    ...options.env,
  };
  // The channel APIs called as node.ts calls them (node-fetch.ts), unless a test brings its own fetch.
  const product: Assembly = await assemble(database.db, TEST_SITE, { outboxBaseDelayMs: 5, random: () => 0.5, fetch: createNodeFetch(), ...options, env });
  // The initial Zalo pair is stored as due for refresh; give it a long life so tests control refreshes.
  await database.db.updateTable('channel_tokens').set({ expires_at: new Date(Date.now() + 86_400_000).toISOString() }).execute();
  const app = createApp({
    bot: product.bot, logger: silentLogger, now: () => new Date(), title: 'Trợ lý', health: () => ({}),
    channels: product.channels, pipeline: product.pipeline,
    staff: { token: STAFF_TOKEN, outbox: product.outbox, reports: product.reports, reportService: product.reportService, conversations: product.conversations },
    open311: open311Deps(product, TEST_SITE, OPEN311_KEY),
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let telegramSeq = 700_000_000;
  let zaloSeq = 0;
  let twilioSeq = 0;

  const post = (path: string, body: string, headers: Record<string, string>) => fetch(`${base}${path}`, { method: 'POST', headers, body });

  /** Waits for background handling, then runs the outbox until nothing is pending (bounded). */
  async function drain(): Promise<void> {
    await product.settled();
    for (let i = 0; i < 100; i++) {
      await product.worker.runOnce();
      if ((await product.outbox.pending(1)).length === 0) return;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('the outbox did not drain');
  }

  function zaloSigned(event: Record<string, unknown>) {
    const body = JSON.stringify(event);
    const mac = createHash('sha256').update(`${ZALO.appId}${body}${String(event.timestamp)}${ZALO.oaSecret}`).digest('hex');
    return { body, headers: { 'content-type': 'application/json', 'x-zevent-signature': `mac=${mac}` } };
  }

  const telegramChat = { type: 'private' as const, first_name: 'An' };
  return {
    stub,
    database,
    product,
    base,
    drain,
    post,
    zaloSigned,
    telegram: {
      send: (update: Update) => post('/webhooks/telegram', JSON.stringify(update), { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TELEGRAM_SECRET }),
      text: (chatId: number, text: string): Update => {
        const id = ++telegramSeq;
        return { update_id: id, message: { message_id: id % 100000, date: Math.floor(Date.now() / 1000), chat: { id: chatId, ...telegramChat }, from: { id: chatId, is_bot: false, first_name: 'An' }, text } };
      },
      location: (chatId: number, latitude: number, longitude: number): Update => {
        const id = ++telegramSeq;
        return { update_id: id, message: { message_id: id % 100000, date: Math.floor(Date.now() / 1000), chat: { id: chatId, ...telegramChat }, from: { id: chatId, is_bot: false, first_name: 'An' }, location: { latitude, longitude } } };
      },
      photo: (chatId: number, fileId: string): Update => {
        const id = ++telegramSeq;
        return {
          update_id: id,
          message: {
            message_id: id % 100000, date: Math.floor(Date.now() / 1000), chat: { id: chatId, ...telegramChat }, from: { id: chatId, is_bot: false, first_name: 'An' },
            photo: [{ file_id: fileId + '-small', file_unique_id: 'u1', width: 90, height: 90 }, { file_id: fileId, file_unique_id: 'u2', width: 1280, height: 960 }],
          },
        };
      },
      tap: (chatId: number, data: string): Update => {
        const id = ++telegramSeq;
        return { update_id: id, callback_query: { id: `cbq-${id}`, chat_instance: '-1', from: { id: chatId, is_bot: false, first_name: 'An' }, data, message: { message_id: 1, date: Math.floor(Date.now() / 1000), chat: { id: chatId, ...telegramChat }, text: '...' } } } as Update;
      },
      /** What the bot sent to one chat, oldest first. */
      sentTo: (chatId: number) => stub.callsTo('/sendMessage').map((c) => JSON.parse(c.body) as { chat_id: string; text: string; reply_markup?: Record<string, unknown> }).filter((m) => String(m.chat_id) === String(chatId)),
    },
    zalo: {
      text: (userId: string, text: string) => {
        const signed = zaloSigned({ app_id: ZALO.appId, event_name: 'user_send_text', timestamp: String(Date.now()), sender: { id: userId }, recipient: { id: '3662729599332560487' }, message: { msg_id: `zin-${++zaloSeq}`, text } });
        return post('/webhooks/zalo', signed.body, signed.headers);
      },
      location: (userId: string, latitude: number, longitude: number) => {
        const signed = zaloSigned({
          app_id: ZALO.appId, event_name: 'user_send_location', timestamp: String(Date.now()), sender: { id: userId }, recipient: { id: '3662729599332560487' },
          message: { msg_id: `zin-${++zaloSeq}`, text: '', attachments: [{ type: 'location', payload: { coordinates: { latitude: String(latitude), longitude: String(longitude) } } }] },
        });
        return post('/webhooks/zalo', signed.body, signed.headers);
      },
      sentTo: (userId: string) => stub.callsTo('/v3.0/oa/message/cs').map((c) => JSON.parse(c.body) as { recipient: { user_id: string }; message: { text: string } }).filter((m) => m.recipient.user_id === userId),
    },
    /** Sends an SMS through the Twilio webhook and returns the TwiML reply text. */
    sms: async (from: string, text: string): Promise<string> => {
      const params = { MessageSid: 'SM' + String(++twilioSeq).padStart(32, '0'), AccountSid: TWILIO.sid, From: from, To: TWILIO.from, Body: text };
      const signature = twilio.getExpectedTwilioSignature(TWILIO.token, `${PUBLIC_BASE}/webhooks/sms/twilio`, params);
      const res = await post('/webhooks/sms/twilio', new URLSearchParams(params).toString(), { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature });
      return res.text();
    },
    staff: (path: string, body?: unknown) =>
      fetch(`${base}/api/staff${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { authorization: `Bearer ${STAFF_TOKEN}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    close: async () => {
      await product.settled();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await stub.close();
      await database.cleanup();
    },
  };
}

export type Rig = Awaited<ReturnType<typeof startRig>>;
