/**
 * How the bot learns from real traffic: questions it did not answer well are kept (not understood, low
 * confidence, clarifications nobody picked), grouped by similarity, and staff add one as an example phrasing
 * (then publish: the bot answers it), start a new entry from it, or dismiss it for good.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { groupQuestions } from '../bot/unanswered-groups.ts';
import { unansweredReason, type UnansweredQuestion } from '../bot/unanswered-store.ts';
import type { Session } from './admin-rig.ts';
import { handoffRig, type HandoffRig } from './admin-handoffs-rig.ts';
import { textMessage } from './helpers.ts';

let rig: HandoffRig;
let editor: Session;
let viewer: Session;
before(async () => {
  rig = await handoffRig();
  await rig.createStaff('bientap', 'editor');
  await rig.createStaff('xem', 'viewer');
  editor = await rig.login('bientap');
  viewer = await rig.login('xem');
});
after(() => rig.close());

const ask = (text: string, userId: string) => rig.product.bot.handle(textMessage(text, userId));
const page = async (session: Session) => (await rig.request('/admin/unanswered', { jar: session.jar })).text();
/** Clarifications count once their options have expired (a pick within 30 minutes takes them back). */
const expireClarifications = () => rig.database.db.updateTable('unanswered').set({ created_at: new Date(Date.now() - 40 * 60_000).toISOString() }).where('reason', '=', 'clarified').execute();

function question(text: string, at: string, extra: Partial<UnansweredQuestion> = {}): UnansweredQuestion {
  return { id: `${text}@${at}`, conversationId: 'c', channel: 'webchat', text, reason: 'not-understood', bestLabel: null, bestScore: null, status: 'open', createdAt: at, ...extra };
}

test('grouping: folded wordings and near repeats share a group with count and first/last dates; the result does not depend on order', () => {
  const questions = [
    question('Làm căn cước ở đâu?', '2026-03-01T01:00:00Z'),
    question('lam can cuoc o dau vay', '2026-03-03T01:00:00Z'),
    question('LÀM CĂN CƯỚC Ở ĐÂU', '2026-03-02T01:00:00Z'),
    question('làm thẻ căn cước ở đâu', '2026-03-04T01:00:00Z', { reason: 'low-confidence', bestLabel: 'kb:can-cuoc' }),
    question('đăng ký khai sinh ở đâu', '2026-03-02T05:00:00Z'),
    question('giá vé xe buýt', '2026-03-05T01:00:00Z'),
  ];
  const options = { clarifiedGraceMs: 0, now: new Date('2026-03-06T00:00:00Z') };
  const { groups } = groupQuestions(questions, [], options);
  assert.deepEqual(groups.map((g) => [g.key, g.count]), [['lam can cuoc o dau', 4], ['gia ve xe buyt', 1], ['dang ky khai sinh o dau', 1]]);
  const first = groups[0]!;
  assert.equal(first.firstAt, '2026-03-01T01:00:00Z');
  assert.equal(first.lastAt, '2026-03-04T01:00:00Z');
  assert.deepEqual(first.reasons, { 'not-understood': 3, 'low-confidence': 1 });
  assert.equal(first.likelyEntry, 'can-cuoc');
  assert.deepEqual(groupQuestions([...questions].reverse(), [], options), groupQuestions(questions, [], options));
  // A fresh clarification may still be answered with a pick: not counted yet.
  const fresh = groupQuestions([question('abc xyz', '2026-03-05T23:50:00Z', { reason: 'clarified' })], [], { clarifiedGraceMs: 30 * 60_000, now: options.now });
  assert.equal(fresh.groups.length, 0);
});

