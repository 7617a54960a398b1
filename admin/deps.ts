import type { Context } from 'hono';
import type { ConversationStore } from '../bot/conversation-store.ts';
import type { Outbox } from '../bot/outbox.ts';
import type { HandoffService } from '../bot/handoff-service.ts';
import type { UnansweredStore } from '../bot/unanswered-store.ts';
import type { ReportService } from '../bot/reports/service.ts';
import type { ReportStore } from '../bot/reports/store.ts';
import type { Gazetteer } from '../bot/reports/gazetteer.ts';
import type { StatsQueries } from './stats/queries.ts';
import type { KnowledgeStore } from '../knowledge-base/store.ts';
import type { LiveKnowledge } from '../knowledge-base/live-knowledge.ts';
import type { Publishing } from '../knowledge-base/publishing.ts';
import type { SiteConfig } from '../bot/site-config.ts';
import type { UnderstandingHolder } from '../knowledge-base/understanding.ts';
import type { AuthConfig } from './config.ts';
import type { StaffStores } from './store/index.ts';

/** Counts shown in the navigation on every page (the hand-off queue fills `handoffs`). */
export interface NavBadges {
  readonly handoffs?: number;
}

/** The product's stores and services the staff pages work on; runtime/node.ts passes them from the Assembly. */
export interface AdminServices {
  readonly knowledge?: KnowledgeStore;
  readonly understanding?: UnderstandingHolder;
  readonly reports?: ReportStore;
  readonly reportService?: ReportService;
  readonly conversations?: ConversationStore;
  readonly outbox?: Outbox;
  /** Knowledge-base drafts, versions and publishing; `live` rebuilds the matcher after a publish. */
  readonly publishing?: Publishing;
  readonly live?: LiveKnowledge;
  /** Province settings, to preview replies as residents would see them. */
  readonly site?: SiteConfig;
  /** KB_REVIEW_MONTHS: an entry reviewed longer ago than this is due for review (default 12). */
  readonly reviewMonths?: number;
  /** Residents who asked for a person (/admin/handoffs). */
  readonly handoffs?: HandoffService;
  /** Questions the bot did not answer well (/admin/unanswered). */
  readonly unanswered?: UnansweredStore;
  /** The dashboard's counts (admin/stats/queries.ts over the product's database). */
  readonly stats?: StatsQueries;
  /** Report categories (catalogue id and title) and the communes, to name what the reports board shows. */
  readonly reportCategories?: ReadonlyArray<{ readonly id: string; readonly title: string }>;
  readonly gazetteer?: Pick<Gazetteer, 'communes' | 'byId'>;
}

export interface AdminDeps {
  readonly stores: StaffStores;
  readonly config: AuthConfig;
  readonly now: () => Date;
  /** The caller's address for log-in rate limits; Node passes the socket's, Workers cf-connecting-ip. */
  readonly clientAddress?: (c: Context) => string;
  readonly badges?: () => Promise<NavBadges>;
  readonly services?: AdminServices;
}

export function addressOf(deps: AdminDeps, c: Context): string {
  return deps.clientAddress?.(c) ?? c.req.header('cf-connecting-ip') ?? 'unknown';
}
