import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/storage/schema.ts';

export interface LoginAttempts {
  record(username: string, address: string, succeeded: boolean): Promise<void>;
  /** Failures for a username since `since` and after its last success (a good log-in clears the count). */
  failuresFor(username: string, since: Date): Promise<number>;
  /** Failures from one address since `since`, whatever the username (password spraying). */
  failuresFrom(address: string, since: Date): Promise<number>;
}

export function createLoginAttempts(db: Kysely<Database>, now: () => Date): LoginAttempts {
  return {
    async record(username, address, succeeded) {
      await db
        .insertInto('login_attempts')
        .values({ id: crypto.randomUUID(), username, address, succeeded: succeeded ? 1 : 0, created_at: now().toISOString() })
        .execute();
    },
    async failuresFor(username, since) {
      const lastSuccess = await db
        .selectFrom('login_attempts')
        .select((eb) => eb.fn.max('created_at').as('at'))
        .where('username', '=', username)
        .where('succeeded', '=', 1)
        .executeTakeFirst();
      const from = lastSuccess?.at && lastSuccess.at > since.toISOString() ? lastSuccess.at : since.toISOString();
      const row = await db
        .selectFrom('login_attempts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('username', '=', username)
        .where('succeeded', '=', 0)
        .where('created_at', '>', from)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    async failuresFrom(address, since) {
      const row = await db
        .selectFrom('login_attempts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('address', '=', address)
        .where('succeeded', '=', 0)
        .where('created_at', '>', since.toISOString())
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
  };
}
