import type { Kysely, Migration } from 'kysely';

/** Field reports (phản ánh hiện trường), their public history, and who hears about changes. */
export const reports: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('reports')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('address', 'text')
      .addColumn('commune', 'text')
      .addColumn('latitude', 'real')
      .addColumn('longitude', 'real')
      .addColumn('photo_url', 'text')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('conversation_id', 'text')
      .addColumn('reporter_contact_json', 'text')
      .addColumn('assignee', 'text')
      .addColumn('public_note', 'text')
      .addColumn('duplicate_of', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('reports_open').on('reports').columns(['category', 'status', 'created_at']).execute();
    await db.schema
      .createTable('report_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('report_code', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('photo_url', 'text')
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('report_events_by_report').on('report_events').columns(['report_code', 'created_at']).execute();
    await db.schema
      .createTable('report_subscribers')
      .addColumn('report_code', 'text', (c) => c.notNull())
      .addColumn('conversation_id', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('report_subscribers_pk', ['report_code', 'conversation_id'])
      .execute();
    await db.schema.createIndex('report_subscribers_by_conversation').on('report_subscribers').columns(['conversation_id']).execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    for (const table of ['report_subscribers', 'report_events', 'reports']) await db.schema.dropTable(table).execute();
  },
};
