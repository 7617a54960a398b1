import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildMatcher } from '../intents/matcher.ts';
import { buildRetrievalIndex, canonicalTokens } from '../intents/retrieval.ts';
import { readMessage, readingLabels } from '../knowledge-base/catalogue/read-message.ts';
import { buildScope } from '../knowledge-base/catalogue/scope-holder.ts';
import { shippedCatalogue } from '../knowledge-base/catalogue/shipped.ts';
import { readSeed } from '../knowledge-base/seed-files.ts';
import { trainingSet } from '../knowledge-base/training-set.ts';
import { assembledProduct, textMessage } from './helpers.ts';

// Which of an entry's own catalogue procedures a question is about: named in the reply, offered after the entry.

test('a document scored on its own gets the score the search ranks it by', () => {
  const index = buildRetrievalIndex([
    { key: 'a', text: 'cấp lại thẻ căn cước', group: 0 },
    { key: 'b', text: 'cấp lại giấy xác nhận tạm trú', group: 1 },
    { key: 'c', text: 'cấp đổi thẻ căn cước khi hết hạn', group: 0 },
  ]);
  const query = index.query(canonicalTokens('mất thẻ căn cước xin cấp lại ở đâu'));
  const hits = index.search(query, [2, 1]);
  assert.ok(hits.length >= 2);
  const matches = index.documentMatches(query, hits.map((h) => h.doc));
  hits.forEach((hit, i) => {
    assert.ok(Math.abs((matches[i]?.score ?? -1) - hit.score) < 1e-9, hit.key);
    const shared = index.shared(query, hit.doc);
    assert.ok(Math.abs((matches[i]?.weight ?? -1) - shared.weight) < 1e-9, hit.key);
    assert.equal(matches[i]?.docWeight, shared.docWeight, hit.key);
  });
  // Documents are renumbered group by group: the given order maps to the index's numbers.
  assert.equal(hits.find((h) => h.key === 'b')?.doc, index.documentOf(1));
  assert.equal(hits.find((h) => h.key === 'a')?.doc, index.documentOf(0));
  const none = index.documentMatches(index.query(canonicalTokens('giá vàng hôm nay')), [index.documentOf(0)]);
  assert.deepEqual(none.map(({ score, weight }) => ({ score, weight })), [{ score: 0, weight: 0 }]);
});

const seed = readSeed();
const scope = buildScope(shippedCatalogue(), seed.entries, seed.definitions);
const matcher = buildMatcher(trainingSet(seed.entries, seed.definitions));
const read = (text: string) => readingLabels(readMessage(text, matcher.match(text), scope));

const NAMED: ReadonlyArray<readonly [text: string, entry: string, procedure: string | undefined]> = [
  // The household-business entry covers registering, changing, suspending and ending one: a question about ending
  // it names that procedure; one about registering names the entry's main procedure.
  ['hộ kinh doanh của tôi nghỉ bán luôn rồi, muốn chấm dứt hoạt động thì làm sao', 'kb:ho-kinh-doanh', '1.001266'],
  ['muốn đăng ký hộ kinh doanh bán tạp hóa thì cần giấy tờ gì', 'kb:ho-kinh-doanh', '1.001612'],
  ['vợ chồng con trai tôi muốn tách hộ ra riêng thì làm ở đâu', 'kb:thuong-tru', '1.010038'],
  // A sibling whose longer name holds the same words and more is not the one asked about.
  ['đổi bằng lái xe ô tô hết hạn ở đâu', 'kb:doi-gplx', '3.000347'],
  // "mức 2" is read as a number, so the two levels' names cannot be told apart: none is named.
  ['kich hoat vneid muc 2 o dau', 'kb:dinh-danh-dien-tu', undefined],
  // Reporting a lost passport is listed at commune, district and province level; our entry covers the commune's.
  ['tui lam mat ho chieu roi, phai trinh bao mat o dau', 'kb:ho-chieu', '1.010386'],
  // An entry that covers no catalogue procedure names none.
  ['giờ làm việc của xã', 'kb:gio-lam-viec', undefined],
];
for (const [text, entry, procedure] of NAMED) {
  test(`"${text}": ${entry}${procedure === undefined ? ', no procedure named' : `, naming ${procedure}`}`, () => {
    const reading = read(text);
    assert.equal(reading.label, entry);
    assert.deepEqual(reading.options, procedure === undefined ? [entry] : [entry, `catalogue:${procedure}`]);
  });
}

test('the same procedure at another level is known as the one an entry covers', () => {
  assert.ok(scope);
  assert.deepEqual(scope.coveredTwin('1.001445'), { code: '1.010386', label: 'kb:ho-chieu' });
  assert.deepEqual(scope.coveredTwin('1.010385'), { code: '1.010386', label: 'kb:ho-chieu' });
  // A different procedure of the same family, and an unknown code, are not.
  assert.equal(scope.coveredTwin('1.010384'), undefined);
  assert.equal(scope.coveredTwin('9.999999'), undefined);
});

let product: Awaited<ReturnType<typeof assembledProduct>>;
before(async () => {
  product = await assembledProduct();
});
after(async () => product.cleanup());

test('the bot answers with the entry and names the procedure asked about, on chat and on SMS', async () => {
  const text = 'hộ kinh doanh của tôi nghỉ bán luôn rồi, muốn chấm dứt hoạt động thì làm sao';
  const [web] = await product.bot.handle(textMessage(text, 'u-covered-web'));
  assert.ok(web?.kind === 'text', JSON.stringify(web));
  const entry = seed.entries.find((e) => e.id === 'ho-kinh-doanh');
  assert.ok(entry);
  assert.ok(web.text.includes(entry.answer.slice(0, 40)), 'the entry answer comes first');
  assert.match(web.text, /Thủ tục trên Cổng Dịch vụ công ứng với câu hỏi của bạn: Chấm dứt hoạt động hộ kinh doanh \(mã 1\.001266\)/);
  assert.match(web.text, /Nguồn: mã thủ tục/);
  const [sms] = await product.bot.handle(textMessage(text, 'u-covered-sms', 'sms'));
  assert.ok(sms?.kind === 'text' && sms.short !== undefined, JSON.stringify(sms));
  assert.match(sms.short, /Ma TTHC: 1\.001266\.$/);
  // A question about the entry's main procedure: the answer is about it already, and its source line names it.
  const [registering] = await product.bot.handle(textMessage('muốn đăng ký hộ kinh doanh bán tạp hóa thì cần giấy tờ gì', 'u-covered-main', 'sms'));
  assert.ok(registering?.kind === 'text' && !registering.text.includes('ứng với câu hỏi của bạn') && !/Ma TTHC/.test(registering.short ?? ''));
  assert.match(registering.text, /Nguồn: mã thủ tục 1\.001612/);
  // A question the reading names no procedure for gets the entry as before.
  const [plain] = await product.bot.handle(textMessage('giờ làm việc của xã', 'u-covered-plain'));
  assert.ok(plain?.kind === 'text' && !plain.text.includes('ứng với câu hỏi của bạn'));
});
