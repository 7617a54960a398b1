import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createAuditLog } from '../../admin/store/audit-log.ts';
import type { StoreHarness } from './harness.ts';

/** The audit log's action filter reads the same on every dialect (LIKE ignores case on SQLite only). */
export function auditFilterContract(harness: () => StoreHarness): void {
  test('audit filter: an "area." prefix and an exact action match whatever case is typed, and % or _ are plain text', async () => {
    const store = await harness().fresh();
    const auditLog = createAuditLog(store.db, () => new Date());
    await auditLog.audit('admin', 'account.create', 'a1', null, null);
    await auditLog.audit('admin', 'account.update', 'a1', null, null);
    await auditLog.audit('admin', 'kb.publish', 'khai-sinh', null, null);
    await auditLog.audit('admin', 'accountx.other', 'x', null, null);
    const actions = async (action: string) => (await auditLog.list({ action })).map((e) => e.action).sort();
    assert.deepEqual(await actions('account.'), ['account.create', 'account.update']);
    assert.deepEqual(await actions('Account.'), ['account.create', 'account.update'], 'a capital typed in the filter box');
    assert.deepEqual(await actions('KB.Publish'), ['kb.publish']);
    assert.deepEqual(await actions('acc%.'), [], '% is not a wildcard');
    assert.deepEqual(await actions('account_'), [], '_ is not a wildcard');
    assert.deepEqual(await actions('kb'), [], 'without the dot it is an exact action');
  });
}
