/**
 * Every store port of the core in one list: each interface is declared beside the logic that uses it, and its
 * Kysely implementation (SQLite, PostgreSQL and D1 alike) is the file named here under adapters/storage/.
 * tests/contract/ runs the same contract over SQLite, PostgreSQL and D1.
 *
 * The inbox's accept step is made durable inside its store (adapters/storage/durable-step.ts: group commit on
 * SQLite, sqlite-group-commit.ts; a transaction on PostgreSQL; statement by statement on D1), so the core never
 * sees a transaction. The outbox queues replies and marks their message handled in one batch (write-batch.ts).
 */
export type { ConversationStore } from '../conversation-store.ts'; //       adapters/storage/conversation-store.ts
export type { Inbox } from '../inbox.ts'; //                                adapters/storage/inbox-store.ts (+ durable-step.ts)
export type { Outbox } from '../outbox.ts'; //                              adapters/storage/outbox-store.ts (+ write-batch.ts)
export type { ContinuationStore } from '../continuation-store.ts'; //       adapters/storage/continuation-store.ts
export type { RateLimiter } from '../rate-limiter.ts'; //                   adapters/storage/rate-limit-store.ts
export type { SmsOptOuts } from '../sms-opt-outs.ts'; //                    adapters/storage/sms-opt-out-store.ts
export type { UnansweredStore } from '../unanswered-store.ts'; //           adapters/storage/unanswered-store.ts
export type { TokenStore } from '../channel-tokens.ts'; //                  adapters/storage/token-store.ts
export type { HandoffStore } from '../handoffs.ts'; //                      adapters/storage/handoff-store.ts
export type { PersonalDataStore } from '../personal-data.ts'; //            adapters/storage/personal-data-store.ts
export type { RetentionStore } from '../retention.ts'; //                   adapters/storage/retention-store.ts
export type { ReportStore } from '../reports/store.ts'; //                  adapters/storage/report-store.ts
export type { KnowledgeStore } from '../../knowledge-base/store.ts'; //     adapters/storage/knowledge-store.ts
export type { PublishingStore } from '../../knowledge-base/publishing.ts'; // adapters/storage/publishing-store.ts
export type { CatalogueStore } from '../../knowledge-base/catalogue/store.ts'; // adapters/storage/catalogue-store.ts
