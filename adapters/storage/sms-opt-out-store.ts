import type { Kysely } from 'kysely';
import type { SmsOptOuts } from '../../bot/sms-opt-outs.ts';
import type { Database } from './schema.ts';

export function createSmsOptOuts(db: Kysely<Database>, now: () => Date = () => new Date()): SmsOptOuts {
  return {
    async optOut(phone) {
      await db.insertInto('sms_opt_outs').values({ phone, opted_out_at: now().toISOString() }).onConflict((oc) => oc.column('phone').doNothing()).execute();
    },
    async optIn(phone) {
      await db.deleteFrom('sms_opt_outs').where('phone', '=', phone).execute();
    },
    async isOptedOut(phone) {
      return (await db.selectFrom('sms_opt_outs').select('phone').where('phone', '=', phone).executeTakeFirst()) !== undefined;
    },
  };
}
