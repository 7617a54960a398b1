import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { isNextPageDigit, smsKeyword } from '../bot/sms-keywords.ts';
import { MIN_FIRST_PAGE_OPTIONS, NEXT_MENU_LINE } from '../adapters/channels/sms/menu-pages.ts';
import { paginateSms } from '../adapters/channels/sms/pages.ts';
import { foldForSms } from '../adapters/channels/sms/render.ts';
import { isGsm7, smsSegments } from '../adapters/channels/sms/segments.ts';
import { MAX_TITLE_CHARS, smsTitle } from '../adapters/channels/sms/short-title.ts';
import { FULL_TEXT_LINE, NEXT_PAGE_LINE } from '../adapters/channels/sms/text-pages.ts';
import { answerEntry } from '../bot/answer-entry.ts';
import { MENU_SECTIONS, REPORT_MENU_VALUE } from '../bot/menu.ts';
import type { ChoiceOption, IncomingMessage, Reply } from '../bot/types.ts';
import { OUT_OF_SCOPE_LABEL } from '../intents/matcher.ts';
import { placeholderValues } from '../knowledge-base/render.ts';
import { readSeed } from '../knowledge-base/seed-files.ts';
import { assembledProduct, TEST_SITE } from './helpers.ts';
import { random } from './seeded-random.ts';

type Product = Awaited<ReturnType<typeof assembledProduct>>;
let product: Product;
before(async () => {
  product = await assembledProduct();
});
after(async () => product.cleanup());

let sequence = 0;
const sms = (fields: { kind: 'text'; text: string } | { kind: 'choice'; value: string }): IncomingMessage =>
  ({ ...fields, channel: 'sms', userId: `+8491200${String(++sequence).padStart(4, '0')}`, messageId: `p-${sequence}`, receivedAt: new Date() }) as IncomingMessage;

const withinBudget = (page: string, budget: number): boolean => isGsm7(page) && smsSegments(page).encoding === 'GSM-7' && smsSegments(page).segments <= budget;
const all = (pages: { now: string[]; later: string[] }): string[] => [...pages.now, ...pages.later];

/** Every reply the bot gives that carries a menu, as an SMS resident gets it (the real bot, the seed content). */
async function menuReplies(): Promise<Array<[string, Reply]>> {
  const cases: Array<[string, IncomingMessage]> = [
    ['greeting', sms({ kind: 'choice', value: 'intent:greeting' })],
    ['help', sms({ kind: 'choice', value: 'intent:help' })],
    ['not understood', sms({ kind: 'text', text: 'qwx zzv brrk' })],
    ['out of scope', sms({ kind: 'choice', value: OUT_OF_SCOPE_LABEL })],
    ['report categories', sms({ kind: 'choice', value: REPORT_MENU_VALUE })],
    ...MENU_SECTIONS.map((section): [string, IncomingMessage] => [`section ${section.id}`, sms({ kind: 'choice', value: `menu:${section.id}` })]),
  ];
  const found: Array<[string, Reply]> = [];
  for (const [name, message] of cases) {
    const menu = (await product.bot.handle(message)).find((reply) => reply.kind === 'choices');
    assert.ok(menu, `${name}: the bot offered no menu`);
    found.push([name, menu]);
  }
  return found;
}

test('every menu the bot sends shows all its options on SMS, numbered on across pages, each page within the budget', async () => {
  const menus = await menuReplies();
  assert.ok(menus.some(([, reply]) => reply.kind === 'choices' && reply.options.length >= 10), 'the main menu has ten options');
  for (const budget of [1, 2, 3]) {
    for (const [name, reply] of menus) {
      if (reply.kind !== 'choices') continue;
      const where = `${name}, budget ${budget}`;
      const pages = paginateSms([reply], budget);
      const shown = all(pages);
      assert.equal(pages.now.length, 1, `${where}: one message at once`);
      for (const page of shown) assert.ok(withinBudget(page, budget), `${where}: over budget: ${JSON.stringify(page)}`);

      // Each option once, in order, under its own number: a digit means the same option on every page.
      const numbered = shown.flatMap((page) => page.split('\n').filter((line) => /^\d+\. /.test(line)));
      const expected = reply.options.map((option, i) => `${i + 1}. ${smsTitle(option)}`);
      const withoutNext = numbered.filter((line) => line !== NEXT_MENU_LINE);
      assert.deepEqual(withoutNext, expected, where);
      for (const line of expected) assert.ok(line.length <= MAX_TITLE_CHARS + 4, `${where}: long line ${line}`);

      // Every page but the last offers the next one as "0", the last does not.
      shown.forEach((page, i) => assert.equal(page.endsWith(`\n${NEXT_MENU_LINE}`), i < shown.length - 1, `${where}: page ${i + 1}`));
      const first = pages.now[0] ?? '';
      const onFirst = first.split('\n').filter((line) => /^[1-9]\d*\. /.test(line)).length;
      assert.ok(onFirst >= Math.min(MIN_FIRST_PAGE_OPTIONS, reply.options.length), `${where}: only ${onFirst} options on the first page`);
      assert.ok(first.split('\n')[0] !== '1. ' + smsTitle(reply.options[0] as ChoiceOption) || foldForSms(reply.text) === '', `${where}: the question is gone`);
    }
  }
});

