import { createTokenKeeper } from '../../bot/channel-tokens.ts';
import { createTokenStore } from '../storage/token-store.ts';
import type { Kysely } from 'kysely';
import type { Fetch } from '../../bot/ports/channel.ts';
import { refreshZaloToken } from '../channels/zalo/oauth.ts';
import type { Logger } from '../../bot/ports/logger.ts';
import type { Database } from '../storage/schema.ts';

/**
 * The cron's token refresh: asks for Zalo's access token, which refreshes it when it expires within the
 * keeper's window (6 hours), so a quiet OA does not find its token expired at the next resident's message.
 * The same lease row as sends use keeps the single-use refresh token from being spent twice.
 */
export async function refreshTokensAhead(settings: Readonly<Record<string, string | undefined>>, db: Kysely<Database>, fetch: Fetch, logger: Logger): Promise<void> {
  const appId = settings.ZALO_APP_ID?.trim();
  const appSecret = settings.ZALO_APP_SECRET?.trim();
  if (!appId || !appSecret || !settings.ZALO_REFRESH_TOKEN?.trim()) return;
  const keeper = createTokenKeeper({
    store: createTokenStore(db),
    channel: 'zalo',
    logger,
    refresh: (refreshToken) => refreshZaloToken({ oauthBase: settings.ZALO_OAUTH_BASE?.trim() || 'https://oauth.zaloapp.com', appId, appSecret, refreshToken, fetch }),
  });
  await keeper.accessToken();
}
