import { createHmac } from 'node:crypto';
import { createApp } from '../adapters/http/app.ts';
import { silentLogger } from '../adapters/http/logger.ts';
import { adminDeps } from '../adapters/runtime/admin-deps.ts';
import { DEFAULT_AUTH } from '../admin/config.ts';
import { listen, staffClient } from './admin-rig.ts';
import { GATEWAY, startRig } from './channel-rig.ts';

/** "Mon-Sun 00:00-24:00": the desk always open, so the in-hours path is tested whatever the clock says. */
export const ALWAYS_OPEN = 'Mon-Sun 00:00-24:00';
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** A schedule that is closed now (Viet Nam time): one morning two days from today. */
export function closedToday(now = new Date()): string {
  const weekday = new Date(now.getTime() + 7 * 3600_000).getUTCDay();
  return `${DAYS[(weekday + 2) % 7]} 07:00-11:30`;
}

/**
 * The whole product (channel stubs for Telegram, Zalo, Twilio and the SMS gateway) plus the staff workspace
 * wired as the Node runtime wires it (adminDeps), on its own loopback port for the browser.
 */
export async function handoffRig(env: Record<string, string> = {}) {
  const rig = await startRig({ env: { HANDOFF_HOURS: ALWAYS_OPEN, ...env } });
  // PBKDF2 at a low count: hashing cost is tested on its own in admin-auth.test.ts.
  const admin = { ...adminDeps(rig.product, {}), config: { ...DEFAULT_AUTH, passwordIterations: 1000 }, clientAddress: () => '203.0.113.7' };
  const app = createApp({
    bot: rig.product.bot, logger: silentLogger, now: () => new Date(), title: 'Trợ lý', health: () => ({}),
    channels: rig.product.channels, pipeline: rig.product.pipeline, webchat: rig.product.webchat, admin,
  });
  const { base: adminBase, close: closeServer } = await listen(app);

  const { request, createStaff, login, postForm } = staffClient(app, rig.product.staff.accounts, { iterations: 1000, landing: '/admin' });

  let gatewaySeq = 0;
  /** A signed sms:received from the SMS gateway phone. */
  function gatewaySms(phoneNumber: string, message: string) {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const body = JSON.stringify({ id: `evt-h-${++gatewaySeq}`, webhookId: 'wh', deviceId: 'dev', event: 'sms:received', payload: { messageId: `m-h-${gatewaySeq}`, message, phoneNumber, simNumber: 1, receivedAt: new Date().toISOString() } });
    const signature = createHmac('sha256', GATEWAY.key).update(body + timestamp).digest('hex');
    return rig.post('/webhooks/sms/gateway', body, { 'content-type': 'application/json', 'x-signature': signature, 'x-timestamp': timestamp });
  }

  /** The newest hand-off of a conversation, straight from the table. */
  async function handoffOf(channel: string, userId: string) {
    const id = await rig.product.conversations.idFor(channel as never, userId);
    return rig.database.db.selectFrom('handoffs').selectAll().where('conversation_id', '=', id).orderBy('requested_at', 'desc').executeTakeFirst();
  }

  return {
    ...rig,
    app,
    adminBase,
    request,
    createStaff,
    login,
    postForm,
    gatewaySms,
    handoffOf,
    close: async () => {
      await closeServer();
      await rig.close();
    },
  };
}

export type HandoffRig = Awaited<ReturnType<typeof handoffRig>>;