test('the main menu uses the short titles written for SMS', async () => {
  const greeting = (await menuReplies()).find(([name]) => name === 'greeting')?.[1];
  assert.ok(greeting?.kind === 'choices');
  const shown = all(paginateSms([greeting])).join('\n');
  assert.match(shown, /^1\. Ho tich, chung thuc, ly lich$/m);
  assert.match(shown, /^9\. Phan anh: duong hu, den tat, rac$/m);
  assert.match(shown, /^10\. Gap can bo$/m);
});

test('titles without a short form are shortened to one line, titles that fit are kept', () => {
  const cases: Array<[ChoiceOption, string]> = [
    [{ value: 'a', title: 'Đăng ký khai sinh' }, 'Dang ky khai sinh'],
    [{ value: 'a', title: 'Đăng ký khai sinh', short: 'Khai sinh' }, 'Khai sinh'],
    [{ value: 'a', title: 'Cấp, đổi, cấp lại thẻ căn cước (CCCD)' }, 'Cap, doi, cap lai the can cuoc (CCCD)'],
    [{ value: 'a', title: 'Đăng ký biến động đất đai, sang tên sổ đỏ (chuyển nhượng, tặng cho, thừa kế)' }, 'Dang ky bien dong dat dai, sang ten so do'],
    [{ value: 'a', title: 'Lấn chiếm vỉa hè, lòng đường, xây dựng trái phép, quảng cáo sai quy định' }, 'Lan chiem via he, long duong'],
    [{ value: 'a', title: 'Tra cứu tình trạng giải quyết hồ sơ thủ tục hành chính' }, 'Tra cuu tinh trang giai quyet ho so thu...'],
    [{ value: 'a', title: 'x'.repeat(80) }, `${'x'.repeat(MAX_TITLE_CHARS - 3)}...`],
  ];
  for (const [option, expected] of cases) assert.equal(smsTitle(option), expected, option.title);
  const { entries } = readSeed();
  for (const entry of entries) assert.ok(smsTitle({ value: entry.id, title: entry.title }).length <= MAX_TITLE_CHARS, entry.id);
});

test('a long knowledge-base answer: its SMS summary first, then the whole answer page by page, nothing lost', () => {
  const entry = readSeed().entries.find((e) => e.id === 'khai-sinh');
  assert.ok(entry);
  const reply = answerEntry(entry, placeholderValues(TEST_SITE));
  assert.ok(reply.kind === 'text' && reply.short !== undefined);
  for (const budget of [1, 2, 3]) {
    const pages = paginateSms([reply], budget);
    assert.equal(pages.now.length, 1);
    const shown = all(pages);
    for (const page of shown) assert.ok(withinBudget(page, budget), `budget ${budget}: ${page}`);
    // The summary (one page within two segments, as its authors wrote it) says the full answer follows.
    const summary = shown.filter((page) => page.endsWith(`\n${FULL_TEXT_LINE}`));
    if (budget >= 2) assert.deepEqual(summary, [`${foldForSms(reply.short)}\n${FULL_TEXT_LINE}`]);
    assert.deepEqual(shown.slice(0, summary.length), summary, 'the summary comes first');
    assert.equal(joined(summary.map((page) => page.replace(`\n${FULL_TEXT_LINE}`, `\n${NEXT_PAGE_LINE}`))), squeeze(foldForSms(reply.short)));
    const full = shown.slice(summary.length);
    assert.ok(full.length >= 4, `budget ${budget}: ${full.length} pages`);
    full.forEach((page, i) => assert.equal(page.endsWith(`\n${NEXT_PAGE_LINE}`), i < full.length - 1, `budget ${budget}, page ${i + 1}`));
    assert.equal(joined(full), squeeze(foldForSms(reply.text)), `budget ${budget}`);
  }
});

