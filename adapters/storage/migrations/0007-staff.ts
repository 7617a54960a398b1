import type { Kysely, Migration } from 'kysely';

/** Staff workspace: accounts, their sessions, log-in attempts (rate limit and lockout) and the audit log. */
export const staff: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('staff_accounts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('email', 'text')
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
      // "pbkdf2-sha256$<iterations>$<salt>$<hash>": the algorithm and cost travel with each hash so they can change.
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('password_changed_at', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('staff_sessions')
      // Only the SHA-256 of the cookie's token is stored: a copy of the database does not log anyone in.
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('staff_id', 'text', (c) => c.notNull())
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('staff_sessions_by_staff').on('staff_sessions').columns(['staff_id']).execute();
    await db.schema
      .createTable('login_attempts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('username', 'text', (c) => c.notNull())
      .addColumn('address', 'text', (c) => c.notNull())
      .addColumn('succeeded', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('login_attempts_by_username').on('login_attempts').columns(['username', 'created_at']).execute();
    await db.schema.createIndex('login_attempts_by_address').on('login_attempts').columns(['address', 'created_at']).execute();
    await db.schema
      .createTable('audit_log')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('before_json', 'text')
      .addColumn('after_json', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('audit_log_by_time').on('audit_log').columns(['created_at']).execute();
    await db.schema.createIndex('audit_log_by_actor').on('audit_log').columns(['actor', 'created_at']).execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    for (const table of ['audit_log', 'login_attempts', 'staff_sessions', 'staff_accounts']) await db.schema.dropTable(table).execute();
  },
};
