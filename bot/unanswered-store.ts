import type { Kysely } from 'kysely';
import type { Database } from '../adapters/storage/schema.ts';

/** Questions the bot could not answer, kept for staff to turn into knowledge-base content. */
export interface UnansweredQuestion {
  readonly id: string;
  readonly conversationId: string;
  readonly channel: string;
  readonly text: string;
  /** 'not-understood' or 'out-of-scope' */
  readonly reason: string;
  readonly bestLabel: string | null;
  readonly bestScore: number | null;
  readonly status: 'open' | 'done';
  readonly createdAt: string;
}

export interface UnansweredStore {
  record(question: Omit<UnansweredQuestion, 'id' | 'status' | 'createdAt'>): Promise<void>;
  listOpen(limit?: number): Promise<UnansweredQuestion[]>;
}

export function createUnansweredStore(db: Kysely<Database>, now: () => Date = () => new Date()): UnansweredStore {
  return {
    async record(q) {
      await db
        .insertInto('unanswered')
        .values({
          id: crypto.randomUUID(),
          conversation_id: q.conversationId,
          channel: q.channel,
          text: q.text,
          reason: q.reason,
          best_label: q.bestLabel,
          best_score: q.bestScore,
          status: 'open',
          created_at: now().toISOString(),
        })
        .execute();
    },
    async listOpen(limit = 100) {
      const rows = await db.selectFrom('unanswered').selectAll().where('status', '=', 'open').orderBy('created_at', 'desc').limit(limit).execute();
      return rows.map((r) => ({
        id: r.id,
        conversationId: r.conversation_id,
        channel: r.channel,
        text: r.text,
        reason: r.reason,
        bestLabel: r.best_label,
        bestScore: r.best_score,
        status: r.status === 'done' ? 'done' : 'open',
        createdAt: r.created_at,
      }));
    },
  };
}
