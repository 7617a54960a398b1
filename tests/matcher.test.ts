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

test('a message with a word that names an object property ("constructor") is read, not thrown on', () => {
  for (const text of ['constructor', 'cho hoi constructor la gi', 'toString valueOf']) assert.equal(typeof matcher.match(text).label, 'string', text);
});

const result = (label: string, score: number, alternatives: Array<[string, number]> = [], unknownShare = 0): MatchResult => ({
  label,
  score,
  alternatives: alternatives.map(([l, s]) => ({ label: l, score: s })),
  unknownShare,
});

test('decisions are relative: far ahead is answered, close calls ask, only a flat weak match is not understood', () => {
  const cases: Array<[string, MatchResult, string, string[]?]> = [
    ['confident', result('kb:khai-sinh', 0.9, [['kb:trich-luc-ho-tich', 0.05]]), 'answer:kb:khai-sinh'],
    // A long question spreads its probability: modest, but far ahead of the next, it is answered.
    ['modest but far ahead', result('kb:khai-sinh', 0.3, [['kb:trich-luc-ho-tich', 0.08], ['kb:khai-tu', 0.05]]), 'answer:kb:khai-sinh'],
    ['close call', result('kb:khai-sinh', 0.45, [['kb:trich-luc-ho-tich', 0.4], ['kb:thay-doi-ho-tich', 0.1], ['kb:khai-tu', 0.01]]), 'clarify', ['kb:khai-sinh', 'kb:trich-luc-ho-tich', 'kb:thay-doi-ho-tich']],
    ['flat and weak', result('kb:khai-sinh', 0.1, [['kb:khai-tu', 0.09]]), 'not-understood'],
    // ... unless the three best are all street reports, together likely: a report of some kind, asked which.
    ['flat, weak, all reports', result('report:chieu-sang', 0.16, [['report:cay-xanh', 0.15], ['report:khac', 0.12], ['intent:out-of-scope', 0.1]]), 'clarify', ['report:chieu-sang', 'report:cay-xanh', 'report:khac']],
    ['flat, weak, reports and a topic', result('report:chieu-sang', 0.16, [['report:cay-xanh', 0.15], ['kb:khai-tu', 0.12]]), 'not-understood'],
    ['flat, weak, reports unlikely together', result('report:chieu-sang', 0.1, [['report:cay-xanh', 0.09], ['report:khac', 0.08]]), 'not-understood'],
    ['mostly unknown words', result('kb:thanh-lap-doanh-nghiep', 0.5, [['kb:ho-kinh-doanh', 0.2]], 0.6), 'answer:intent:out-of-scope'],
    // Emergency needs real evidence: a rule, or a confident lead. A weak reading is set aside, not answered.
    ['emergency rule', { ...result('intent:emergency', 1), rule: true }, 'answer:intent:emergency'],
    ['confident emergency', result('intent:emergency', 0.8, [['report:an-ninh-trat-tu', 0.1]]), 'answer:intent:emergency'],
    ['weak emergency on top', result('intent:emergency', 0.35, [['intent:out-of-scope', 0.3], ['intent:greeting', 0.05]]), 'answer:intent:out-of-scope'],
    ['emergency runner-up', result('report:an-ninh-trat-tu', 0.5, [['intent:emergency', 0.4]]), 'answer:report:an-ninh-trat-tu'],
    ['vague', { ...result('kb:cap-so-do', 0.9), vague: [{ label: 'kb:cap-so-do', score: 0.9 }, { label: 'kb:sang-ten-so-do', score: 0.05 }] }, 'clarify', ['kb:cap-so-do', 'kb:sang-ten-so-do']],
  ];
  for (const [name, match, kind, options] of cases) {
    const decision = decide(match);
    const got = decision.kind === 'answer' ? `answer:${decision.label}` : decision.kind;
    assert.equal(got, kind, name);
    if (options) assert.deepEqual(decision.kind === 'clarify' && decision.options.map((o) => o.label), options, name);
  }
});

