import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { foldKey } from '../intents/fold.ts';
import { assemble } from '../adapters/runtime/assemble.ts';
import { asksForOwnReports, findReportCode, randomCode } from '../bot/reports/codes.ts';
import { confirmAnswer } from '../bot/reports/confirm-words.ts';
import { findDuplicate, similarity } from '../bot/reports/duplicates.ts';
import { distanceMetres } from '../bot/reports/gazetteer.ts';
import { readGazetteer } from '../bot/reports/gazetteer-file.ts';
import type { Report } from '../bot/reports/types.ts';
import { isoVietnam } from '../bot/reports/vietnam-time.ts';
import { TEST_SITE, temporaryDatabase, textMessage } from './helpers.ts';

const gazetteer = readGazetteer();

test('report codes are PA and digits; residents find them however they type them', () => {
  assert.match(randomCode(Math.random, 4), /^PA\d{4}$/);
  const cases: Array<[string, string | undefined]> = [
    ['tra cứu PA1234', 'PA1234'],
    ['pa 4821 toi dau roi', 'PA4821'],
    ['Mã 5566 xử lý chưa', 'PA5566'],
    ['ma so 778899', 'PA778899'],
    ['3344', 'PA3344'],
    ['đèn đường hẻm 5 tắt', undefined],
    ['nha so 12 duong 3/2', undefined],
  ];
  for (const [text, expected] of cases) assert.equal(findReportCode(text, foldKey(text)), expected, text);
});

test('a yes or a no to the confirmation in the resident\'s own words; anything with another word in it is neither', () => {
  const cases: Array<[string, ReturnType<typeof confirmAnswer>]> = [
    ['ok gửi đi', 'yes'],
    ['Dạ gửi giúp em ạ', 'yes'],
    ['dung roi', 'yes'],
    ['được rồi, gửi luôn nha', 'yes'],
    ['ừ', 'yes'],
    ['gui di', 'yes'],
    ['không gửi', 'no'],
    ['thôi khỏi, ko gửi nữa', 'no'],
    ['hong can', 'no'],
    // Whoever reads is addressed: still a yes (it had been added to the description as a detail).
    ['gửi đi anh', 'yes'],
    ['dạ gửi giùm chị nha', 'yes'],
    ['ok ad', 'yes'],
    ['không gửi nữa chị ơi', 'no'],
    // Neither: a stop said with its marks, a mixed answer, "nothing more".
    ['dừng lại', undefined],
    ['ok thôi', 'unclear'],
    ['dạ không', 'unclear'],
    ['hết rồi', 'unclear'],
    ['không có gì thêm', 'unclear'],
    ['không có ảnh', 'unclear'],
    ['ko co hinh', 'unclear'],
    // Not an answer at all: a detail, a question, too many words.
    ['ok nhưng đèn ở hẻm 5', undefined],
    ['đèn tắt 3 đêm rồi', undefined],
    ['gửi rồi thì bao lâu sửa', undefined],
    ['ok ok ok ok ok ok ok', undefined],
  ];
  for (const [text, expected] of cases) assert.equal(confirmAnswer(text), expected, text);
});

test('the gazetteer finds communes named in a message, with or without tone marks, and not in look-alike words', () => {
  assert.deepEqual(gazetteer.mentionedIn('đèn hẻm 5 phường Vị Tân tắt').map((c) => c.id), ['phuong-vi-tan']);
  assert.deepEqual(gazetteer.mentionedIn('rac o cho hoa luu').map((c) => c.id), ['xa-hoa-luu']);
  assert.deepEqual(gazetteer.mentionedIn('ấp 2 phường Long Phú 1').map((c) => c.id), ['phuong-long-phu-1'], 'the longer name wins');
  assert.deepEqual(gazetteer.mentionedIn('gây mất an ninh trật tự ban đêm'), [], '"an ninh" alone is not xã An Ninh');
  assert.equal(gazetteer.search('vi tann')[0]?.commune.id, 'phuong-vi-tan', 'a typo is forgiven');
  assert.ok(gazetteer.search('long').length > 1, 'a vague answer gets several candidates');
  assert.equal(gazetteer.within({ latitude: 9.78, longitude: 105.47 }), true);
  assert.equal(gazetteer.within({ latitude: 21.03, longitude: 105.83 }), false);
});

