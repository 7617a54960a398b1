import type { Kysely } from 'kysely';
import { createTokenStore } from '../storage/token-store.ts';
import type { ConversationStore } from '../../bot/conversation-store.ts';
import { createConversationStore } from '../storage/conversation-store.ts';
import { createBot, type Bot } from '../../bot/handle.ts';
import type { Inbox } from '../../bot/inbox.ts';
import { createInbox } from '../storage/inbox-store.ts';
import type { Outbox } from '../../bot/outbox.ts';
import { createOutbox } from '../storage/outbox-store.ts';
import { createOutboxWorker, type OutboxWorker } from '../../bot/outbox-worker.ts';
import type { DeliveryPolicy } from '../../bot/delivery-policy.ts';
import { createRateLimiter } from '../storage/rate-limit-store.ts';
import { createReplies } from '../../bot/replies.ts';
import type { SiteConfig } from '../../bot/site-config.ts';
import type { SmsOptOuts } from '../../bot/sms-opt-outs.ts';
import { createSmsOptOuts } from '../storage/sms-opt-out-store.ts';
import type { UnansweredStore } from '../../bot/unanswered-store.ts';
import { createUnansweredStore } from '../storage/unanswered-store.ts';
import { createHandoffService, takeMinutesFrom, type HandoffService } from '../../bot/handoff-service.ts';
import { handoffHoursFrom } from '../../bot/handoff-hours.ts';
import { createHandoffStore } from '../storage/handoff-store.ts';
import type { BotMetrics } from '../../bot/metrics.ts';
import { createPersonalDataDesk } from '../../bot/personal-data.ts';
import { redactContacts } from '../../bot/reports/redact-contacts.ts';
import { createPersonalDataStore } from '../storage/personal-data-store.ts';
import { createWebhookPipeline, type WebhookPipeline } from '../../bot/webhook-pipeline.ts';
import { createReportDesk } from '../../bot/report-desk.ts';
import { shippedGazetteer } from '../../bot/reports/gazetteer-data.ts';
import type { Gazetteer } from '../../bot/reports/gazetteer.ts';
import { createReportService, type ReportService } from '../../bot/reports/service.ts';
import type { ReportStore } from '../../bot/reports/store.ts';
import { createReportStore } from '../storage/report-store.ts';
import { shippedSeed, type SeedContent } from '../../knowledge-base/seed-data.ts';
import type { KnowledgeStore } from '../../knowledge-base/store.ts';
import { createKnowledgeStore } from '../storage/knowledge-store.ts';
import type { UnderstandingHolder } from '../../knowledge-base/understanding.ts';
import type { Trainer } from '../../knowledge-base/trainer.ts';
import type { ScopeHolder } from '../../knowledge-base/catalogue/scope-holder.ts';
import type { CatalogueStore } from '../../knowledge-base/catalogue/store.ts';
import { createCatalogueStore } from '../storage/catalogue-store.ts';
import { createPublishing, type Publishing } from '../../knowledge-base/publishing.ts';
import { createPublishingStore } from '../storage/publishing-store.ts';
import { createLiveKnowledge, type LiveKnowledge } from '../../knowledge-base/live-knowledge.ts';
import { createAuditLog } from '../../admin/store/audit-log.ts';
import type { ChannelAdapter, Fetch } from '../../bot/ports/channel.ts';
import { authConfigFromEnv } from '../../admin/config.ts';
import { createStaffStores, type StaffStores } from '../../admin/store/index.ts';
import { createWebChatAdapter } from '../channels/webchat/adapter.ts';
import { choiceTitles } from '../channels/webchat/choice-titles.ts';
import type { WebChatServices } from '../http/chat-routes.ts';
import { createWebChatMailbox } from '../storage/webchat-mailbox.ts';
import { silentLogger } from '../http/logger.ts';
import type { Logger } from '../../bot/ports/logger.ts';
import { createContinuationStore } from '../storage/continuation-store.ts';
import { portableDurableStep, type DurableStep } from '../storage/durable-step.ts';
import { prepareKnowledge, type PreparedKnowledge } from './prepare-knowledge.ts';
import type { Database } from '../storage/schema.ts';
import { createBackgroundTasks } from './background.ts';
import { deliveryFromEnv } from './delivery-from-env.ts';
import { sendPacesFor } from './send-paces.ts';
import { channelsFromEnv } from './channels-from-env.ts';