test('very short or vague messages ask which topic was meant instead of answering or refusing', () => {
  const vague: Array<[string, string[]]> = [
    ['đăng ký', []],
    ['chứng thực', ['kb:chung-thuc-ban-sao', 'kb:chung-thuc-chu-ky']],
    ['trợ cấp', ['kb:tro-cap-xa-hoi', 'kb:tro-cap-that-nghiep']],
    ['đất', ['kb:cap-so-do', 'kb:chuyen-muc-dich-dat']],
    ['giấy tờ nhà đất', ['kb:cap-so-do']],
    ['mất giấy tờ', []],
  ];
  for (const [text, expected] of vague) {
    const decision = decide(matcher.match(text));
    assert.equal(decision.kind, 'clarify', text);
    const offered = decision.kind === 'clarify' ? decision.options.map((o) => o.label) : [];
    assert.ok(offered.length >= 2 && offered.length <= 3, `${text}: ${offered.join(', ')}`);
    assert.ok(offered.every((label) => /^(kb|report):/.test(label)), `${text}: ${offered.join(', ')}`);
    for (const label of expected) assert.ok(offered.includes(label), `${text} offers ${label}: ${offered.join(', ')}`);
  }
  // A topic's own name is not vague.
  for (const [text, label] of [['khai sinh', 'kb:khai-sinh'], ['hộ chiếu', 'kb:ho-chieu'], ['tạm trú', 'kb:tam-tru']]) {
    assert.deepEqual(decide(matcher.match(text as string)), { kind: 'answer', label, score: matcher.match(text as string).score }, text);
  }
});

test('words that name no topic ("chưa có", "được không") get no topic\'s answer, whichever the model leans to', () => {
  // "chưa có" alone had been answered with the land certificate at 0.95: its phrasings say "chưa có sổ đỏ".
  for (const text of ['chưa có', 'chua co', 'được không', 'có được không', 'vậy à']) {
    const decision = decide(matcher.match(text));
    const leads = decision.kind === 'answer' ? [decision.label] : decision.kind === 'clarify' ? decision.options.map((o) => o.label) : [];
    assert.ok(leads.every((label) => !/^(kb|report):/.test(label)), `${text}: ${decision.kind} ${leads.join(', ')}`);
  }
  // A syllable that folds into a content word still reads as one: "ổ voi" is a large pothole.
  assert.equal(understood('ổ voi'), 'report:giao-thong');
  // Decided on the words, not the score: a topic the model is sure of stays answered when a word names it.
  assert.equal(understood('chưa có sổ đỏ'), 'kb:cap-so-do');
  assert.equal(decide({ ...result('kb:cap-so-do', 0.95), tokens: ['chua', 'co'] }).kind, 'not-understood');
});

test('a long, indirect question ranked right is answered, not refused', () => {
  const cases: Array<[string, string]> = [
    ['Ba tôi mới mất tuần trước ở nhà, đám tang lo xong rồi, giờ anh em tôi phải lên xã làm giấy báo tử cho ông thì cần đem theo những gì, trễ vậy có bị phạt không?', 'kb:khai-tu'],
    ['Con gái tôi năm nay lên lớp 8, nhà tôi mới dọn từ Sóc Trăng lên Cần Thơ làm ăn nên muốn cho cháu học trường gần nhà, không biết thủ tục giấy tờ ra sao, hỏi ai', 'kb:chuyen-truong'],
  ];
  for (const [text, label] of cases) {
    const decision = decide(matcher.match(text));
    assert.equal(decision.kind, 'answer', `${text} -> ${JSON.stringify(decision)}`);
    assert.equal(decidedLabel(decision), label, text);
  }
});

test('a weak emergency reading is not answered as an emergency, while a real one is', () => {
  // The first scores emergency about 0.3 as runner-up: once enough to send 114/113/115, now set aside.
  for (const text of ['bot có người yêu chưa', 'ê bot, mày có biết nấu ăn không']) {
    assert.notEqual(understood(text), 'intent:emergency', text);
  }
  // "ma chay" is a funeral: the allowance question is no fire.
  assert.notEqual(understood('tiền ma chay nhà nước hỗ trợ cho người già mất xin ở đâu'), 'intent:emergency');
  for (const text of ['có người bị điện giật nằm bất tỉnh ngoài đường', 'CHÁY NHÀ Ở HẺM 5 RỒI', 'chay nha roi cuu voi', 'cháyyyy nhà rồi']) {
    assert.equal(understood(text), 'intent:emergency', text);
  }
});

test('keyboard leftovers and marks: Telex, VNI and Ð read like the marked text', () => {
  const cases: Array<[string, string]> = [
    ['ddawng kys tamj truus cho sinh vieen', 'kb:tam-tru'],
    ['d9a8ng ky1 ke61t ho6n o73 d9a6u', 'kb:ket-hon'],
    ['ÐĂNG KÝ KHAI SINH CHO CON', 'kb:khai-sinh'],
  ];
  for (const [text, label] of cases) assert.equal(understood(text), label, text);
});

test('marks tell apart words that fold alike: đê (dike) is not để, sạt lở is not sát lộ', () => {
  assert.equal(matcher.match('đê bao ấp 3 bị nứt, nước rỉ qua').label, 'report:sat-lo-thien-tai');
  assert.equal(matcher.match('sạt lở bờ kênh sát nhà dân').label, 'report:sat-lo-thien-tai');
});
