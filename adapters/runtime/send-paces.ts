import type { Kysely } from 'kysely';
import type { Logger } from '../../bot/ports/logger.ts';
import { inProcessPaces, type SendPaceFactory } from '../../bot/send-pace.ts';
import { isSharedDatabase } from '../storage/dialect.ts';
import type { Database } from '../storage/schema.ts';
import { sharedSendPaces } from '../storage/send-pace-store.ts';

/**
 * Where the outbox keeps each provider's pace. Instances sharing a database (several Node processes on PostgreSQL,
 * Worker isolates on D1) share each platform's rate limit, so they share its pace, at one statement per send; one
 * process on embedded SQLite keeps it in memory for free. `shared` (OUTBOX_SHARED_PACE=1/0) overrides the choice.
 */
export function sendPacesFor(db: Kysely<Database>, shared: boolean | undefined, logger: Logger): SendPaceFactory {
  return (shared ?? isSharedDatabase(db)) ? sharedSendPaces(db, logger) : inProcessPaces;
}
