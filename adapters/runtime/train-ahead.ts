/**
 * Trains the matcher ahead, at build time, and writes its weights where the Worker bundle imports them
 * (build/matcher-weights.bin, wrangler's Data rule). A Worker must not train on the request path: on this
 * machine training takes about a second of CPU, and a Workers request gets 10 ms (free) to 30 s (paid).
 *
 * The content is seeded into an in-memory SQLite database and read back through the same store the Worker
 * reads D1 with, so the examples (and their order) are the ones the Worker will build from. A knowledge base
 * that staff have since changed no longer matches: the Worker then trains after the publish, off the response.
 *
 *   npx tsx adapters/runtime/train-ahead.ts [out-file]      (run by wrangler's [build] command)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { encodeModels } from '../../intents/model-file.ts';
import { recordTrainedModels } from '../../intents/model-io.ts';
import { createKnowledgeStore } from '../storage/knowledge-store.ts';
import { shippedSeed } from '../../knowledge-base/seed-data.ts';
import { createCatalogueStore } from '../storage/catalogue-store.ts';
import { openSqlite } from '../storage/sqlite.ts';
import { prepareKnowledge } from './prepare-knowledge.ts';

export const DEFAULT_WEIGHTS_FILE = 'build/matcher-weights.bin';

export async function trainAhead(out = DEFAULT_WEIGHTS_FILE): Promise<{ file: string; bytes: number; models: number; ms: number }> {
  const started = performance.now();
  const db = openSqlite(':memory:');
  try {
    const models = await recordTrainedModels(async () => {
      await prepareKnowledge(db, createKnowledgeStore(db), createCatalogueStore(db), shippedSeed());
    });
    const bytes = encodeModels(models);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, bytes);
    return { file: out, bytes: bytes.length, models: models.length, ms: performance.now() - started };
  } finally {
    await db.destroy();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await trainAhead(process.argv[2]);
  console.log(`matcher weights: ${result.models} model(s), ${(result.bytes / 1048576).toFixed(2)} MiB in ${result.file} (${Math.round(result.ms)} ms)`);
}