/** The pages' text without their pointers and the "..." marking a cut inside a sentence, one space between words. */
function joined(pages: readonly string[]): string {
  const pointer = new RegExp(`( \\.\\.\\.)?\\n${NEXT_PAGE_LINE.replace(/[()]/g, '\\$&')}$`);
  return squeeze(pages.map((page) => page.replace(pointer, '')).join(' '));
}
const squeeze = (text: string): string => text.replace(/\s+/g, ' ').trim();

test('several replies in one turn: those before the long one go at once, the rest waits, each waiting page says how to get it', () => {
  const long = 'Hồ sơ gồm tờ khai, giấy chứng sinh và giấy tờ tùy thân. '.repeat(12);
  const replies: Reply[] = [
    { kind: 'text', text: 'Phản ánh bạn đang soạn dở đã quá lâu nên tôi đã hủy.' },
    { kind: 'text', text: long },
    { kind: 'text', text: 'Một tin ngắn sau đó.' },
    { kind: 'choices', text: 'Bạn chọn:', options: [{ value: 'a', title: 'Khai sinh' }, { value: 'b', title: 'Kết hôn' }] },
  ];
  const pages = paginateSms(replies);
  assert.equal(pages.now.length, 2);
  assert.equal(pages.now[0], 'Phan anh ban dang soan do da qua lau nen toi da huy.');
  assert.ok(pages.now[1]?.endsWith(NEXT_PAGE_LINE));
  const waiting = pages.later;
  assert.ok(waiting.length >= 3);
  waiting.slice(0, -1).forEach((page) => assert.ok(page.endsWith(NEXT_PAGE_LINE) || page.endsWith(NEXT_MENU_LINE), page));
  assert.equal(waiting.at(-1), 'Ban chon:\n1. Khai sinh\n2. Ket hon');
  assert.ok(waiting.includes(`Mot tin ngan sau do.\n${NEXT_PAGE_LINE}`));
  // Replies that fit are sent as they are, all at once.
  assert.deepEqual(paginateSms([{ kind: 'text', text: 'Chào bạn!' }, { kind: 'link', text: 'Nộp tại', url: 'https://dichvucong.gov.vn' }]), {
    now: ['Chao ban!', 'Nop tai https://dichvucong.gov.vn'],
    later: [],
  });
  assert.deepEqual(paginateSms([{ kind: 'text', text: '👍' }]), { now: [], later: [] });
});

test('property: any text pages within the budget, every page but the last says how to get the next, the pages join back to the text', () => {
  const next = random(7);
  const words = ['khai', 'sinh', 'đăng', 'ký', 'tại', 'UBND', 'xã/phường;', 'hồ sơ:', 'giấy', 'tờ.', '(nếu có)', '\n-', '€{x}', 'https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html', 'y'.repeat(400)];
  let paged = 0;
  for (let i = 0; i < 300; i++) {
    const budget = 1 + Math.floor(next() * 3);
    const count = Math.floor(next() ** 2 * 600);
    const text = Array.from({ length: count }, () => words[Math.floor(next() * (next() < 0.02 ? words.length : words.length - 1))]).join(' ');
    const pages = paginateSms([{ kind: 'text', text }], budget);
    const shown = all(pages);
    for (const page of shown) assert.ok(withinBudget(page, budget), `case ${i}: ${page}`);
    shown.forEach((page, n) => assert.equal(page.endsWith(NEXT_PAGE_LINE), n < shown.length - 1, `case ${i}, page ${n + 1}`));
    if (!text.includes('y'.repeat(400))) assert.equal(joined(shown), squeeze(foldForSms(text)), `case ${i}`);
    if (shown.length > 1) paged++;
  }
  assert.ok(paged > 100, `only ${paged} texts needed paging`);
});

test('THEM and its Vietnamese forms ask for the next page; "0" only counts where a page is held', () => {
  for (const text of ['THEM', 'them', 'Thêm', ' thêm! ', 'XEM TIEP', 'xem tiếp', 'xem them', 'tiep', 'More']) assert.equal(smsKeyword(text), 'more', text);
  // "thèm" (to crave) is not "thêm"; a sentence with the word is a question.
  for (const text of ['thèm', 'them giay to gi', 'tiếp nhận hồ sơ ở đâu']) assert.equal(smsKeyword(text), undefined, text);
  assert.equal(isNextPageDigit(' 0 '), true);
  for (const text of ['00', '10', 'o', '0 1']) assert.equal(isNextPageDigit(text), false, text);
});
