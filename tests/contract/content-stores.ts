import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createCatalogueStore } from '../../adapters/storage/catalogue-store.ts';
import { createStaffStores } from '../../admin/store/index.ts';
import type { CatalogueProcedure } from '../../knowledge-base/catalogue/types.ts';
import { createKnowledgeStore } from '../../adapters/storage/knowledge-store.ts';
import type { KnowledgeEntry } from '../../knowledge-base/types.ts';
import type { StoreHarness } from './harness.ts';

const entry = (id: string, group: string, title: string): KnowledgeEntry => ({
  id,
  title,
  group,
  answer: `Trả lời cho ${title}: {{hotline}}`,
  shortAnswer: 'Tra loi ngan',
  examples: ['làm sao để đăng ký', 'dk o dau'],
  keywords: ['đăng ký'],
  source: { procedureCodes: ['1.000178'], legalBasis: ['Luật Hộ tịch 2014'] },
  reviewedAt: '2026-01-15',
});

const procedure = (i: number): CatalogueProcedure => ({
  code: `1.${String(i).padStart(6, '0')}`,
  name: `Thủ tục số ${i}`,
  level: 'Cấp xã',
  field: 'Hộ tịch',
  agency: i % 2 === 0 ? 'UBND cấp xã' : '',
  url: `https://dichvucong.gov.vn/p/${i}`,
});

/** The knowledge base, the procedure catalogue and the staff workspace's stores. */
export function contentStoresContract(harness: () => StoreHarness): void {
  test('knowledge base: seeded once, entries and definitions round-trip, a save replaces the entry', async () => {
    const store = await harness().fresh();
    const knowledge = createKnowledgeStore(store.db);
    const seed = {
      entries: [entry('khai-sinh', 'ho-tich', 'Đăng ký khai sinh'), entry('ket-hon', 'ho-tich', 'Đăng ký kết hôn'), entry('cccd', 'cu-tru', 'Căn cước')],
      definitions: [{ label: 'report:chieu-sang', title: 'Đèn đường', examples: ['đèn tắt'], keywords: ['đèn'] }],
    };
    assert.equal(await knowledge.seedIfEmpty(seed), 3);
    assert.equal(await knowledge.seedIfEmpty(seed), 0);
    assert.deepEqual((await knowledge.listEntries()).map((e) => e.id), ['cccd', 'ket-hon', 'khai-sinh'], 'by group, then id');
    assert.deepEqual(await knowledge.getEntry('ket-hon'), seed.entries[1]);
    await knowledge.saveEntry({ ...seed.entries[1]!, title: 'Đăng ký kết hôn (sửa)' }, 'lan');
    assert.equal((await knowledge.getEntry('ket-hon'))?.title, 'Đăng ký kết hôn (sửa)');
    assert.equal((await knowledge.listEntries()).length, 3);
    await knowledge.saveDefinition({ label: 'report:chieu-sang', title: 'Chiếu sáng', examples: [], keywords: [] });
    assert.deepEqual(await knowledge.listDefinitions(), [{ label: 'report:chieu-sang', title: 'Chiếu sáng', examples: [], keywords: [] }]);
    assert.equal(await knowledge.getEntry('none'), undefined);
  });

  test('procedure catalogue: upserts in batches, reads back in code order, removes, seeds only when empty', async () => {
    const store = await harness().fresh();
    const catalogue = createCatalogueStore(store.db);
    const all = Array.from({ length: 40 }, (_, i) => procedure(i));
    assert.equal(await catalogue.seedIfEmpty(all), 40);
    assert.equal(await catalogue.seedIfEmpty(all), 0);
    assert.equal(await catalogue.count(), 40);
    await catalogue.upsert([{ ...procedure(3), name: 'Thủ tục số 3 (đổi tên)' }, procedure(99)]);
    assert.equal((await catalogue.get(procedure(3).code))?.name, 'Thủ tục số 3 (đổi tên)');
    const codes = (await catalogue.list()).map((p) => p.code);
    assert.deepEqual(codes, [...codes].sort());
    assert.equal(codes.length, 41);
    assert.equal(await catalogue.remove([...all.slice(0, 30).map((p) => p.code), '9.999']), 30);
    assert.equal(await catalogue.count(), 11);
    assert.equal(await catalogue.get(procedure(0).code), undefined);
  });

  test('staff: usernames unique also under a race, sessions resume and end, failed log-ins counted, audit filters', async () => {
    const store = await harness().fresh();
    let clock = Date.parse('2026-11-01T00:00:00.000Z');
    const now = () => new Date((clock += 1000));
    const limits = { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 };
    const staff = createStaffStores(store.db, limits, now);
    const other = createStaffStores(store.another(), limits, now);
    const account = { username: 'lan.nt', email: null, displayName: 'Nguyễn Thị Lan', role: 'editor' as const, passwordHash: 'pbkdf2-sha256$1$s$h', mustChangePassword: true };
    const created = await Promise.all([staff.accounts.create(account), other.accounts.create(account)]);
    assert.equal(created.filter((a) => a !== undefined).length, 1, 'one of two concurrent creations wins');
    const lan = (await staff.accounts.byUsername('lan.nt'))!;
    assert.equal(lan.displayName, 'Nguyễn Thị Lan');
    assert.equal(lan.mustChangePassword, true);
    assert.equal(await staff.accounts.count(), 1);
    await staff.accounts.update(lan.id, { role: 'operator', disabled: true });
    assert.deepEqual([(await staff.accounts.byId(lan.id))?.role, (await staff.accounts.byId(lan.id))?.disabled], ['operator', true]);

    const session = await staff.sessions.start(lan.id);
    assert.equal((await other.sessions.resume(session.token))?.staffId, lan.id);
    await staff.sessions.end(session.token);
    assert.equal(await other.sessions.resume(session.token), undefined);

    const since = new Date(clock);
    await staff.attempts.record('lan.nt', '10.0.0.1', false);
    await staff.attempts.record('lan.nt', '10.0.0.1', false);
    assert.equal(await staff.attempts.failuresFor('lan.nt', since), 2);
    await staff.attempts.record('lan.nt', '10.0.0.1', true);
    assert.equal(await staff.attempts.failuresFor('lan.nt', since), 0, 'a success starts the count again');
    assert.equal(await staff.attempts.failuresFrom('10.0.0.1', since), 2);

    await staff.auditLog.audit('admin', 'account.create', lan.id, null, { username: 'lan.nt' });
    await staff.auditLog.audit('admin', 'account.update', lan.id, { role: 'editor' }, { role: 'operator' });
    await staff.auditLog.audit('lan.nt', 'kb.publish', 'khai-sinh', null, null);
    assert.deepEqual((await staff.auditLog.list({ action: 'account.' })).map((e) => e.action), ['account.update', 'account.create']);
    assert.deepEqual((await staff.auditLog.list({ actor: 'lan.nt' })).map((e) => e.subject), ['khai-sinh']);
    assert.deepEqual((await staff.auditLog.list({ action: 'account.update' }))[0]?.after, { role: 'operator' });
  });
}
