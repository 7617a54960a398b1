import { Hono } from 'hono';
import { diffEntries } from '../../knowledge-base/versions-diff.ts';
import { currentStaff, csrfToken, type AdminEnv } from '../context.ts';
import type { AdminDeps } from '../deps.ts';
import { renderPage } from '../render.tsx';
import { allows } from '../roles.ts';
import { VersionsPage } from '../views/knowledge/versions-page.tsx';
import type { KnowledgeServices } from './knowledge-services.tsx';

/** /admin/knowledge/:id/versions: every saved version with its diff against the one before; restore as a new draft. */
export function knowledgeVersionRoutes(deps: AdminDeps, services: KnowledgeServices): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  const { publishing } = services;

  app.get('/:id/versions', async (c) => {
    const id = c.req.param('id');
    const [versions, live] = await Promise.all([publishing.versions(id), publishing.liveOf(id)]);
    if (versions.length === 0 && !live) return c.notFound();
    // Each version against the one before it; the oldest against nothing (all of it is new).
    const items = versions.map((version, i) => ({ version, diffs: diffEntries(versions[i + 1]?.entry, version.entry) }));
    const done = c.req.query('done');
    return renderPage(c, deps, { title: `Phiên bản: ${versions[0]?.entry.title ?? live?.title ?? id}`, active: 'knowledge' }, (
      <VersionsPage entryId={id} title={versions[0]?.entry.title ?? live?.title ?? id} versions={items} canEdit={allows('editor', currentStaff(c).role)} csrfToken={csrfToken(c)} notice={done === 'restored' ? 'Đã khôi phục thành bản nháp mới.' : undefined} />
    ));
  });

  app.post('/:id/versions/:version/restore', async (c) => {
    const id = c.req.param('id');
    const result = await publishing.restore(id, Number(c.req.param('version')), currentStaff(c).actor);
    if (!result) return c.notFound();
    if (result.kind === 'saved') services.drafts.warm();
    return c.redirect(`/admin/knowledge/${id}?done=${result.kind === 'saved' ? 'restored' : 'unchanged'}`, 303);
  });

  return app;
}
