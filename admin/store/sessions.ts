import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/storage/schema.ts';
import { randomToken, sha256Hex } from '../auth/tokens.ts';

export interface SessionLimits {
  /** A session unused this long is over (staff who walk away from the desk). */
  readonly idleMs: number;
  /** A session is over this long after log-in, however busy. */
  readonly absoluteMs: number;
}

export interface LiveSession {
  readonly tokenHash: string;
  readonly staffId: string;
  readonly csrfToken: string;
  readonly createdAt: string;
}

export interface StaffSessions {
  /** Returns the cookie's token; only its SHA-256 is stored. */
  start(staffId: string): Promise<{ token: string; csrfToken: string }>;
  /** The live session for a cookie token, touched (idle clock reset); an expired one is deleted. */
  resume(token: string): Promise<LiveSession | undefined>;
  end(token: string): Promise<void>;
  /** Every session of one person (disabled, password reset), except `keepTokenHash`. */
  endAllFor(staffId: string, keepTokenHash?: string): Promise<void>;
}

export function createStaffSessions(db: Kysely<Database>, limits: SessionLimits, now: () => Date): StaffSessions {
  return {
    async start(staffId) {
      const token = randomToken();
      const csrfToken = randomToken();
      const at = now();
      // Sweep long-dead sessions of everyone on each log-in: cheap, and no background job is needed (Workers).
      await db.deleteFrom('staff_sessions').where('expires_at', '<', at.toISOString()).execute();
      await db
        .insertInto('staff_sessions')
        .values({
          token_hash: await sha256Hex(token),
          staff_id: staffId,
          csrf_token: csrfToken,
          created_at: at.toISOString(),
          last_seen_at: at.toISOString(),
          expires_at: new Date(at.getTime() + limits.absoluteMs).toISOString(),
        })
        .execute();
      return { token, csrfToken };
    },
    async resume(token) {
      if (token.length < 20 || token.length > 100) return undefined;
      const tokenHash = await sha256Hex(token);
      const row = await db.selectFrom('staff_sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
      if (!row) return undefined;
      const at = now();
      const idleOver = Date.parse(row.last_seen_at) + limits.idleMs <= at.getTime();
      const absoluteOver = Date.parse(row.expires_at) <= at.getTime();
      if (idleOver || absoluteOver) {
        await db.deleteFrom('staff_sessions').where('token_hash', '=', tokenHash).execute();
        return undefined;
      }
      await db.updateTable('staff_sessions').set({ last_seen_at: at.toISOString() }).where('token_hash', '=', tokenHash).execute();
      return { tokenHash, staffId: row.staff_id, csrfToken: row.csrf_token, createdAt: row.created_at };
    },
    async end(token) {
      await db.deleteFrom('staff_sessions').where('token_hash', '=', await sha256Hex(token)).execute();
    },
    async endAllFor(staffId, keepTokenHash) {
      let query = db.deleteFrom('staff_sessions').where('staff_id', '=', staffId);
      if (keepTokenHash !== undefined) query = query.where('token_hash', '!=', keepTokenHash);
      await query.execute();
    },
  };
}
