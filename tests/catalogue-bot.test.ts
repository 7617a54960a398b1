import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { renderSms } from '../adapters/channels/sms/render.ts';
import { smsSegments } from '../adapters/channels/sms/segments.ts';
import { buildMatcher } from '../intents/matcher.ts';
import { readMessage, readingLabels } from '../knowledge-base/catalogue/read-message.ts';
import { buildScope, coveredCodes } from '../knowledge-base/catalogue/scope-holder.ts';
import { shippedCatalogue } from '../knowledge-base/catalogue/shipped.ts';
import { readSeed } from '../knowledge-base/seed-files.ts';
import { trainingSet } from '../knowledge-base/training-set.ts';
import { assembledProduct, choiceMessage, textMessage } from './helpers.ts';

const seed = readSeed();
const scope = buildScope(shippedCatalogue(), seed.entries, seed.definitions);

// Hand-written questions about procedures the knowledge base has no entry for.
const QUESTIONS: ReadonlyArray<readonly [string, string]> = [
  ['dang ky lai viec nuoi con nuoi trong nuoc', '2.001255'],
  ['Thủ tục xin nhập quốc tịch Việt Nam cho người nước ngoài', '2.002039'],
  ['thu tuc yeu cau thi hanh an dan su', '1.003091'],
  ['chứng thực văn bản từ chối nhận di sản thừa kế', '2.001016'],
  ['cấp giấy phép lái xe quốc tế', '3.000353'],
];

test('retrieval puts the right procedure among the three closest for hand-written questions', () => {
  for (const [question, code] of QUESTIONS) {
    const offered = scope.evidence(question).catalogue.map((c) => c.code);
    assert.ok(offered.includes(code), `${question}: ${offered.join(', ')}`);
  }
});

test('a procedure code a knowledge-base entry covers is never offered from the catalogue', () => {
  const covered = coveredCodes(seed.entries);
  assert.ok(covered.has('1.001193'), 'khai-sinh covers 1.001193');
  const procedures = shippedCatalogue().filter((p) => covered.has(p.code));
  assert.ok(procedures.length > 40);
  for (const p of procedures) {
    const offered = scope.evidence(p.name).catalogue.map((c) => c.code);
    assert.ok(!offered.some((code) => covered.has(code)), `${p.code} offered for "${p.name}"`);
  }
});

test('the evaluation reading labels a catalogue offer catalogue:<code> and a non-procedure question out of scope', () => {
  const matcher = buildMatcher(trainingSet(seed.entries, seed.definitions));
  const question = 'dang ky lai viec nuoi con nuoi trong nuoc';
  const offer = readingLabels(readMessage(question, matcher.match(question), scope));
  assert.match(offer.label, /^catalogue:/);
  assert.ok(offer.options.includes('catalogue:2.001255'));
  assert.equal(offer.label, offer.options[0]);
  assert.ok(offer.options.length >= 1 && offer.options.length <= 3 && offer.options.every((o) => /^catalogue:\d\.\d{6}$/.test(o)));
  const fine = 'vượt đèn đỏ bị phạt bao nhiêu tiền';
  assert.deepEqual(readingLabels(readMessage(fine, matcher.match(fine), scope)), { label: 'intent:out-of-scope', options: [] });
});

test('a question about what to file after something happened is read as a procedure question, a plain street report as a report', () => {
  const matcher = buildMatcher(trainingSet(seed.entries, seed.definitions));
  const read = (text: string) => readingLabels(readMessage(text, matcher.match(text), scope));
  // Both read as street reports before (public order, trees): the resident would have been asked for a location.
  assert.deepEqual(read('Sổ đỏ nhà tui bị trộm lấy mất rồi, làm lại sao dậy?').options[0], 'catalogue:1.012786');
  assert.match(read('Cây dầu trước nhà rễ làm nứt nền, tui muốn xin chặt thì nộp đơn ở đâu?').label, /^catalogue:/);
  assert.equal(read('cây dầu trước nhà ngã đè ngang đường rồi').label, 'report:cay-xanh');
  assert.equal(read('đèn đường ấp 3 hư cả tuần nay, báo ở đâu vậy').label, 'report:chieu-sang');
});

