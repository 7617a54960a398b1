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
  created_at: string;
  updated_at: string;
}

export interface InboxTable {
  channel: string;
  message_id: string;
  conversation_id: string;
  received_at: string;
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

export interface Database {
  knowledge_entries: KnowledgeEntryTable;
  label_definitions: LabelDefinitionTable;
  conversations: ConversationTable;
  inbox: InboxTable;
  message_log: MessageLogTable;
  unanswered: UnansweredTable;
}
