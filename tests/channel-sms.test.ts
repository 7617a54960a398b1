import assert from 'node:assert/strict';
import { test } from 'node:test';
import { smsKeyword } from '../bot/sms-keywords.ts';
import { normalizeVietnamesePhone } from '../adapters/channels/sms/phone.ts';
import { foldForSms, renderSms } from '../adapters/channels/sms/render.ts';
import { isGsm7, smsSegments, smsUnits } from '../adapters/channels/sms/segments.ts';
import type { Reply } from '../bot/types.ts';
import { placeholderValues, renderTemplate } from '../knowledge-base/render.ts';
import { readSeed } from '../knowledge-base/seed-files.ts';
import { random } from './seeded-random.ts';

const MORE = 'Chi tiết: dichvucong.gov.vn';
const TAIL = ' ... Chi tiet: dichvucong.gov.vn';

test('phone numbers in every usual spelling become one E.164 number', () => {
  const cases: Array<[string, string | undefined]> = [
    ['0912345678', '+84912345678'],
    ['84912345678', '+84912345678'],
    ['+84912345678', '+84912345678'],
    ['+84 912 345 678', '+84912345678'],
    ['(+84) 912-345-678', '+84912345678'],
    ['0912.345.678', '+84912345678'],
    [' 091 234 5678 ', '+84912345678'],
    ['+84 0912 345 678', '+84912345678'],
    ['0084912345678', '+84912345678'],
    ['0387654321', '+84387654321'],
    ['0843123456', '+84843123456'],
    ['0292 3 123 456', '+842923123456'],
    ['+14155550100', '+14155550100'],
    ['+1 415 555 0100', '+14155550100'],
    ['+447700900123', '+447700900123'],
    ['', undefined],
    ['Viettel', undefined],
    ['091234567a', undefined],
    ['12345', undefined],
    ['0912', undefined],
    ['091234567', undefined],
    ['09123456789', undefined],
    ['0112345678', undefined],
    ['+84 123', undefined],
    ['+0123456789', undefined],
    ['+1234567890123456', undefined],
    ['9029', undefined],
    ['+84912345678x', undefined],
  ];
  for (const [raw, expected] of cases) assert.equal(normalizeVietnamesePhone(raw), expected, JSON.stringify(raw));
});

test('segments: GSM-7 160/153 with 2-unit extension characters, UCS-2 70/67 once any character is outside GSM-7', () => {
  const cases: Array<[string, string, 'GSM-7' | 'UCS-2', number, number]> = [
    ['empty', '', 'GSM-7', 0, 1],
    ['160 plain', 'a'.repeat(160), 'GSM-7', 160, 1],
    ['161 plain', 'a'.repeat(161), 'GSM-7', 161, 2],
    ['306 plain', 'a'.repeat(306), 'GSM-7', 306, 2],
    ['307 plain', 'a'.repeat(307), 'GSM-7', 307, 3],
    ['80 braces', '{'.repeat(80), 'GSM-7', 160, 1],
    ['81 braces', '{'.repeat(81), 'GSM-7', 162, 2],
    ['euro', 'a€', 'GSM-7', 3, 1],
    ['escape pair not split at 153', `${'a'.repeat(152)}[${'a'.repeat(152)}`, 'GSM-7', 306, 3],
    ['GSM accented letters', 'Xin chào é ù', 'GSM-7', 12, 1],
    ['Vietnamese marks', 'Xin chào bạn', 'UCS-2', 12, 1],
    ['70 UCS-2', 'ă'.repeat(70), 'UCS-2', 70, 1],
    ['71 UCS-2', 'ă'.repeat(71), 'UCS-2', 71, 2],
    ['134 UCS-2', 'ă'.repeat(134), 'UCS-2', 134, 2],
    ['135 UCS-2', 'ă'.repeat(135), 'UCS-2', 135, 3],
    ['emoji is two code units', '😀a', 'UCS-2', 3, 1],
    ['35 emoji', '😀'.repeat(35), 'UCS-2', 70, 1],
    ['36 emoji', '😀'.repeat(36), 'UCS-2', 72, 2],
    ['backtick is not GSM-7', 'a`b', 'UCS-2', 3, 1],
    ['line breaks are GSM-7', 'a\nb\r\n', 'GSM-7', 5, 1],
  ];
  for (const [name, text, encoding, units, segments] of cases) {
    assert.equal(smsUnits(text), units, `${name}: units`);
    assert.deepEqual(smsSegments(text), { encoding, segments }, name);
  }
});

