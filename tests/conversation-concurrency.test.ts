/**
 * Two messages of one resident handled at once lose no update, on SQLite and PostgreSQL: in one instance they
 * are taken in turn; across two instances the second save finds the version changed and the turn is worked out
 * again from what the first saved.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { assemble, type Assembly } from '../adapters/runtime/assemble.ts';
import type { ConversationStore, SaveOutcome } from '../bot/conversation-store.ts';
import { createConversationStore } from '../adapters/storage/conversation-store.ts';
import { createBot, type Bot } from '../bot/handle.ts';
import { MENU_SECTIONS } from '../bot/menu.ts';
import { createReportDesk } from '../bot/report-desk.ts';
import { createUnansweredStore } from '../adapters/storage/unanswered-store.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../adapters/storage/schema.ts';
import type { FreshStore, StoreHarness } from './contract/harness.ts';
import { choiceMessage, TEST_SITE, textMessage } from './helpers.ts';
import { requirePostgres } from './pg/cluster.ts';
import { describeOnStores } from './pg/describe-stores.ts';

const postgres = await requirePostgres();

/** A promise with its resolve function, to hold one instance at a chosen point. */
function signal(): { promise: Promise<void>; fire: () => void } {
  let fire = () => {};
  const promise = new Promise<void>((resolve) => (fire = resolve));
  return { promise, fire };
}

/**
 * Forces the interleaving that loses an update without a version check: both instances load the conversation
 * before either saves, and the second saves only after the first has.
 */
function interleave(first: ConversationStore, second: ConversationStore) {
  const loaded = [signal(), signal()] as const;
  const firstSaved = signal();
  const outcomes: { first: SaveOutcome[]; second: SaveOutcome[] } = { first: [], second: [] };
  const wrap = (store: ConversationStore, index: 0 | 1): ConversationStore => {
    let loads = 0;
    return {
      ...store,
      async load(channel, userId) {
        const conversation = await store.load(channel, userId);
        if (loads++ === 0) {
          loaded[index].fire();
          await Promise.all(loaded.map((s) => s.promise));
        }
        return conversation;
      },
      async save(conversation, state, needsStaff) {
        const mine = index === 0 ? outcomes.first : outcomes.second;
        if (index === 1 && mine.length === 0) await firstSaved.promise;
        const outcome = await store.save(conversation, state, needsStaff);
        mine.push(outcome);
        if (index === 0) firstSaved.fire();
        return outcome;
      },
    };
  };
  return { first: wrap(first, 0), second: wrap(second, 1), outcomes };
}

function botOver(assembly: Assembly, db: Kysely<Database>, conversations: ConversationStore): Bot {
  const reports = createReportDesk({
    service: assembly.reportService,
    gazetteer: assembly.gazetteer,
    site: TEST_SITE,
    categories: assembly.reportCategories.map((c) => ({ value: `report:${c.id}`, title: c.title })),
    categoryTitle: (id) => id,
    ttlMs: 30 * 60_000,
    now: () => new Date(),
  });
  return createBot({ understanding: assembly.understanding.current, conversations, unanswered: createUnansweredStore(db), site: TEST_SITE, reports });
}

function concurrencySuite(harness: () => StoreHarness): void {
  let store: FreshStore;
  let assembly: Assembly;
  before(async () => {
    store = await harness().fresh();
    assembly = await assemble(store.db, TEST_SITE);
  });

  test('one instance: the second message is handled after the first and sees its options', async () => {
    const [menu, section] = await Promise.all([
      assembly.bot.handle(choiceMessage('intent:help', 'same-instance')),
      assembly.bot.handle(textMessage('1', 'same-instance')),
    ]);
    assert.equal(menu.at(-1)?.kind, 'choices');
    const picked = section.at(-1);
    assert.ok(picked?.kind === 'choices' && picked.text.startsWith(MENU_SECTIONS[0]!.title), `"1" picked from the menu: ${picked?.text}`);
    const saved = await assembly.conversations.load('webchat', 'same-instance');
    assert.equal(saved.version, 2, 'two turns, two saves');
    assert.ok(saved.state.pending?.options.some((o) => o.value === 'kb:khai-sinh'));
  });

  test('two instances: the turn that finds the conversation changed is worked out again from the saved state', async () => {
    const other = store.another();
    const gate = interleave(createConversationStore(store.db), createConversationStore(other));
    const first = botOver(assembly, store.db, gate.first);
    const second = botOver(assembly, other, gate.second);
    const [menu, section] = await Promise.all([first.handle(choiceMessage('intent:help', 'two-instances')), second.handle(textMessage('1', 'two-instances'))]);
    assert.deepEqual(gate.outcomes, { first: ['saved'], second: ['conflict', 'saved'] });
    assert.equal(menu.at(-1)?.kind, 'choices');
    const picked = section.at(-1);
    assert.ok(picked?.kind === 'choices' && picked.text.startsWith(MENU_SECTIONS[0]!.title), `the retried turn saw the menu: ${picked?.text}`);
    const saved = await assembly.conversations.load('webchat', 'two-instances');
    assert.equal(saved.version, 2);
    assert.ok(saved.state.pending?.options.some((o) => o.value === 'kb:khai-sinh'), 'the section the second turn offered is what is remembered');
    const transcript = await assembly.conversations.transcript(saved.id);
    assert.equal(transcript.filter((t) => t.direction === 'in').length, 2, 'the retried message is logged once');
  });
}

describeOnStores('concurrent messages of one conversation', postgres, concurrencySuite);
