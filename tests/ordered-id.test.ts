import assert from 'node:assert/strict';
import { test } from 'node:test';
import { timeOrderedId } from '../bot/ordered-id.ts';

test('outbox and message-log ids sort by creation time, are UUID-shaped (version 7) and do not repeat', () => {
  const start = Date.UTC(2026, 11, 2, 3, 0, 0);
  const ids = Array.from({ length: 5_000 }, (_, i) => timeOrderedId(start + Math.floor(i / 10)));
  for (let i = 10; i < ids.length; i += 10) assert.ok((ids[i - 10] as string) < (ids[i] as string), 'a later millisecond sorts after an earlier one');
  assert.equal(new Set(ids).size, ids.length, 'ten in the same millisecond are still distinct');
  for (const id of ids.slice(0, 50)) assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(timeOrderedId(start).slice(0, 13).replace('-', ''), start.toString(16).padStart(12, '0'), 'the time is readable from the id');
});
