import assert from 'node:assert/strict';
import { test } from 'node:test';
import { choiceTitles } from '../adapters/channels/webchat/choice-titles.ts';
import { historyBubbles, type LoggedMessage } from '../adapters/channels/webchat/history.ts';

const titleOf = (label: string) => ({ 'kb:khai-sinh': 'Đăng ký khai sinh', 'report:chieu-sang': 'Chiếu sáng' })[label] ?? label;
const choiceTitle = choiceTitles({ titleOf, communeName: (id) => (id === 'phuong-vi-tan' ? 'phường Vị Tân' : undefined) });

test('a tapped option is shown by the title the resident saw', () => {
  const cases: Array<[string, string | undefined]> = [
    ['menu:ho-tich', 'Hộ tịch, chứng thực, lý lịch tư pháp'],
    ['flow:report', 'Gửi phản ánh hiện trường (đường hư, đèn tắt, rác...)'],
    ['kb:khai-sinh', 'Đăng ký khai sinh'],
    ['report:chieu-sang', 'Chiếu sáng'],
    ['flow:confirm', 'Gửi phản ánh'],
    ['flow:cancel', 'Hủy'],
    ['flow:skip-photo', 'Bỏ qua, không gửi ảnh'],
    ['flow:unknown-commune', 'Không rõ / nơi khác'],
    ['commune:phuong-vi-tan', 'phường Vị Tân'],
    ['commune:nowhere', undefined],
    ['kb:unknown-entry', undefined],
  ];
  for (const [value, title] of cases) assert.equal(choiceTitle(value), title, value);
});

const at = (second: number) => `2026-03-02T08:00:${String(second).padStart(2, '0')}.000Z`;
const row = (direction: 'in' | 'out', kind: string, text: string, second: number): LoggedMessage => ({ direction, kind, text, at: at(second) });
const menu = [{ value: 'menu:ho-tich', title: 'Hộ tịch' }];

test('history: the page opening is hidden, taps titled, mailbox merged in time, buttons on the latest bot message only', () => {
  const bubbles = historyBubbles({
    transcript: [
      row('in', 'follow', '[follow]', 1),
      row('out', 'choices', 'Xin chào! Bạn chọn:', 1),
      row('in', 'choice', 'kb:khai-sinh', 3),
      row('out', 'text', 'Đăng ký khai sinh: ...', 3),
      row('in', 'text', 'cảm ơn', 9),
      row('out', 'choices', 'Bạn cần gì thêm?', 9),
    ],
    mailbox: [{ seq: 4, at: at(5), reply: { kind: 'link', text: 'Ảnh kết quả xử lý:', url: 'https://example.org/a.jpg' } }],
    pendingOptions: menu,
    choiceTitle,
  });
  assert.deepEqual(
    bubbles.map((b) => [b.from, b.text]),
    [
      ['bot', 'Xin chào! Bạn chọn:'],
      ['resident', 'Đăng ký khai sinh'],
      ['bot', 'Đăng ký khai sinh: ...'],
      ['bot', 'Ảnh kết quả xử lý:'],
      ['resident', 'cảm ơn'],
      ['bot', 'Bạn cần gì thêm?'],
    ],
  );
  assert.equal(bubbles[3]?.url, 'https://example.org/a.jpg');
  assert.deepEqual(bubbles.at(-1)?.options, menu);
  assert.equal(bubbles.filter((b) => b.options).length, 1);
});

test('history: no buttons when the options expired, or when an update came after the menu', () => {
  const transcript = [row('out', 'choices', 'Bạn chọn:', 1)];
  assert.equal(historyBubbles({ transcript, mailbox: [], pendingOptions: undefined, choiceTitle }).at(-1)?.options, undefined);
  const later = historyBubbles({ transcript, mailbox: [{ seq: 1, at: at(2), reply: { kind: 'text', text: 'Cập nhật phản ánh PA1234' } }], pendingOptions: menu, choiceTitle });
  assert.equal(later.filter((b) => b.options).length, 0);
});

test('history keeps only the latest messages', () => {
  const transcript = Array.from({ length: 50 }, (_, i) => row(i % 2 ? 'out' : 'in', 'text', `m${i}`, i));
  const bubbles = historyBubbles({ transcript, mailbox: [], pendingOptions: undefined, choiceTitle, limit: 10 });
  assert.deepEqual(bubbles.map((b) => b.text), Array.from({ length: 10 }, (_, i) => `m${40 + i}`));
});
