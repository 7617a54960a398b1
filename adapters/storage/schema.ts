import type { Generated } from 'kysely';

/** Table shapes as Kysely sees them. Times are ISO-8601 strings (UTC) so every dialect stores them alike. */
export interface KnowledgeEntryTable {
  id: string;
  title: string;
  group_id: string;
  answer: string;
  short_answer: string;
  examples_json: string;
  keywords_json: string;
  source_json: string;
  reviewed_at: string;
  updated_at: string;
  updated_by: string;
  /** 1 hides the entry from the bot (kept for history, never deleted; migration 0013). */
  retired: Generated<number>;
}

/** Every save of an entry in the editor: the whole entry as JSON; status draft, published or superseded (0013). */
export interface KbVersionTable {
  entry_id: string;
  version: number;
  entry_json: string;
  actor: string;
  created_at: string;
  status: string;
  note: string | null;
}

/** One row (id 'kb'): bumped by every publish so each instance knows when to rebuild its matcher (0013). */
export interface KbRevisionTable {
  id: string;
  revision: number;
  published_at: string | null;
  published_by: string | null;
}

export interface LabelDefinitionTable {
  label: string;
  title: string;
  examples_json: string;
  keywords_json: string;
  updated_at: string;
}

export interface ConversationTable {
  id: string;
  channel: string;
  user_id: string;
  state_json: string;
  last_label: string | null;
  needs_staff: number;
  /** Which provider the resident last wrote through (zalo, telegram, twilio, gateway, webchat). */
  provider: string | null;
  last_inbound_at: string | null;
  created_at: string;
  updated_at: string;
  /** Bumped by every saved turn; a save names the version it loaded (migration 0012). */
  version: Generated<number>;
}

export interface InboxTable {
  channel: string;
  message_id: string;
  conversation_id: string;
  received_at: string;
  payload_json: string | null;
  provider: string | null;
  handled_at: string | null;
  /** Until when the process that claimed the message may handle it alone (migration 0008). */
  claimed_until: string | null;
  /** How often handling was started; past INBOX_MAX_ATTEMPTS the message is given up (migration 0016). */
  attempts: Generated<number>;
  /** When it was given up as failing every time (also handled_at, so nothing retries it). */
  failed_at: string | null;
}

export interface MessageLogTable {
  id: string;
  conversation_id: string;
  direction: string;
  kind: string;
  text: string;
  label: string | null;
  score: number | null;
  created_at: string;
}

export interface UnansweredTable {
  id: string;
  conversation_id: string;
  channel: string;
  text: string;
  reason: string;
  best_label: string | null;
  best_score: number | null;
  status: string;
  created_at: string;
}

/** A resident who asked for a person (migration 0013-handoffs, bot/handoffs.ts). */
export interface HandoffTable {
  id: string;
  conversation_id: string;
  channel: string;
  /** The conversation id while open, NULL once closed (one open hand-off per conversation). */
  open_key: string | null;
  /** 'waiting' | 'held' | 'closed' */
  status: string;
  requested_at: string;
  out_of_hours: number;
  taken_at: string | null;
  taken_by: string | null;
  first_reply_at: string | null;
  first_reply_seconds: number | null;
  replies: number;
  /** When the resident was told no one had taken it yet. */
  notice_at: string | null;
  closed_at: string | null;
  closed_by: string | null;
  updated_at: string;
}

/** An unanswered question staff dismissed, by its folded key (migration 0013-handoffs). */
export interface UnansweredDismissalTable {
  key: string;
  example: string;
  dismissed_by: string;
  dismissed_at: string;
}

export interface OutboxTable {
  id: string;
  idempotency_key: string;
  conversation_id: string;
  provider: string;
  user_id: string;
  reply_to: string | null;
  payload_json: string;
  /** pending → sending → sent, or dead (with last_error) */
  status: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  provider_message_id: string | null;
  created_at: string;
  updated_at: string;
  /** Until when the process sending this message may send it alone (migration 0008). */
  claimed_until: string | null;
}

export interface SmsOptOutTable {
  phone: string;
  opted_out_at: string;
}

export interface RateWindowTable {
  sender: string;
  window_start: string;
  count: number;
  noticed: number;
}

