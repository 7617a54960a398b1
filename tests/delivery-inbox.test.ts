import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import twilio from 'twilio';
import { createInbox } from '../adapters/storage/inbox-store.ts';
import { openSqlite } from '../adapters/storage/sqlite.ts';
import type { IncomingMessage } from '../bot/types.ts';
import { PUBLIC_BASE, startRig, TWILIO, type Rig } from './channel-rig.ts';

/** Recovery of accepted messages (any age, any count, claimed once) and Twilio repeats, on the real product. */

let rig: Rig;

before(async () => {
  rig = await startRig();
});

after(async () => rig.close());

function telegramText(updateId: number, chatId: number, text: string): IncomingMessage {
  return { kind: 'text', channel: 'telegram', userId: String(chatId), messageId: String(updateId), receivedAt: new Date(), text };
}

test('every accepted message left unhandled is claimed once, whatever the count, and only after its lease ran out', async () => {
  const inbox = createInbox(rig.database.db, () => new Date(), 60_000);
  const total = 250; // the old recovery took at most 100, and none younger than 60 s
  for (let i = 0; i < total; i++) assert.equal(await inbox.accept(telegramText(500_000 + i, 4000 + i, 'xin chao'), 'telegram', `conv-claim-${i}`), true);
  assert.equal(await inbox.accept(telegramText(500_000, 4000, 'xin chao'), 'telegram', 'conv-claim-0'), false, 'a repeat is not accepted again');

  assert.equal((await createInbox(rig.database.db).claimUnhandled(1000)).length, 0, 'nothing is taken while the accepting process holds it');
  // A minute later (an injected clock): the accepting process is gone and its leases have run out.
  const later = () => new Date(Date.now() + 61_000);
  const a = createInbox(rig.database.db, later, 60_000);
  const second = openSqlite(rig.database.path);
  try {
    const b = createInbox(second, later, 60_000);
    // Two recovery passes (two instances) at once: between them they take every message, none twice.
    const claimed: string[][] = [[], []];
    await Promise.all([a, b].map(async (claimer, n) => {
      for (;;) {
        const batch = await claimer.claimUnhandled(20);
        if (batch.length === 0) return;
        claimed[n]!.push(...batch.map((c) => c.message.messageId));
      }
    }));
    const all = [...claimed[0]!, ...claimed[1]!].filter((id) => Number(id) >= 500_000 && Number(id) < 500_000 + total);
    assert.equal(all.length, total);
    assert.equal(new Set(all).size, total, 'no message claimed by both');
    assert.equal((await a.claimUnhandled(1000)).length, 0, 'claimed messages are not offered again within their lease');
  } finally {
    await second.destroy();
    await rig.database.db.updateTable('inbox').set({ handled_at: new Date().toISOString() }).where('conversation_id', 'like', 'conv-claim-%').execute();
  }
});

test('a message a stopped process accepted a moment ago is handled by the next recovery pass and answered', async () => {
  // Accepted (and acknowledged) by a process that then died: its 1 ms lease has run out, its age is seconds.
  const dead = createInbox(rig.database.db, () => new Date(), 1);
  const message = telegramText(600_001, 6001, 'lam ho chieu o dau');
  await dead.accept(message, 'telegram', await rig.product.conversations.idFor('telegram', '6001'));
  await new Promise((r) => setTimeout(r, 5));
  assert.equal(await rig.product.pipeline.recover(rig.product.channels), 1);
  await rig.drain();
  const sent = rig.telegram.sentTo(6001);
  assert.ok(sent.length >= 1);
  assert.match(sent[0]!.text, /hộ chiếu/i);
  assert.equal(await rig.product.pipeline.recover(rig.product.channels), 0, 'handled once');
});

test('Twilio: a repeat of the same MessageSid gets the same TwiML reply, without handling it again', async () => {
  const params = { MessageSid: 'SM' + '9'.repeat(32), AccountSid: TWILIO.sid, From: '+84912777888', To: TWILIO.from, Body: 'lam giay khai sinh o dau' };
  const signature = twilio.getExpectedTwilioSignature(TWILIO.token, `${PUBLIC_BASE}/webhooks/sms/twilio`, params);
  const post = () => rig.post('/webhooks/sms/twilio', new URLSearchParams(params).toString(), { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature });
  const first = await (await post()).text();
  assert.match(first, /<Message>/);
  const stored = await rig.product.outbox.forInbound('twilio', params.MessageSid);
  const repeat = await post();
  assert.equal(repeat.status, 200);
  assert.equal(await repeat.text(), first);
  assert.equal((await rig.product.outbox.forInbound('twilio', params.MessageSid)).length, stored.length, 'nothing new stored for the repeat');
});
