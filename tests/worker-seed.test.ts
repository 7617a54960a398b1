/** The Worker's Node-free pieces, checked on Node: bundled seed content, weights trained ahead, the scrypt format. */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import { hashPassword, needsRehash, parseHash, verifyPassword } from '../admin/auth/password.ts';
import { shippedGazetteer } from '../bot/reports/gazetteer-data.ts';
import { readGazetteer } from '../bot/reports/gazetteer-file.ts';
import { buildMatcher } from '../intents/matcher.ts';
import { decodeModels, encodeModels } from '../intents/model-file.ts';
import { recordTrainedModels, useTrainedModels } from '../intents/model-io.ts';
import { SEED_ENTRY_FILES, SEED_LABEL_FILES } from '../knowledge-base/seed-modules.ts';
import { shippedSeed } from '../knowledge-base/seed-data.ts';
import { readSeed, SEED_DIRECTORY } from '../knowledge-base/seed-files.ts';
import { trainingSet } from '../knowledge-base/training-set.ts';

test('the bundled seed modules list every seed file and read the same as the files', () => {
  const names = (dir: string) => readdirSync(SEED_DIRECTORY + dir).filter((n) => n.endsWith('.json')).sort();
  assert.deepEqual(SEED_ENTRY_FILES.map(([name]) => name), names('entries'), 'add an import to knowledge-base/seed-modules.ts');
  assert.deepEqual(SEED_LABEL_FILES.map(([name]) => name), names('labels'), 'add an import to knowledge-base/seed-modules.ts');
  assert.deepEqual(shippedSeed(), readSeed());
  assert.deepEqual(shippedGazetteer().communes, readGazetteer().communes);
});

test('weights trained ahead survive the binary file and give the same matches without training', async () => {
  const seed = shippedSeed();
  const examples = trainingSet(seed.entries, seed.definitions);
  let trained!: ReturnType<typeof buildMatcher>;
  const models = await recordTrainedModels(async () => {
    trained = buildMatcher(examples);
  });
  assert.equal(models.length, 1);
  const file = encodeModels(models);
  const started = performance.now();
  const decoded = decodeModels(new Uint8Array(file));
  const decodeMs = performance.now() - started;
  assert.deepEqual([...(decoded[0]?.model.weights ?? [])].slice(0, 1000), [...(models[0]?.model.weights ?? [])].slice(0, 1000));
  useTrainedModels(decoded);
  const loadStarted = performance.now();
  const loaded = buildMatcher(examples);
  const loadMs = performance.now() - loadStarted;
  for (const text of ['làm giấy khai sinh ở đâu', 'cccd mat thi lam sao', 'đèn đường hẻm 5 tắt', 'cảm ơn bot']) {
    assert.deepEqual(loaded.match(text), trained.match(text));
  }
  console.log(`# weights ${(file.length / 1048576).toFixed(2)} MiB; decode ${decodeMs.toFixed(1)} ms; matcher from them ${loadMs.toFixed(0)} ms vs trained ${trained.stats.buildMs.toFixed(0)} ms`);
});

test('staff passwords: scrypt, self-describing, the same on Node and in workerd (tests/worker.test.ts logs in there)', async () => {
  const stored = await hashPassword('Cần Thơ mùa nước nổi', 1000);
  assert.match(stored, /^scrypt\$\d+\$8\$1\$/);
  assert.equal(await verifyPassword('Cần Thơ mùa nước nổi', stored), true);
  assert.equal(needsRehash(stored, 1000), false);
  assert.equal(needsRehash(stored), true, 'below today\'s setting: redone at log-in');
  assert.equal(parseHash('scrypt$1073741824$8$1$AAAA$AAAA'), undefined, 'a stored N that would allocate gigabytes is refused');
});