test('renderSms folds each kind of reply to plain GSM-7 text', () => {
  const cases: Array<[string, Reply, string]> = [
    ['text', { kind: 'text', text: 'Đăng ký khai sinh tại UBND xã.' }, 'Dang ky khai sinh tai UBND xa.'],
    ['short wins', { kind: 'text', text: 'Một câu trả lời rất dài.', short: 'Câu ngắn.' }, 'Cau ngan.'],
    ['empty short ignored', { kind: 'text', text: 'Câu dài.', short: '  ' }, 'Cau dai.'],
    [
      'choices as a numbered list',
      { kind: 'choices', text: 'Bạn muốn hỏi về:', options: [{ value: 'kb:a', title: 'Khai sinh' }, { value: 'kb:b', title: 'Kết hôn' }] },
      'Ban muon hoi ve:\n1. Khai sinh\n2. Ket hon',
    ],
    ['link', { kind: 'link', text: 'Nộp trực tuyến tại', url: 'https://dichvucong.gov.vn/p/home' }, 'Nop truc tuyen tai https://dichvucong.gov.vn/p/home'],
    ['ask-location', { kind: 'ask-location', text: 'Xin gửi địa chỉ nơi xảy ra sự việc.' }, 'Xin gui dia chi noi xay ra su viec.'],
    ['quotes, emoji, NBSP, tabs', { kind: 'text', text: '“Giấy tờ”\u00a0cần 👍\t– bản sao…' }, '"Giay to" can - ban sao...'],
    ['blank lines collapse', { kind: 'text', text: 'a\n\n\n  b   c\r\n\r\nd  ' }, 'a\nb c\nd'],
    ['symbols', { kind: 'text', text: 'Tuổi ≥ 14 → làm CCCD; ≤ 6 tuổi; `mã`' }, "Tuoi >= 14 -> lam CCCD; <= 6 tuoi; 'ma'"],
    ['Đ and đ', { kind: 'text', text: 'ĐĂNG KÝ đất đai' }, 'DANG KY dat dai'],
  ];
  for (const [name, reply, expected] of cases) assert.equal(renderSms(reply, { moreInfo: MORE }), expected, name);
});

