import type { Context } from 'hono';
import type { ConversationStore } from '../bot/conversation-store.ts';
import type { Outbox } from '../bot/outbox.ts';
import type { ReportService } from '../bot/reports/service.ts';
import type { ReportStore } from '../bot/reports/store.ts';
import type { KnowledgeStore } from '../knowledge-base/store.ts';
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
