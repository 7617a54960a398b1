import type { Kysely } from 'kysely';
import { authConfigFromEnv } from '../../admin/config.ts';
import { ensureFirstAdmin } from '../../admin/bootstrap.ts';
import { createStaffStores } from '../../admin/store/index.ts';
import type { Logger } from '../../bot/ports/logger.ts';
import type { Database } from '../storage/schema.ts';

/**
 * The first staff admin on an empty D1 database, as the Node server makes it. A Worker has no console an operator
 * watches at start: set ADMIN_PASSWORD (a secret); without it the one-time password goes to the Worker's log once
 * (`wrangler tail`), never to the JSON log lines.
 */
export async function ensureFirstAdminOnWorker(db: Kysely<Database>, settings: Readonly<Record<string, string | undefined>>, logger: Logger): Promise<void> {
  const outcome = await ensureFirstAdmin(createStaffStores(db, authConfigFromEnv(settings)), settings);
  if (!outcome.created) return;
  logger.info('startup.first-admin', { username: outcome.username, from: outcome.oneTimePassword ? 'one-time password' : 'ADMIN_PASSWORD' });
  if (outcome.oneTimePassword) console.log(`First staff admin: ${outcome.username}; one-time password (shown once, change it at /admin/login): ${outcome.oneTimePassword}`);
}
