import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { decide, decidedLabel } from '../intents/decide.ts';
import { buildMatcher, type Matcher, type MatchResult } from '../intents/matcher.ts';
import { readSeed } from '../knowledge-base/seed-files.ts';
import { trainingSet } from '../knowledge-base/training-set.ts';

let matcher: Matcher;
before(() => {
  const seed = readSeed();
  matcher = buildMatcher(trainingSet(seed.entries, seed.definitions));
});

const understood = (text: string): string => decidedLabel(decide(matcher.match(text)));

// Phrasings written for this test (not taken from the seed or the evaluation data), in the styles residents use.
const CASES: Array<[string, string]> = [
  ['Vợ tui mới đẻ tuần rồi, giờ làm giấy tờ cho em bé ở đâu vậy?', 'kb:khai-sinh'],
  ['lam the can cuoc mat may ngay', 'kb:can-cuoc'],
  ['e mun dk tam tru cho ng thue tro thi lm sao', 'kb:tam-tru'],
  ['ĐỔI BẰNG LÁI XE MÁY HẾT HẠN Ở ĐÂU', 'kb:doi-gplx'],
  ['đèn đường trước nhà tôi tắt ba đêm nay rồi', 'report:chieu-sang'],
  ['rac o dau hem 12 khong ai don, boc mui qua', 'report:moi-truong'],
  ['mưa có chút xíu mà đường ngập tới đầu gối, cống nghẹt hết', 'report:cap-thoat-nuoc'],
  ['cam on ban nhieu nha', 'intent:thanks'],
  ['cho tôi nói chuyện với cán bộ', 'intent:human'],
  ['phản ánh PA4821 của tôi tới đâu rồi', 'intent:report-status'],
  ['giá vàng hôm nay bao nhiêu', 'intent:out-of-scope'],
];

test('fresh phrasings in every style reach their label', () => {
  const wrong = CASES.filter(([text, label]) => understood(text) !== label).map(([text, label]) => `${label} <- ${text} (got ${understood(text)})`);
  assert.deepEqual(wrong, []);
});

test('an emergency wins over everything else in the message', () => {
  for (const text of [
    'cháy nhà rồi cứu với',
    'chay nha o hem 3 roi goi cuu hoa giup',
    'đèn đường chập điện, có người bị điện giật bất tỉnh',
    'Có người té sông ở bến đò, không thấy nổi lên',
  ]) {
    assert.equal(understood(text), 'intent:emergency', text);
  }
});

test('a procedure the knowledge base does not cover is not answered from an entry that shares a word', () => {
  for (const text of ['thủ tục đăng ký nhãn hiệu cho sản phẩm', 'khai báo hải quan hàng xuất khẩu làm sao', 'xin bằng thuyền trưởng phương tiện thủy nội địa']) {
    assert.equal(understood(text), 'intent:out-of-scope', text);
  }
});

test('the matcher is deterministic: two builds give the same scores', () => {
  const seed = readSeed();
  const again = buildMatcher(trainingSet(seed.entries, seed.definitions));
  for (const [text] of CASES) assert.deepEqual(again.match(text), matcher.match(text));
});

test('empty, emoji-only and foreign-script messages are not matched to any topic', () => {
  for (const text of ['', '   ', '😀😀👍', 'こんにちは元気ですか', '\u0000\u0007']) {
    const result = matcher.match(text);
    assert.equal(result.label, 'intent:out-of-scope', JSON.stringify(text));
    assert.equal(decide(result).kind === 'answer' && decidedLabel(decide(result)), 'intent:out-of-scope');
  }
});

const result = (label: string, score: number, alternatives: Array<[string, number]> = [], unknownShare = 0): MatchResult => ({
  label,
  score,
  alternatives: alternatives.map(([l, s]) => ({ label: l, score: s })),
  unknownShare,
});

test('decisions: confident answers, close calls ask, weak matches admit not knowing', () => {
  assert.deepEqual(decide(result('kb:khai-sinh', 0.9, [['kb:trich-luc-ho-tich', 0.05]])), { kind: 'answer', label: 'kb:khai-sinh', score: 0.9 });
  const close = decide(result('kb:khai-sinh', 0.45, [['kb:trich-luc-ho-tich', 0.4], ['kb:thay-doi-ho-tich', 0.1], ['kb:khai-tu', 0.01]]));
  assert.equal(close.kind, 'clarify');
  assert.deepEqual(close.kind === 'clarify' && close.options.map((o) => o.label), ['kb:khai-sinh', 'kb:trich-luc-ho-tich', 'kb:thay-doi-ho-tich']);
  assert.equal(decide(result('kb:khai-sinh', 0.1, [['kb:khai-tu', 0.09]])).kind, 'not-understood');
  // A likely emergency is treated as one even when another label scored higher.
  assert.deepEqual(decide(result('report:an-ninh-trat-tu', 0.5, [['intent:emergency', 0.4]])), { kind: 'answer', label: 'intent:emergency', score: 0.4 });
  // Mostly unknown words: about something the knowledge base does not hold.
  assert.equal(decidedLabel(decide(result('kb:thanh-lap-doanh-nghiep', 0.5, [['kb:ho-kinh-doanh', 0.2]], 0.6))), 'intent:out-of-scope');
});
