import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assemble } from '../adapters/runtime/assemble.ts';
import { MIGRATIONS } from '../adapters/storage/migrations/index.ts';
import { readSeed } from '../knowledge-base/seed-files.ts';
import { MENU_SECTIONS } from '../bot/menu.ts';
import { assembledProduct, choiceMessage, reopenDatabase, TEST_SITE, textMessage } from './helpers.ts';

let product: Awaited<ReturnType<typeof assembledProduct>>;
before(async () => {
  product = await assembledProduct();
});
after(async () => product.cleanup());

test('first start migrates the SQLite file and seeds every shipped entry', async () => {
  assert.deepEqual(product.migrated, Object.keys(MIGRATIONS).sort());
  const seed = readSeed();
  assert.equal(product.seeded, seed.entries.length);
  const stored = await product.knowledge.listEntries();
  assert.equal(stored.length, seed.entries.length);
  const birth = await product.knowledge.getEntry('khai-sinh');
  assert.ok(birth);
  assert.deepEqual(birth, seed.entries.find((e) => e.id === 'khai-sinh'));
  assert.equal((await product.knowledge.listDefinitions()).length, seed.definitions.length);
});

test('a second start on the same file neither re-runs migrations nor re-seeds over staff edits', async () => {
  const edited = { ...(await product.knowledge.getEntry('khai-tu'))!, title: 'Đăng ký khai tử (đã sửa)' };
  await product.knowledge.saveEntry(edited, 'staff-1');
  const again = reopenDatabase(product.path);
  try {
    const second = await assemble(again, TEST_SITE);
    assert.deepEqual(second.migrated, []);
    assert.equal(second.seeded, 0);
    assert.equal((await second.knowledge.getEntry('khai-tu'))?.title, 'Đăng ký khai tử (đã sửa)');
  } finally {
    await again.destroy();
  }
});

test('a conversation started on one instance continues on another (state lives in the database)', async () => {
  const menu = (await product.bot.handle(choiceMessage('intent:help', 'resident-state'))).at(-1);
  assert.ok(menu && menu.kind === 'choices', 'help shows the menu');
  assert.equal(menu.options[0]?.value, `menu:${MENU_SECTIONS[0]!.id}`);
  const other = reopenDatabase(product.path);
  try {
    const secondInstance = await assemble(other, TEST_SITE);
    const section = (await secondInstance.bot.handle(textMessage('1', 'resident-state'))).at(-1);
    assert.ok(section && section.kind === 'choices');
    assert.ok(section.text.startsWith(MENU_SECTIONS[0]!.title), section.text);
    assert.ok(section.options.some((o) => o.value === 'kb:khai-sinh'));
    const birthIndex = section.options.findIndex((o) => o.value === 'kb:khai-sinh');
    const answer = await product.bot.handle(textMessage(String(birthIndex + 1), 'resident-state'));
    assert.match(answer[0]?.text ?? '', /khai sinh/i);
    const row = await other.selectFrom('conversations').selectAll().where('channel', '=', 'webchat').where('user_id', '=', 'resident-state').executeTakeFirstOrThrow();
    assert.equal(row.last_label, 'kb:khai-sinh');
  } finally {
    await other.destroy();
  }
});
