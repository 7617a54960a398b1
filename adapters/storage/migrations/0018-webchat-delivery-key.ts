import type { Kysely, Migration } from 'kysely';

/**
 * The outbox "sends" a web chat reply by writing it into the resident's mailbox. A send whose outcome was not
 * recorded (the process stopped between the write and the "sent" mark) is sent again when its lease runs out,
 * and the page then showed the same status update twice. Each mailbox row now keeps the outbox row's delivery
 * key, unique, so the repeat finds the row it wrote the first time instead of adding another. Rows written before
 * have none (NULLs do not collide).
 */
export const webchatDeliveryKey: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('webchat_mailbox').addColumn('delivery_key', 'text').execute();
    await db.schema.createIndex('webchat_mailbox_delivery_key').on('webchat_mailbox').column('delivery_key').unique().execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('webchat_mailbox_delivery_key').execute();
    await db.schema.alterTable('webchat_mailbox').dropColumn('delivery_key').execute();
  },
};
