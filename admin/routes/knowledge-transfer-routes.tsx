import { Hono, type Context } from 'hono';
import { applyImport, checkImport, exportCsv, exportJson, formatOf } from '../../knowledge-base/import-export.ts';
import type { DraftEntry } from '../../knowledge-base/publishing.ts';
import { currentStaff, csrfToken, type AdminEnv } from '../context.ts';
import type { AdminDeps } from '../deps.ts';
import { ADMIN_SECURITY, renderPage } from '../render.tsx';
import { allows } from '../roles.ts';
import { fileError } from '../views/knowledge/problems.ts';
import { ImportReportPage, TransferPage } from '../views/knowledge/transfer-page.tsx';
import { readForm } from './form.ts';
import type { KnowledgeServices } from './knowledge-services.tsx';

// The app caps /admin bodies at 1 MiB (adapters/http/app.ts); say so in words before the cap answers 413.
const MAX_IMPORT_BYTES = 1_000_000;
const MAX_CHUNK = 100;

/**
 * /admin/knowledge/transfer, export.csv|json, import (check: nothing written), import/confirm (all at once,
 * without JavaScript) and import/chunk (the page's script sends the checked rows in chunks and shows progress).
 * Confirmed rows are checked again when saved, so the hidden payload cannot slip anything past validation.
 */
export function knowledgeTransferRoutes(deps: AdminDeps, services: KnowledgeServices): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  const { publishing } = services;
  const transferPage = async (c: Context<AdminEnv>, extra: { error?: string; status?: 200 | 400 } = {}) =>
    renderPage(c, deps, { title: 'Nhập / xuất kiến thức', active: 'knowledge', status: extra.status ?? 200 }, (
      <TransferPage csrfToken={csrfToken(c)} canEdit={allows('editor', currentStaff(c).role)} error={extra.error} />
    ));

  app.get('/transfer', (c) => transferPage(c));

  app.get('/export.csv', async (c) => {
    const body = exportCsv(await publishing.workingSet());
    return c.body(body, 200, { ...ADMIN_SECURITY, 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="kien-thuc.csv"' });
  });

  app.get('/export.json', async (c) => {
    const body = exportJson(await publishing.workingSet());
    return c.body(body, 200, { ...ADMIN_SECURITY, 'content-type': 'application/json; charset=utf-8', 'content-disposition': 'attachment; filename="kien-thuc.json"' });
  });

  app.post('/import', async (c) => {
    const body = await c.req.parseBody();
    const file = body.file;
    if (!(file instanceof File) || file.size === 0) return transferPage(c, { error: 'Hãy chọn một tệp CSV hoặc JSON.', status: 400 });
    if (file.size > MAX_IMPORT_BYTES) return transferPage(c, { error: 'Tệp quá lớn (tối đa 1 MB); hãy chia thành nhiều tệp.', status: 400 });
    const format = formatOf(file.name, file.type);
    if (!format) return transferPage(c, { error: 'Chỉ nhận tệp .csv hoặc .json.', status: 400 });
    const current = new Map((await publishing.workingSet()).map((e) => [e.id, e]));
    const check = checkImport(await file.text(), format, current);
    if (check.error) return transferPage(c, { error: fileError(check.error), status: 400 });
    const toSave = check.rows.flatMap((r) => (r.entry && r.change !== 'unchanged' ? [r.entry] : []));
    return renderPage(c, deps, { title: 'Kiểm tra tệp nhập', active: 'knowledge' }, (
      <ImportReportPage fileName={file.name} rows={check.rows} payload={JSON.stringify(toSave)} csrfToken={csrfToken(c)} />
    ));
  });

  app.post('/import/confirm', async (c) => {
    const entries = parsePayload((await readForm(c))('payload'));
    if (!entries) return transferPage(c, { error: 'Dữ liệu xác nhận không đọc được; hãy kiểm tra tệp lại.', status: 400 });
    const result = await applyImport(publishing, entries, currentStaff(c).actor);
    if (result.saved > 0) services.drafts.warm();
    return c.redirect(`/admin/knowledge?done=imported&saved=${result.saved}&unchanged=${result.unchanged}&failed=${result.failed.length}`, 303);
  });

  app.post('/import/chunk', async (c) => {
    const body = (await c.req.json().catch(() => undefined)) as { entries?: unknown } | undefined;
    const entries = Array.isArray(body?.entries) ? (body.entries as DraftEntry[]) : undefined;
    if (!entries || entries.length > MAX_CHUNK) return c.json({ error: `send 1-${MAX_CHUNK} entries as {"entries": [...]}` }, 400);
    const result = await applyImport(publishing, entries, currentStaff(c).actor);
    if (result.saved > 0) services.drafts.warm();
    return c.json(result);
  });

  return app;
}

function parsePayload(text: string): DraftEntry[] | undefined {
  try {
    const data = JSON.parse(text) as unknown;
    return Array.isArray(data) ? (data as DraftEntry[]) : undefined;
  } catch {
    return undefined;
  }
}