/** One provider's send pace shared by every instance (adapters/storage/send-pace-store.ts). */
export interface SendPaceTable {
  provider: string;
  /** The earliest time the next send may start, in milliseconds since 1970 (bigint on PostgreSQL). */
  next_at: number;
}

export interface ChannelTokenTable {
  channel: string;
  access_token: string;
  refresh_token: string;
  expires_at: string;
  refreshing_until: string | null;
  updated_at: string;
}

export interface ReportTable {
  code: string;
  category: string;
  /** received | in-progress | resolved | rejected */
  status: string;
  description: string;
  address: string | null;
  commune: string | null;
  latitude: number | null;
  longitude: number | null;
  photo_url: string | null;
  /** chat | open311 */
  source: string;
  /** The reporter's conversation (chat reports); never published. */
  conversation_id: string | null;
  /** Contact details given through Open311; never published. */
  reporter_contact_json: string | null;
  assignee: string | null;
  public_note: string | null;
  duplicate_of: string | null;
  created_at: string;
  updated_at: string;
}

export interface ReportEventTable {
  id: string;
  report_code: string;
  status: string;
  note: string | null;
  photo_url: string | null;
  actor: string;
  created_at: string;
}

export interface ReportSubscriberTable {
  report_code: string;
  conversation_id: string;
  channel: string;
  user_id: string;
  created_at: string;
}

export interface WebChatMailboxTable {
  /** Numbered by the database; never set on insert. */
  seq: Generated<number>;
  user_id: string;
  /** The page's poll cursor: 1, 2, 3... per resident, each visible only after the one before (0014-webchat-order). */
  user_seq: number;
  /** The Reply as JSON, rendered by the page. */
  reply_json: string;
  created_at: string;
  /** When a page first fetched it: delivery to the web chat. */
  fetched_at: string | null;
  /** The outbox row's delivery key (0018-webchat-delivery-key): a repeated send finds its row instead of adding one. */
  delivery_key: string | null;
}

/** A page of a long reply held until the resident asks for it (SMS "THEM"); see bot/continuation-store.ts. */
export interface ContinuationPageTable {
  conversation_id: string;
  seq: number;
  /** The page as the channel adapter rendered it (OutboundPayload). */
  payload_json: string;
  held_at: string;
}

export interface StaffAccountTable {
  id: string;
  username: string;
  email: string | null;
  display_name: string;
  /** admin | editor | operator | viewer */
  role: string;
  disabled: number;
  must_change_password: number;
  password_hash: string;
  password_changed_at: string;
  created_at: string;
  updated_at: string;
}

export interface StaffSessionTable {
  token_hash: string;
  staff_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface LoginAttemptTable {
  id: string;
  username: string;
  address: string;
  succeeded: number;
  created_at: string;
}

export interface AuditLogTable {
  id: string;
  actor: string;
  action: string;
  subject: string;
  before_json: string | null;
  after_json: string | null;
  created_at: string;
}

/** An official procedure of the catalogue (knowledge-base/catalogue/types.ts). */
export interface CatalogueProcedureTable {
  code: string;
  name: string;
  level: string;
  field: string;
  agency: string;
  url: string;
  updated_at: string;
}

export interface Database {
  knowledge_entries: KnowledgeEntryTable;
  label_definitions: LabelDefinitionTable;
  conversations: ConversationTable;
  inbox: InboxTable;
  message_log: MessageLogTable;
  unanswered: UnansweredTable;
  outbox: OutboxTable;
  sms_opt_outs: SmsOptOutTable;
  rate_windows: RateWindowTable;
  send_pace: SendPaceTable;
  continuation_pages: ContinuationPageTable;
  channel_tokens: ChannelTokenTable;
  reports: ReportTable;
  report_events: ReportEventTable;
  report_subscribers: ReportSubscriberTable;
  staff_accounts: StaffAccountTable;
  staff_sessions: StaffSessionTable;
  login_attempts: LoginAttemptTable;
  audit_log: AuditLogTable;
  handoffs: HandoffTable;
  unanswered_dismissals: UnansweredDismissalTable;
  kb_versions: KbVersionTable;
  kb_revision: KbRevisionTable;
  webchat_mailbox: WebChatMailboxTable;
  catalogue_procedures: CatalogueProcedureTable;
}