test('what is kept: not understood, low-confidence answers from the knowledge base, clarifications nobody picked', async () => {
  assert.equal(unansweredReason({ kind: 'not-understood', guess: { label: 'kb:x', score: 0.1 } }), 'not-understood');
  assert.equal(unansweredReason({ kind: 'answer', label: 'kb:can-cuoc', score: 0.3 }), 'low-confidence');
  assert.equal(unansweredReason({ kind: 'answer', label: 'kb:can-cuoc', score: 0.9 }), undefined);
  assert.equal(unansweredReason({ kind: 'answer', label: 'intent:greeting', score: 0.3 }), undefined, 'a weak greeting misleads nobody');

  const [asked] = await ask('tấm thẻ nhựa gắn chíp của tôi bị gãy đôi', 'u-pick');
  assert.equal(asked?.kind, 'choices', 'a clarification');
  const id = await rig.product.conversations.idFor('webchat', 'u-pick');
  const rows = () => rig.database.db.selectFrom('unanswered').select('reason').where('conversation_id', '=', id).execute();
  assert.deepEqual((await rows()).map((r) => r.reason), ['clarified']);
  await ask('1', 'u-pick');
  assert.deepEqual(await rows(), [], 'picked: it was understood after all');
});

test('the page lists groups with counts and dates; viewers read, editors act; residents\' markup is text', async () => {
  await ask('<script>alert(1)</script> thủ tục nuôi chim yến trong nhà', 'u-xss');
  const seen = await page(viewer);
  assert.match(seen, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.doesNotMatch(seen, /<script>alert/);
  assert.match(seen, /\d+ lần<\/strong> · lần đầu <time/);
  assert.doesNotMatch(seen, /action="\/admin\/unanswered\/example"/, 'no editing for viewers');
  const edit = await page(editor);
  assert.match(edit, /action="\/admin\/unanswered\/example"/);
  assert.match(edit, /<label for="g\d+-entry">Thêm làm câu ví dụ cho mục<\/label>/);
  assert.match(edit, /href="\/admin\/knowledge\/new\?example=%3Cscript%3Ealert/);
  assert.equal((await rig.postForm('/admin/unanswered/dismiss', viewer, { key: 'x' })).status, 403);
});

test('a dismissed group stays dismissed when the same question comes again', async () => {
  await ask('tỷ số trận bóng đá tối qua', 'u-d1');
  await ask('Tỷ số trận bóng đá tối qua?', 'u-d2');
  assert.match(await page(editor), /tỷ số trận bóng đá tối qua/i);
  assert.equal((await rig.postForm('/admin/unanswered/dismiss', editor, { key: 'ty so tran bong da toi qua' })).status, 303);
  assert.doesNotMatch(await page(editor), /trận bóng đá/);

  await ask('ty so tran bong da toi qua', 'u-d3');
  await ask('cho hỏi tỷ số trận bóng đá tối qua', 'u-d4');
  const later = await page(editor);
  assert.doesNotMatch(later, /trận bóng đá|tran bong da/);
  assert.match(later, /câu thuộc các nhóm đã bỏ qua được ẩn/);
  const audit = await rig.product.staff.auditLog.list({ action: 'unanswered.dismiss', limit: 5 });
  assert.equal(audit[0]?.actor, 'bientap');
});

test('add as example + publish: the bot now answers the question', async () => {
  const text = 'tấm thẻ nhựa gắn chíp của tôi bị gãy đôi';
  const [first] = await ask(text, 'u-ex1');
  assert.doesNotMatch(first?.text ?? '', /^Thẻ căn cước/, 'not answered before');
  await ask('con cá vàng', 'u-ex1');
  await expireClarifications();
  const html = await page(editor);
  assert.match(html, new RegExp(`“${text}”`));
  const response = await rig.postForm('/admin/unanswered/example', editor, { key: 'tam the nhua gan chip cua toi bi gay doi', entry: 'can-cuoc' });
  assert.equal(response.status, 303);
  assert.equal(response.headers.get('location'), '/admin/unanswered?done=published');
  await rig.product.live.idle();
  const [answer] = await ask(text, 'u-ex2');
  assert.match(answer?.text ?? '', /căn cước/i);
  assert.equal(answer?.kind, 'text');
  assert.ok((await rig.product.publishing.draftOf('can-cuoc'))?.examples.includes(text));
  assert.doesNotMatch(await page(editor), new RegExp(`“${text}”`), 'done: off the list');
  const actions = (await rig.product.staff.auditLog.list({ limit: 20 })).map((a) => a.action);
  assert.ok(actions.includes('unanswered.example') && actions.includes('kb.publish'), actions.join(','));
});