export interface Assembly {
  readonly bot: Bot;
  readonly knowledge: KnowledgeStore;
  readonly understanding: UnderstandingHolder;
  /** The procedure catalogue (import/export for staff) and its scope index; rebuild the index after either changes. */
  readonly catalogue: CatalogueStore;
  readonly scope: ScopeHolder;
  /** Drafts, versions and publishing of entries (staff editor, unanswered inbox); publish bumps the revision. */
  readonly publishing: Publishing;
  /** Rebuilds the matcher when the published revision moves (kick after a publish, sync from a poller). */
  readonly live: LiveKnowledge;
  readonly site: SiteConfig;
  readonly migrated: readonly string[];
  readonly seeded: number;
  readonly channels: ReadonlyMap<string, ChannelAdapter>;
  readonly channelProblems: readonly string[];
  readonly pipeline: WebhookPipeline;
  /** Accepted webhook messages; staff list the ones given up (GET /api/staff/inbox?status=failed). */
  readonly inbox: Inbox;
  readonly outbox: Outbox;
  readonly worker: OutboxWorker;
  readonly optOuts: SmsOptOuts;
  readonly reports: ReportStore;
  readonly conversations: ConversationStore;
  readonly reportService: ReportService;
  readonly gazetteer: Gazetteer;
  /** Report categories as Open311 services and staff see them: catalogue id, title and keywords. */
  readonly reportCategories: ReadonlyArray<{ id: string; title: string; keywords: readonly string[] }>;
  /** The web chat's history, mailbox (report updates) and rate limits. */
  readonly webchat: WebChatServices;
  /** Staff accounts, sessions, log-in attempts and the audit log (admin/). */
  readonly staff: StaffStores;
  /** Resolves when background handling and the outbox worker are both idle (tests, shutdown). */
  readonly settled: () => Promise<void>;
  /** Residents who asked for a person: the queue operators answer from /admin/handoffs. */
  readonly handoffs: HandoffService;
  /** Questions the bot did not answer well, for /admin/unanswered. */
  readonly unanswered: UnansweredStore;
  /** Settings that were given but could not be read (logged at start). */
  readonly settingProblems: readonly string[];
}

export interface AssembleOptions {
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly fetch?: Fetch;
  readonly logger?: Logger;
  readonly now?: () => Date;
  readonly random?: () => number;
  readonly outboxBaseDelayMs?: number;
  /** Overrides of the delivery settings read from the environment (tests). */
  readonly delivery?: Partial<DeliveryPolicy>;
  /** Content for an empty knowledge base; the shipped seed (bundled modules) unless given. */
  readonly seed?: SeedContent;
  /** The communes; the shipped seed/communes.json unless given (Node reads COMMUNES_FILE). */
  readonly gazetteer?: Gazetteer;
  /** Schema, seed and matcher already prepared (a Worker prepares once per isolate, assembles per invocation). */
  readonly prepared?: PreparedKnowledge;
  /** Counts for GET /metrics (adapters/http/metrics.ts); none unless given. */
  readonly metrics?: BotMetrics;
  /** Trains the matcher after a publish: Node passes a worker thread (thread-trainer.ts); in process unless given. */
  readonly trainer?: Trainer;
  /**
   * How the accept step is made durable before a webhook's 200 (adapters/storage/durable-step.ts), chosen by the
   * runtime: Node passes durableStepFor (adapters/storage/durable-step-node.ts: group commit on SQLite), the Worker
   * the D1 step. Unless given, portableDurableStep, which needs no Node-only module: a transaction on PostgreSQL,
   * else statement by statement. assemble.ts imports no SQLite code, so the Worker bundle stays free of
   * better-sqlite3 and node:fs.
   */
  readonly durableStep?: (db: Kysely<Database>) => DurableStep;
  /** Called after the indexes are rebuilt for a publish: Node collects the build's garbage (collect-garbage.ts). */
  readonly afterRebuild?: () => void;
}

