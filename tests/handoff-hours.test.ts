import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeWeek, parseHandoffHours } from '../bot/handoff-hours.ts';

test('desk hours are shown to staff in Vietnamese, consecutive days with the same hours grouped', () => {
  const cases: Array<[string, string]> = [
    ['Mon-Fri 07:00-11:30,13:30-17:00; Sat 07:00-11:30', 'Thứ Hai - Thứ Sáu: 07:00-11:30, 13:30-17:00; Thứ Bảy: 07:00-11:30'],
    ['Thứ Hai - Thứ Sáu, sáng 7:00-11:30, chiều 13:30-17:00', 'Thứ Hai - Thứ Sáu: 07:00-11:30, 13:30-17:00'],
    ['Mon 08:00-12:00; Wed 08:00-12:00', 'Thứ Hai: 08:00-12:00; Thứ Tư: 08:00-12:00'],
    ['Sat-Sun 07:00-11:00', 'Thứ Bảy - Chủ nhật: 07:00-11:00'],
  ];
  for (const [source, expected] of cases) {
    const week = parseHandoffHours(source);
    assert.ok(week, source);
    assert.equal(describeWeek(week), expected, source);
  }
});
