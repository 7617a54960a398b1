import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createWebChatMailbox } from '../../adapters/storage/webchat-mailbox.ts';
import type { StoreHarness } from './harness.ts';

const text = (t: string) => ({ kind: 'text', text: t }) as const;

/**
 * The web chat page polls "after N": a number it has seen must never be followed by a smaller one committing
 * later (migration 0014-webchat-order). Two instances write to one resident's mailbox at once here.
 */
export function webchatMailboxContract(harness: () => StoreHarness, dialect: StoreHarness['dialect']): void {
  test('numbers per resident: 1, 2, 3... whatever other residents get; racing writers on two instances never share one', async () => {
    const store = await harness().fresh();
    const one = createWebChatMailbox(store.db);
    const two = createWebChatMailbox(store.another());
    await one.put('someone-else', text('khác'));
    const seqs = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? one : two).put('w-race', text(`tin ${i}`))));
    assert.deepEqual([...seqs].sort((a, b) => a - b), Array.from({ length: 30 }, (_, i) => i + 1));
    const all = await one.fetchAfter('w-race', 0);
    assert.deepEqual(all.map((i) => i.seq), Array.from({ length: 30 }, (_, i) => i + 1));
    assert.deepEqual((await one.fetchAfter('someone-else', 0)).map((i) => i.seq), [1]);
  });

  test('a page polling while two instances write sees every message, in order, none twice', async () => {
    const store = await harness().fresh();
    const writers = [createWebChatMailbox(store.db), createWebChatMailbox(store.another())];
    const reader = createWebChatMailbox(store.another());
    let writing = true;
    const seen: number[] = [];
    const poller = (async () => {
      let cursor = 0;
      for (;;) {
        const done = !writing;
        for (const item of await reader.fetchAfter('w-poll', cursor)) {
          seen.push(item.seq);
          cursor = item.seq;
        }
        if (done) return;
        await new Promise((r) => setTimeout(r, 1));
      }
    })();
    await Promise.all(writers.map((w, k) => (async () => {
      for (let i = 0; i < 40; i++) await w.put('w-poll', text(`${k}-${i}`));
    })()));
    writing = false;
    await poller;
    assert.deepEqual(seen, Array.from({ length: 80 }, (_, i) => i + 1));
  });

  // PostgreSQL only: better-sqlite3 waits for a lock synchronously, so one process cannot hold a write open and
  // write beside it, and SQLite has one writer at a time in any case.
  if (dialect === 'postgres') test('a writer whose commit is late holds back the next number: a poll never sees 2 before 1', async () => {
    const store = await harness().fresh();
    const late = store.another();
    const other = createWebChatMailbox(store.another());
    const reader = createWebChatMailbox(store.db);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let firstNumber = 0;
    const slow = late.transaction().execute(async (trx) => {
      firstNumber = await createWebChatMailbox(trx).put('w-late', text('trước'));
      await held;
    });
    while (firstNumber === 0) await new Promise((r) => setTimeout(r, 5));
    let secondDone = false;
    const second = other.put('w-late', text('sau')).then((n) => {
      secondDone = true;
      return n;
    });
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(secondDone, false, 'the second writer waits for the first one to commit');
    assert.deepEqual(await reader.fetchAfter('w-late', 0), [], 'nothing visible while number 1 is uncommitted');
    release();
    await slow;
    assert.equal(await second, 2);
    assert.deepEqual((await reader.fetchAfter('w-late', 0)).map((i) => [i.seq, (i.reply as { text: string }).text]), [[1, 'trước'], [2, 'sau']]);
  });

  test('after the resident\'s data is erased, numbering starts again and a page past it gets the new messages', async () => {
    const store = await harness().fresh();
    const mailbox = createWebChatMailbox(store.db);
    for (const t of ['a', 'b', 'c']) await mailbox.put('w-erased', text(t));
    await store.db.deleteFrom('webchat_mailbox').where('user_id', '=', 'w-erased').execute();
    assert.deepEqual(await mailbox.fetchAfter('w-erased', 3), []);
    assert.equal(await mailbox.put('w-erased', text('mới')), 1);
    assert.deepEqual((await mailbox.fetchAfter('w-erased', 3)).map((i) => i.seq), [1], 'a cursor past the newest number reads from the start');
    assert.deepEqual(await mailbox.fetchAfter('w-erased', 1), []);
  });

  test('a resend of one outbox message (same delivery key) shows once, even racing on two instances', async () => {
    const store = await harness().fresh();
    const one = createWebChatMailbox(store.db);
    const two = createWebChatMailbox(store.another());
    const first = await one.put('w-resend', text('Phản ánh PA-1 đã xử lý'), 'webchat:report-status:PA-1:0');
    // The outcome was not recorded (a crash before the "sent" mark): the outbox sends it again, here twice at once.
    const again = await Promise.all([one.put('w-resend', text('Phản ánh PA-1 đã xử lý'), 'webchat:report-status:PA-1:0'), two.put('w-resend', text('Phản ánh PA-1 đã xử lý'), 'webchat:report-status:PA-1:0')]);
    assert.deepEqual(again, [first, first]);
    const next = await two.put('w-resend', text('tin sau'), 'webchat:other:1');
    const unkeyed = await one.put('w-resend', text('không khoá'));
    assert.deepEqual((await one.fetchAfter('w-resend', 0)).map((i) => [i.seq, (i.reply as { text: string }).text]), [
      [first, 'Phản ánh PA-1 đã xử lý'],
      [next, 'tin sau'],
      [unkeyed, 'không khoá'],
    ]);
  });
}