/**
 * Migrates, seeds an empty knowledge base, builds the matcher, the bot and the delivery pipeline for the
 * channels the environment configures: shared by the server, the CLI and the tests.
 */
export async function assemble(db: Kysely<Database>, site: SiteConfig, options: AssembleOptions = {}): Promise<Assembly> {
  const logger = options.logger ?? silentLogger;
  const now = options.now ?? (() => new Date());
  const knowledge = createKnowledgeStore(db, now);
  const catalogue = createCatalogueStore(db, now);
  const { migrated, seeded, builtRevision, understanding, scope } = options.prepared ?? (await prepareKnowledge(db, knowledge, catalogue, options.seed ?? shippedSeed(), options.trainer));
  const live = createLiveKnowledge({
    revision: async () => publishing.revision(),
    rebuild: async () => {
      await understanding.rebuild();
      // A turn of the event loop between the two builds: residents waiting meanwhile are answered in between.
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      await scope.rebuild();
    },
    initial: builtRevision,
    onError: (error) => logger.error('knowledge.rebuild-failed', { error: error instanceof Error ? error.message : 'unknown' }),
    onRebuilt: (revision, ms) => {
      logger.info('knowledge.rebuilt', { revision, ms });
      options.afterRebuild?.();
    },
  });
  const publishing = createPublishing(createPublishingStore(db), { store: knowledge, now, audit: createAuditLog(db, now).audit, onPublished: () => live.kick() });
  const conversations = createConversationStore(db, now);

  const configured = channelsFromEnv(options.env ?? {}, { fetch: options.fetch ?? fetch, tokens: createTokenStore(db, now), logger, site });
  await configured.seedTokens();
  const outbox = createOutbox(db, now);
  const delivery = deliveryFromEnv(options.env ?? {});
  // The web chat is always on: the outbox "sends" to it by leaving messages in the mailbox its page polls.
  const mailbox = createWebChatMailbox(db, now);
  const deliveryChannels: ReadonlyMap<string, ChannelAdapter> = new Map([...configured.adapters, ['webchat', createWebChatAdapter(mailbox)]]);
  const worker = createOutboxWorker({
    outbox,
    adapters: deliveryChannels,
    lastInbound: (id) => conversations.lastInbound(id),
    replyWindowsMs: configured.replyWindowsMs,
    refreshAuth: configured.refreshAuth,
    logger,
    now,
    ...(options.random ? { random: options.random } : {}),
    // In the database when other instances send for the same bots (PostgreSQL, D1), else in memory.
    paceFor: sendPacesFor(db, delivery.sharedPace, logger),
    policy: { ...delivery.policy, ...(options.outboxBaseDelayMs !== undefined ? { baseDelayMs: options.outboxBaseDelayMs } : {}), ...options.delivery },
  });
  const background = createBackgroundTasks(logger);
  const optOuts = createSmsOptOuts(db, now);

  const reportCategories = (await knowledge.listDefinitions())
    .filter((d) => d.label.startsWith('report:'))
    .map((d) => ({ id: d.label.slice('report:'.length), title: d.title, keywords: d.keywords }));
  const categoryTitle = (category: string): string => reportCategories.find((c) => c.id === category)?.title ?? category;
  const reports = createReportStore(db, { now });
  const gazetteer = options.gazetteer ?? shippedGazetteer();
  const reportService = createReportService({
    store: reports, conversations, outbox, kick: () => worker.kick(), channels: deliveryChannels, optOuts, categoryTitle,
    communeName: (id) => gazetteer.byId(id)?.name,
    replyWindowsMs: configured.replyWindowsMs,
    now,
  });
  const ttlMinutes = Number(options.env?.REPORT_DRAFT_TTL_MINUTES ?? 30);
  const desk = createReportDesk({
    service: reportService,
    gazetteer,
    site,
    // "khac" (other) last: residents look for their problem first.
    categories: [...reportCategories].sort((a, b) => Number(a.id === 'khac') - Number(b.id === 'khac')).map((c) => ({ value: `report:${c.id}`, title: c.title })),
    categoryTitle,
    ttlMs: (Number.isFinite(ttlMinutes) && ttlMinutes > 0 ? ttlMinutes : 30) * 60_000,
    replyWindowMs: (channel) => configured.replyWindowsMs.get(channel),
    now,
  });
  const handoffHours = handoffHoursFrom(options.env ?? {});
  const handoffs = createHandoffService({
    store: createHandoffStore(db), conversations, outbox, kick: () => worker.kick(), channels: deliveryChannels,
    replyWindowsMs: configured.replyWindowsMs, hours: handoffHours.hours, takeMinutes: takeMinutesFrom(options.env ?? {}),
    replies: createReplies(site), now,
  });
  const unanswered = createUnansweredStore(db, now);
  const bot = createBot({ understanding: understanding.current, conversations, unanswered, site, reports: desk, catalogue: scope.current, handoffs: handoffs.desk, now,
    personalData: createPersonalDataDesk({ store: createPersonalDataStore(db, now), redact: redactContacts, now }),
    ...(options.metrics ? { metrics: options.metrics } : {}),
  });
  const perMinute = Number(options.env?.RATE_LIMIT_PER_MINUTE ?? 20);
  // The accept step is the one a 200 promises: the runtime's choice (group-committed and synced on SQLite by Node).
  const inbox = createInbox(db, now, { leaseMs: delivery.inboxLeaseMs, durable: (options.durableStep ?? portableDurableStep)(db) });
  const pipeline = createWebhookPipeline({
    bot,
    inbox,
    maxAttempts: delivery.inboxMaxAttempts,
    inboxLeaseMs: delivery.inboxLeaseMs,
    handleWhenQuietMs: delivery.handleQuietMs,
    handleLongestWaitMs: delivery.handleLongestWaitMs,
    handleQueueLimit: delivery.handleQueueLimit,
    outbox,
    worker,
    conversations,
    rateLimiter: createRateLimiter(db, { limit: Number.isFinite(perMinute) && perMinute > 0 ? perMinute : 20, windowMs: 60_000 }, now),
    optOuts,
    replies: createReplies(site),
    continuations: createContinuationStore(db, now),
    heldUntilResidentWrites: new Set(configured.replyWindowsMs.keys()),
    logger,
    defer: background.defer,
    now,
  });
  const addressPerMinute = Number(options.env?.WEBCHAT_ADDRESS_LIMIT_PER_MINUTE ?? 0);
  const clientLimit = Number.isFinite(perMinute) && perMinute > 0 ? perMinute : 20;
  const webchat: WebChatServices = {
    conversations,
    mailbox,
    limits: {
      perClient: createRateLimiter(db, { limit: clientLimit, windowMs: 60_000 }, now),
      // Many residents can share one address (carrier NAT): ten residents' worth unless configured.
      perAddress: createRateLimiter(db, { limit: Number.isFinite(addressPerMinute) && addressPerMinute > 0 ? addressPerMinute : clientLimit * 10, windowMs: 60_000 }, now),
      windowSeconds: 60,
    },
    rateLimited: createReplies(site).rateLimited,
    choiceTitle: choiceTitles({ titleOf: (label) => understanding.current().titleOf(label), communeName: (id) => gazetteer.byId(id)?.name }),
  };
  const staff = createStaffStores(db, authConfigFromEnv(options.env ?? {}), now);
  return {
    bot,
    staff,
    webchat,
    knowledge,
    understanding,
    catalogue,
    scope,
    publishing,
    live,
    site,
    migrated,
    seeded,
    channels: configured.adapters,
    channelProblems: configured.problems,
    pipeline,
    inbox,
    outbox,
    worker,
    optOuts,
    reports,
    conversations,
    reportService,
    handoffs,
    unanswered,
    settingProblems: handoffHours.problem ? [handoffHours.problem] : [],
    gazetteer,
    reportCategories,
    settled: async () => {
      await background.idle();
      await worker.idle();
    },
  };
}