test('a long answer is cut at a word and ends with the pointer, within the budget', () => {
  const long = 'Để làm lại căn cước, bạn mang giấy tờ đến bộ phận một cửa. '.repeat(20);
  const folded = foldForSms(long);
  for (const budget of [1, 2, 3]) {
    const sms = renderSms({ kind: 'text', text: long }, { segmentBudget: budget, moreInfo: MORE });
    assert.ok(sms.endsWith(TAIL), sms);
    assert.deepEqual(smsSegments(sms), { encoding: 'GSM-7', segments: budget });
    const kept = sms.slice(0, -TAIL.length);
    assert.ok(folded.startsWith(kept));
    assert.match(folded.slice(kept.length), /^[.,;:(\-]*\s/, 'cut between words');
    // No more than one word more would have fitted.
    assert.ok(smsUnits(sms) > (budget === 1 ? 160 : budget * 153) - 12, `${budget}: ${smsUnits(sms)} units`);
  }
  assert.equal(renderSms({ kind: 'text', text: long }, { moreInfo: MORE }).length <= 306, true, 'default budget is two segments');
});

test('a text that fits is not cut, even exactly at the budget', () => {
  const exact = 'a'.repeat(300) + ' bbbbb';
  assert.equal(renderSms({ kind: 'text', text: exact }, { moreInfo: MORE }), exact);
  assert.ok(renderSms({ kind: 'text', text: `${exact}c` }, { moreInfo: MORE }).endsWith(TAIL));
  assert.equal(renderSms({ kind: 'text', text: 'a'.repeat(160) }, { segmentBudget: 1, moreInfo: MORE }), 'a'.repeat(160));
});

test('a long question over choices is shortened, the numbered options are kept whole', () => {
  const options = ['Khai sinh', 'Kết hôn', 'Chứng thực bản sao', 'Cấp lại căn cước'].map((title, i) => ({ value: `kb:${i}`, title }));
  const sms = renderSms({ kind: 'choices', text: 'Xin lỗi, tôi chưa rõ câu hỏi của bạn. '.repeat(12), options }, { moreInfo: MORE });
  assert.ok(sms.endsWith(' ...\n1. Khai sinh\n2. Ket hon\n3. Chung thuc ban sao\n4. Cap lai can cuoc'), sms);
  assert.ok(sms.startsWith('Xin loi, toi chua ro'));
  assert.deepEqual(smsSegments(sms), { encoding: 'GSM-7', segments: 2 });
});

test('a long text before a link is shortened, the link is kept whole', () => {
  const url = 'https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.001193';
  const sms = renderSms({ kind: 'link', text: 'Bạn có thể nộp hồ sơ trực tuyến, theo dõi và nhận kết quả. '.repeat(10), url }, { moreInfo: MORE });
  assert.ok(sms.startsWith('Ban co the nop ho so'));
  assert.ok(sms.endsWith(` ... ${url}`), sms);
  assert.deepEqual(smsSegments(sms), { encoding: 'GSM-7', segments: 2 });
});

test('one endless word or an endless pointer still fits the budget', () => {
  const word = renderSms({ kind: 'text', text: 'x'.repeat(1000) }, { moreInfo: MORE });
  assert.ok(word.endsWith(TAIL));
  assert.ok(smsSegments(word).segments <= 2);
  const pointer = renderSms({ kind: 'text', text: 'y '.repeat(400) }, { segmentBudget: 1, moreInfo: 'z'.repeat(500) });
  assert.ok(isGsm7(pointer) && smsSegments(pointer).segments === 1, pointer);
});

const PIECES = [
  ...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ0123456789'.split(''),
  ...'áàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ'.split(''),
  ...'ÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ'.split(''),
  ' ', ' ', ' ', ' ', ' ', '\n', '\n\n', '\t', '\u00a0', '\r\n', '.', ',', ':', '-', '(', ')', '?', '!', '/', '%',
  '“', '”', '‘', '’', '«', '»', '…', '–', '—', '•', '→', '€', '{', '}', '[', ']', '^', '~', '|', '\\', '`', '@', '$', '_',
  '😀', '👍🏽', '👨‍👩‍👧', '🇻🇳', '❤️', '中文', 'ß', 'ø', 'Ω', '\u0301', 'e\u0302\u0301', '\u200b', '\ufeff', '\u0000',
];

function generatedText(next: () => number): string {
  const length = Math.floor(next() ** 3 * 3000);
  let text = '';
  while (text.length < length) text += PIECES[Math.floor(next() * PIECES.length)] ?? '';
  return next() < 0.2 ? text.normalize('NFD') : text;
}

test('property: every rendered reply is GSM-7 within its budget, untouched when it fits, cut at a word otherwise', () => {
  const next = random(20261120);
  let cuts = 0;
  let wordCuts = 0;
  for (let i = 0; i < 1500; i++) {
    const budget = 1 + Math.floor(next() * 4);
    const moreInfo = next() < 0.8 ? MORE : generatedText(next).slice(0, 80);
    const text = generatedText(next);
    const replies: Reply[] = [
      { kind: 'text', text },
      { kind: 'text', text: generatedText(next), short: text },
      { kind: 'link', text, url: 'https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html' },
      { kind: 'ask-location', text },
      { kind: 'choices', text, options: [{ value: 'a', title: generatedText(next).slice(0, 30) }, { value: 'b', title: 'Kết hôn' }] },
    ];
    for (const reply of replies) {
      const sms = renderSms(reply, { segmentBudget: budget, moreInfo });
      const where = `case ${i}, ${reply.kind}, budget ${budget}`;
      assert.ok(isGsm7(sms), `${where}: not GSM-7: ${JSON.stringify(sms)}`);
      assert.ok(smsSegments(sms).segments <= budget, `${where}: ${smsSegments(sms).segments} segments`);
      assert.doesNotMatch(sms, /\n\n|^\s|\s$/, `${where}: blank line or edge space`);
      if (reply.kind !== 'text' || reply.short !== undefined) continue;
      const folded = foldForSms(text);
      const tail = ` ... ${foldForSms(moreInfo).replace(/\n/g, ' ')}`.trimEnd();
      if (smsSegments(folded).segments <= budget) {
        assert.equal(sms, folded, where);
        continue;
      }
      cuts += 1;
      // Where even the first word fits with the pointer, the cut must fall between words.
      const firstBreak = folded.search(/\s/);
      const firstWord = firstBreak > 0 ? folded.slice(0, firstBreak).replace(/[\s.,;:(\-]+$/, '') : '';
      if (firstWord === '' || smsSegments(firstWord + tail).segments > budget) continue;
      wordCuts += 1;
      assert.ok(sms.endsWith(tail), `${where}: no pointer`);
      const kept = sms.slice(0, -tail.length);
      assert.ok(folded.startsWith(kept), `${where}: not a prefix`);
      assert.match(folded.slice(kept.length), /^[.,;:(\-]*\s/, `${where}: cut inside a word`);
    }
  }
  assert.ok(cuts > 300 && wordCuts > 200, `only ${cuts} cuts, ${wordCuts} at a word: the generator is too tame`);
});

test('SMS keywords: whole-message STOP/START/HELP in English and Vietnamese, with or without marks', () => {
  const cases: Array<[string, 'stop' | 'start' | 'help' | undefined]> = [
    ['STOP', 'stop'],
    ['stop', 'stop'],
    ['  Stop! ', 'stop'],
    ['HUY', 'stop'],
    ['huy', 'stop'],
    ['HỦY', 'stop'],
    ['Huỷ', 'stop'],
    ['DUNG', 'stop'],
    ['DỪNG.', 'stop'],
    ['dừng', 'stop'],
    ['TU CHOI', 'stop'],
    ['Từ chối', 'stop'],
    ['tu-choi', 'stop'],
    ['UNSUBSCRIBE', 'stop'],
    ['START', 'start'],
    ['bat dau', 'start'],
    ['Bắt đầu', 'start'],
    ['DANG KY LAI', 'start'],
    ['Đăng ký lại', 'start'],
    ['dang ki lai', 'start'],
    ['HELP', 'help'],
    ['help?', 'help'],
    ['TRO GIUP', 'help'],
    ['TRỢ GIÚP', 'help'],
    ['huong dan', 'help'],
    ['Hướng dẫn!!', 'help'],
    ['huy dang ky tam tru', undefined],
    ['tôi muốn hủy hồ sơ', undefined],
    ['stop please', undefined],
    ['hướng dẫn làm khai sinh', undefined],
    ['Đúng', undefined],
    ['đúng rồi', undefined],
    ['', undefined],
    ['...', undefined],
    ['stopp', undefined],
  ];
  for (const [text, expected] of cases) assert.equal(smsKeyword(text), expected, JSON.stringify(text));
});

test('every knowledge-base answer renders as one SMS reply of at most two GSM-7 segments', () => {
  const values = placeholderValues({
    provinceName: 'thành phố Cần Thơ',
    assistantName: 'Trợ lý',
    nationalPortalUrl: 'https://dichvucong.gov.vn',
    hotline: '0292 000 0000',
  });
  const { entries } = readSeed();
  assert.ok(entries.length > 0);
  for (const entry of entries) {
    const reply: Reply = { kind: 'text', text: renderTemplate(entry.answer, values), short: renderTemplate(entry.shortAnswer, values) };
    const sms = renderSms(reply, { moreInfo: MORE });
    assert.ok(isGsm7(sms), entry.id);
    assert.ok(smsSegments(sms).segments <= 2, `${entry.id}: ${smsSegments(sms).segments} segments`);
    assert.ok(sms.length > 0, entry.id);
  }
});
