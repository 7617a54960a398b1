import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createRetention } from '../bot/retention.ts';
import { redactContacts } from '../bot/reports/redact-contacts.ts';
import { createRetentionStore } from '../adapters/storage/retention-store.ts';
import { createWebChatMailbox } from '../adapters/storage/webchat-mailbox.ts';
import { migrateToLatest } from '../adapters/storage/migrate.ts';
import { privacyFromEnv } from '../adapters/runtime/privacy-from-env.ts';
import { temporaryDatabase } from './helpers.ts';

/**
 * Decree 13/2023: reports stay but are anonymised after PRIVACY_REPORT_DAYS; questions kept for staff and web chat
 * notices go after PRIVACY_TEXT_DAYS (the message log after RETENTION_MESSAGE_LOG_DAYS, tests/retention.test.ts).
 */

const database = temporaryDatabase();
const db = database.db;
const NOW = new Date('2027-06-01T00:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();

before(async () => {
  await migrateToLatest(db);
});
after(async () => database.cleanup());

async function report(code: string, updatedDaysAgo: number, extra: { conversation_id?: string | null; reporter_contact_json?: string | null } = {}) {
  const at = daysAgo(updatedDaysAgo);
  await db.insertInto('reports').values({
    code, category: 'chieu-sang', status: 'resolved', description: `Đèn tắt ở hẻm 5, liên hệ 0912 345 678 hoặc ba.tu@example.vn`,
    address: 'hẻm 5', commune: null, latitude: null, longitude: null, photo_url: null, source: 'chat',
    conversation_id: 'conv-1', reporter_contact_json: null, assignee: null, public_note: null, duplicate_of: null, created_at: at, updated_at: at, ...extra,
  }).execute();
  await db.insertInto('report_subscribers').values({ report_code: code, conversation_id: 'conv-1', channel: 'sms', user_id: '+84912345678', created_at: at }).execute();
}

test('old reports are anonymised (kept, redacted, unlinked, no followers); recent ones and texts within the period stay', async () => {
  await report('PA1001', 400);
  await report('PA1002', 400, { conversation_id: null, reporter_contact_json: '{"phone":"+84912345678","email":"ba.tu@example.vn"}' });
  await report('PA1003', 10);
  const unanswered = (id: string, days: number) => ({ id, conversation_id: 'conv-1', channel: 'sms', text: 'câu hỏi của bà Tư', reason: 'not-understood', best_label: null, best_score: null, status: 'open', created_at: daysAgo(days) });
  await db.insertInto('unanswered').values([unanswered('u-old', 200), unanswered('u-new', 5)]).execute();
  await createWebChatMailbox(db, () => new Date(daysAgo(200))).put('w1', { kind: 'text', text: 'PA1001 đã xử lý' });
  await createWebChatMailbox(db, () => new Date(daysAgo(1))).put('w1', { kind: 'text', text: 'PA1003 đang xử lý' });

  const { privacy } = privacyFromEnv({});
  const retention = createRetention({ store: createRetentionStore(db), now: () => NOW, privacy });
  const result = await retention.run();
  assert.equal(result.reportsAnonymised, 2);
  assert.equal(result.unanswered, 1);
  assert.equal(result.mailbox, 1);

  const rows = await db.selectFrom('reports').selectAll().orderBy('code').execute();
  assert.deepEqual(rows.map((r) => r.code), ['PA1001', 'PA1002', 'PA1003'], 'reports stay');
  for (const old of rows.slice(0, 2)) {
    assert.equal(old.conversation_id, null);
    assert.equal(old.reporter_contact_json, null);
    assert.equal(old.description, redactContacts('Đèn tắt ở hẻm 5, liên hệ 0912 345 678 hoặc ba.tu@example.vn'));
    assert.doesNotMatch(old.description, /0912|example/);
    assert.equal(old.updated_at, daysAgo(400), 'the public "last changed" is not moved');
  }
  assert.equal(rows[2]?.conversation_id, 'conv-1');
  assert.deepEqual((await db.selectFrom('report_subscribers').select('report_code').execute()).map((r) => r.report_code), ['PA1003']);
  assert.deepEqual((await db.selectFrom('unanswered').select('id').execute()).map((r) => r.id), ['u-new']);
  assert.equal((await db.selectFrom('webchat_mailbox').select('seq').execute()).length, 1);

  // Done once: a second run finds nothing more to anonymise.
  assert.equal((await retention.run()).reportsAnonymised, 0);
});

test('privacy settings: defaults, and a typo keeps the default instead of deleting everything', () => {
  assert.equal(privacyFromEnv({}).privacy.reportDays, 365);
  assert.equal(privacyFromEnv({ PRIVACY_REPORT_DAYS: '30' }).privacy.reportDays, 30);
  const bad = privacyFromEnv({ PRIVACY_REPORT_DAYS: '0', PRIVACY_TEXT_DAYS: 'abc' });
  assert.equal(bad.privacy.reportDays, 365);
  assert.equal(bad.privacy.textDays, 180);
  assert.equal(bad.problems.length, 2);
});