test('duplicates: same category, open, 48 hours, and within 150 m or same commune with a similar description', () => {
  const now = new Date('2026-11-27T03:00:00Z');
  const open = (over: Partial<Report>): Report => ({
    code: 'PA1000', category: 'chieu-sang', status: 'received', description: 'đèn đường hẻm 5 tắt cả tuần', address: null, commune: 'phuong-vi-tan',
    location: null, photoUrl: null, source: 'chat', conversationId: null, assignee: null, publicNote: null, duplicateOf: null,
    createdAt: '2026-11-26T03:00:00Z', updatedAt: '2026-11-26T03:00:00Z', ...over,
  });
  const near = { latitude: 9.7845, longitude: 105.4701 };
  assert.ok(distanceMetres(near, { latitude: 9.7853, longitude: 105.4708 }) < 150);
  const gps = { category: 'chieu-sang', description: 'đèn tắt', source: 'chat' as const, location: { latitude: 9.7853, longitude: 105.4708 } };
  assert.equal(findDuplicate(gps, [open({ location: near })], now)?.code, 'PA1000');
  assert.equal(findDuplicate({ ...gps, location: { latitude: 9.80, longitude: 105.47 } }, [open({ location: near })], now), undefined, 'too far');
  assert.equal(findDuplicate({ ...gps, category: 'giao-thong' }, [open({ location: near })], now), undefined, 'another category');
  assert.equal(findDuplicate(gps, [open({ location: near, status: 'resolved' })], now), undefined, 'already closed');
  assert.equal(findDuplicate(gps, [open({ location: near, createdAt: '2026-11-24T00:00:00Z' })], now), undefined, 'older than 48 hours');
  const typed = { category: 'chieu-sang', description: 'hẻm 5 đèn đường tắt mấy đêm rồi', source: 'chat' as const, commune: 'phuong-vi-tan' };
  assert.ok(similarity(typed.description, 'đèn đường hẻm 5 tắt cả tuần') >= 0.3);
  assert.equal(findDuplicate(typed, [open({})], now)?.code, 'PA1000');
  assert.equal(findDuplicate({ ...typed, commune: 'xa-hoa-luu' }, [open({})], now), undefined, 'another commune');
  assert.equal(findDuplicate({ ...typed, description: 'cột đèn nghiêng sắp ngã' }, [open({})], now), undefined, 'another problem');
});

test('times are shown in Viet Nam time with the +07:00 offset', () => {
  assert.equal(isoVietnam('2026-11-27T01:05:09.123Z'), '2026-11-27T08:05:09+07:00');
  assert.equal(isoVietnam('2026-12-31T20:00:00Z'), '2027-01-01T03:00:00+07:00');
});

let database: ReturnType<typeof temporaryDatabase>;
let clock = new Date('2026-11-27T01:00:00Z');
before(() => {
  database = temporaryDatabase();
});
after(async () => database.cleanup());

test('an abandoned report expires after the configured time; the next message starts afresh', async () => {
  const product = await assemble(database.db, TEST_SITE, { now: () => clock, env: { REPORT_DRAFT_TTL_MINUTES: '20' } });
  const started = await product.bot.handle(textMessage('đèn đường trước nhà tối thui mấy đêm nay', 'u-expiry'));
  assert.match(started.at(-1)?.text ?? '', /ở đâu/);
  clock = new Date(clock.getTime() + 21 * 60_000);
  const later = await product.bot.handle(textMessage('hẻm 7 phường Vị Thanh', 'u-expiry'));
  assert.match(later[0]?.text ?? '', /đã quá lâu nên tôi đã hủy/);
  const row = await database.db.selectFrom('conversations').select('state_json').where('channel', '=', 'webchat').where('user_id', '=', 'u-expiry').executeTakeFirstOrThrow();
  assert.equal(JSON.parse(row.state_json).report, undefined);
  assert.equal((await product.reports.list()).length, 0);
});

test('"phản ánh của tôi" and its usual forms ask for the resident’s own reports; other sentences with those words do not', () => {
  for (const text of ['phản ánh của tôi', 'Phan anh cua toi?', 'xem phản ánh của tôi', 'các phản ánh tôi đã gửi', 'tra cứu phản ánh của mình']) {
    assert.equal(asksForOwnReports(foldKey(text)), true, text);
  }
  for (const text of ['tôi muốn phản ánh', 'phản ánh của tôi bị từ chối vì sao', 'phản ánh đèn đường hẻm 5']) {
    assert.equal(asksForOwnReports(foldKey(text)), false, text);
  }
});
