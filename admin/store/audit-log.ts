import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/storage/schema.ts';

export interface AuditEntry {
  readonly id: string;
  readonly actor: string;
  readonly action: string;
  readonly subject: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly createdAt: string;
}

export interface AuditFilter {
  readonly actor?: string;
  /** Exact action, or a prefix ending in "." ("account." lists every account change). */
  readonly action?: string;
  readonly from?: Date;
  readonly to?: Date;
  readonly limit?: number;
}

/**
 * Who changed what, when, from what to what. `actor` is the staff username (or "api-token"); `action` is
 * "<area>.<verb>" ("account.create", "kb.publish", "report.status"); `subject` names the thing changed. Never put a
 * password, a hash, a token or a resident's phone number in `before`/`after`.
 */
export type Audit = (actor: string, action: string, subject: string, before: unknown, after: unknown) => Promise<void>;

export interface AuditLog {
  readonly audit: Audit;
  list(filter?: AuditFilter): Promise<AuditEntry[]>;
}

function parse(json: string | null): unknown {
  if (json === null) return null;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return json;
  }
}

export function createAuditLog(db: Kysely<Database>, now: () => Date): AuditLog {
  return {
    audit: async (actor, action, subject, before, after) => {
      await db
        .insertInto('audit_log')
        .values({
          id: crypto.randomUUID(),
          actor,
          action,
          subject,
          before_json: before === undefined || before === null ? null : JSON.stringify(before),
          after_json: after === undefined || after === null ? null : JSON.stringify(after),
          created_at: now().toISOString(),
        })
        .execute();
    },
    async list(filter = {}) {
      let query = db.selectFrom('audit_log').selectAll();
      if (filter.actor) query = query.where('actor', '=', filter.actor);
      if (filter.action) {
        // Compared in lower case with substr, not LIKE: LIKE ignores case on SQLite and D1 but not on PostgreSQL,
        // and an admin may type "Account." in the filter box. Actions are ASCII, where lower() agrees everywhere.
        const wanted = filter.action.toLowerCase();
        query = wanted.endsWith('.')
          ? query.where((eb) => eb(eb.fn('substr', [eb.fn('lower', ['action']), eb.lit(1), eb.lit(wanted.length)]), '=', wanted))
          : query.where((eb) => eb(eb.fn('lower', ['action']), '=', wanted));
      }
      if (filter.from) query = query.where('created_at', '>=', filter.from.toISOString());
      if (filter.to) query = query.where('created_at', '<=', filter.to.toISOString());
      const rows = await query.orderBy('created_at', 'desc').orderBy('id').limit(Math.min(1000, filter.limit ?? 200)).execute();
      return rows.map((r) => ({ id: r.id, actor: r.actor, action: r.action, subject: r.subject, before: parse(r.before_json), after: parse(r.after_json), createdAt: r.created_at }));
    },
  };
}
