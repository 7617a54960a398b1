import type { Kysely } from 'kysely';
import type { TokenStore } from '../../bot/channel-tokens.ts';
import type { Database } from './schema.ts';

/** Channel token pairs on Kysely; the refresh lease is a conditional update, so one instance refreshes at a time. */
export function createTokenStore(db: Kysely<Database>, now: () => Date = () => new Date()): TokenStore {
  return {
    async get(channel) {
      const row = await db.selectFrom('channel_tokens').selectAll().where('channel', '=', channel).executeTakeFirst();
      return row === undefined ? undefined : { accessToken: row.access_token, refreshToken: row.refresh_token, expiresAt: new Date(row.expires_at) };
    },
    async seed(channel, pair) {
      await db
        .insertInto('channel_tokens')
        .values({ channel, access_token: pair.accessToken, refresh_token: pair.refreshToken, expires_at: pair.expiresAt.toISOString(), refreshing_until: null, updated_at: now().toISOString() })
        .onConflict((oc) => oc.column('channel').doNothing())
        .execute();
    },
    async claimRefresh(channel, leaseMs) {
      const at = now();
      const result = await db
        .updateTable('channel_tokens')
        .set({ refreshing_until: new Date(at.getTime() + leaseMs).toISOString() })
        .where('channel', '=', channel)
        .where((eb) => eb.or([eb('refreshing_until', 'is', null), eb('refreshing_until', '<', at.toISOString())]))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async saveRefreshed(channel, pair) {
      await db
        .updateTable('channel_tokens')
        .set({ access_token: pair.accessToken, refresh_token: pair.refreshToken, expires_at: pair.expiresAt.toISOString(), refreshing_until: null, updated_at: now().toISOString() })
        .where('channel', '=', channel)
        .execute();
    },
    async releaseRefresh(channel) {
      await db.updateTable('channel_tokens').set({ refreshing_until: null }).where('channel', '=', channel).execute();
    },
  };
}