let product: Awaited<ReturnType<typeof assembledProduct>>;
before(async () => {
  product = await assembledProduct();
});
after(async () => product.cleanup());

test('a catalogue question gets the closest official procedures with code, agency, level and link; a number gives one', async () => {
  const replies = await product.bot.handle(textMessage('dang ky lai viec nuoi con nuoi trong nuoc', 'u-cat'));
  const [text, choices] = replies;
  assert.equal(text?.kind, 'text');
  assert.match(text!.text, /chưa có hướng dẫn chi tiết/);
  assert.match(text!.text, /mã 2\.001255/);
  assert.match(text!.text, /https:\/\/dichvucong\.gov\.vn\/thu-tuc-hanh-chinh\//);
  assert.match(text!.text, /cấp xã/i);
  // The register's agency ends with a stop ("... thị trấn."): not doubled before the level.
  assert.match(text!.text, /thị trấn, cấp xã\./);
  assert.doesNotMatch(text!.text, /\.,/);
  assert.match(text!.text, /một cửa/);
  assert.ok(choices?.kind === 'choices' && choices.options.length <= 3);
  const position = choices.options.findIndex((o) => o.value === 'catalogue:2-001255') + 1;
  assert.ok(position > 0);
  assert.ok(choices.options.every((o) => /^[a-z]+:[a-z0-9-]{1,60}$/.test(o.value)), 'values pass the web chat choice check');

  const [details] = await product.bot.handle(textMessage(String(position), 'u-cat'));
  assert.match(details?.text ?? '', /Đăng ký lại việc nuôi con nuôi trong nước/);
  assert.match(details?.text ?? '', /Mã thủ tục: 2\.001255/);
  assert.match(details?.text ?? '', /Cơ quan thực hiện:/);
  assert.match(details?.text ?? '', /Cấp thực hiện: Cấp xã/);
  assert.match(details?.text ?? '', /https:\/\/dichvucong\.gov\.vn\/thu-tuc-hanh-chinh\//);

  const [tapped] = await product.bot.handle(choiceMessage('catalogue:2-002039', 'u-cat-tap'));
  assert.match(tapped?.text ?? '', /Mã thủ tục: 2\.002039/);
});

test('on SMS the offer and the details fold to plain text within the segment budget, codes kept', async () => {
  const replies = await product.bot.handle(textMessage('THU TUC YEU CAU THI HANH AN DAN SU', '+84900000001', 'sms'));
  const sms = replies.map((r) => renderSms(r, { moreInfo: 'Chi tiet: dichvucong.gov.vn' }));
  assert.match(sms[0] ?? '', /1\.003091/);
  assert.match(sms[0] ?? '', /mot cua/);
  for (const text of sms) {
    assert.equal(smsSegments(text).encoding, 'GSM-7', text);
    assert.ok(smsSegments(text).segments <= 2, text);
  }
  const [details] = await product.bot.handle(textMessage('1', '+84900000001', 'sms'));
  const folded = renderSms(details!, { moreInfo: 'Chi tiet: dichvucong.gov.vn' });
  assert.match(folded, /TTHC \d\.\d{6}/);
  assert.ok(smsSegments(folded).segments <= 2, folded);
});

test('a question about fines or what the law allows gets the honest "not covered" reply', async () => {
  const [reply] = await product.bot.handle(textMessage('vượt đèn đỏ bị phạt bao nhiêu tiền', 'u-fine'));
  assert.equal(reply?.kind, 'text');
  assert.match(reply!.text, /ngoài những gì tôi có thể trả lời/);
  assert.match(reply!.text, /dichvucong\.gov\.vn/);
  assert.match(reply!.text, /một cửa/);
});

test('an in-scope question is still answered from its entry, not pulled into the catalogue', async () => {
  const [reply] = await product.bot.handle(textMessage('Cho hỏi làm giấy khai sinh cho con mới sinh cần mang theo giấy tờ gì?', 'u-kb'));
  assert.match(reply?.text ?? '', /Nguồn: mã thủ tục 1\.001193/);
});
