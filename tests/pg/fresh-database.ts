import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The URL of another database on the same server (the admin URL with its path replaced). */
export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function adminQuery(adminUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A new, empty database (optionally a copy of `template`); `drop` removes it, closing what still uses it. */
export async function createDatabase(adminUrl: string, prefix: string, template?: string): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  // FILE_COPY: a small template is copied in a fraction of the time PostgreSQL 15's default WAL_LOG takes.
  await adminQuery(adminUrl, `create database ${name}${template ? ` template ${template} strategy file_copy` : ''}`);
  return { name, url: databaseUrl(adminUrl, name), drop: () => adminQuery(adminUrl, `drop database if exists ${name} with (force)`) };
}
