import type { Context } from 'hono';
import { DEFAULT_SEGMENT_BUDGET } from '../../adapters/channels/sms/fit.ts';
import type { SiteConfig } from '../../bot/site-config.ts';
import { NATIONAL_PORTAL_URL } from '../../bot/site-config.ts';
import type { LiveKnowledge } from '../../knowledge-base/live-knowledge.ts';
import type { Publishing } from '../../knowledge-base/publishing.ts';
import type { KnowledgeStore } from '../../knowledge-base/store.ts';
import type { AdminEnv } from '../context.ts';
import type { AdminDeps } from '../deps.ts';
import { renderPage } from '../render.tsx';
import { createDraftMatchers, type DraftMatchers } from './knowledge-try.ts';

/** What the knowledge pages need from the product, resolved once; absent when the runtime did not pass it. */
export interface KnowledgeServices {
  readonly publishing: Publishing;
  readonly knowledge: KnowledgeStore;
  readonly live?: LiveKnowledge;
  readonly site: SiteConfig;
  readonly reviewMonths: number;
  readonly segmentBudget: number;
  readonly drafts: DraftMatchers;
}

const FALLBACK_SITE: SiteConfig = { provinceName: 'tỉnh/thành phố', assistantName: 'Trợ lý hành chính công', nationalPortalUrl: NATIONAL_PORTAL_URL };

export function knowledgeServices(deps: AdminDeps): KnowledgeServices | undefined {
  const s = deps.services;
  if (!s?.publishing || !s.knowledge) return undefined;
  return {
    publishing: s.publishing,
    knowledge: s.knowledge,
    ...(s.live ? { live: s.live } : {}),
    site: s.site ?? FALLBACK_SITE,
    reviewMonths: s.reviewMonths ?? 12,
    segmentBudget: DEFAULT_SEGMENT_BUDGET,
    drafts: createDraftMatchers(s.publishing, s.knowledge, s.understanding?.trainer),
  };
}

export function notConfigured(c: Context<AdminEnv>, deps: AdminDeps): Promise<Response> {
  return renderPage(c, deps, { title: 'Kiến thức', active: 'knowledge', status: 404 }, <p>Máy chủ này chưa bật trình sửa kiến thức.</p>);
}
