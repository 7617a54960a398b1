/**
 * The procedure catalogue from the command line, on the same database as the server (.env included):
 *
 *   npm run catalogue -- import FILE.csv|FILE.json [--dry-run]   valid lines are written, bad ones listed by line
 *   npm run catalogue -- export FILE.csv|FILE.json               CSV is UTF-8 with a byte-order mark (opens in Excel)
 *
 * A running server picks up imported procedures at its next start (or when staff rebuild the index).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describeProblems, exportCatalogue, importCatalogue } from '../../knowledge-base/catalogue/import-export.ts';
import { shippedCatalogue } from '../../knowledge-base/catalogue/shipped.ts';
import { formatOf } from '../../knowledge-base/catalogue/transfer.ts';
import { createCatalogueStore } from '../storage/catalogue-store.ts';
import { migrateToLatest } from '../storage/migrate.ts';
import { openSqlite } from '../storage/sqlite.ts';

if (existsSync('.env')) process.loadEnvFile('.env');

const [command, file] = process.argv.slice(2);
const format = file === undefined ? undefined : formatOf(file);
if ((command !== 'import' && command !== 'export') || file === undefined || format === undefined) {
  console.error('usage: npm run catalogue -- import FILE.csv|FILE.json [--dry-run]\n       npm run catalogue -- export FILE.csv|FILE.json');
  process.exit(2);
}

const db = openSqlite(process.env.DATABASE_PATH ?? './data/app.db');
try {
  await migrateToLatest(db);
  const store = createCatalogueStore(db);
  // As the server does on first start: an import adds to the shipped catalogue, never replaces it by accident.
  await store.seedIfEmpty(shippedCatalogue());
  if (command === 'import') {
    const report = await importCatalogue(store, readFileSync(file, 'utf8'), format, { dryRun: process.argv.includes('--dry-run') });
    for (const line of describeProblems(report.problems)) console.error(line);
    console.log(`${report.written} procedures written, ${report.problems.length} lines skipped; catalogue now holds ${await store.count()}`);
    process.exitCode = report.problems.length > 0 ? 1 : 0;
  } else {
    writeFileSync(file, await exportCatalogue(store, format));
    console.log(`${await store.count()} procedures exported to ${file}`);
  }
} finally {
  await db.destroy();
}
