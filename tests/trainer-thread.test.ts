/**
 * The matcher trains in a worker thread on Node (adapters/runtime/thread-trainer.ts): while a rebuild trains,
 * this event loop keeps running (counted in 10 ms timer ticks, no wall-clock bounds), the matcher built from the
 * thread's weights answers exactly as one trained in process, and a publish through knowledge-base/publishing.ts
 * reaches the bot through it. Prints the figures: publish to bot, event-loop delay during a rebuild, load cost.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { assemble, type Assembly } from '../adapters/runtime/assemble.ts';
import { createDraftMatchers } from '../admin/routes/knowledge-try.ts';
import { createThreadTrainer, type ThreadTrainer } from '../adapters/runtime/thread-trainer.ts';
import { buildMatcher, DEFAULT_OPTIONS, type LabelledText, type Matcher } from '../intents/matcher.ts';
import { shippedSeed } from '../knowledge-base/seed-data.ts';
import type { KnowledgeStore } from '../knowledge-base/store.ts';
import { inProcessTrainer, matcherFromWeights, type Trainer } from '../knowledge-base/trainer.ts';
import { trainingSet } from '../knowledge-base/training-set.ts';
import type { KnowledgeEntry } from '../knowledge-base/types.ts';
import { loadUnderstanding } from '../knowledge-base/understanding.ts';
import { temporaryDatabase, TEST_SITE, textMessage } from './helpers.ts';

const MESSAGES = [
  'làm căn cước công dân ở đâu', 'lam can cuoc o dau', 'đăng ký khai sinh cho con cần giấy tờ gì', 'dk ket hon can gi',
  'chuyển hộ khẩu', 'xin giấy phép xây dựng nhà', 'đường bị ổ gà', 'đèn đường không sáng', 'cứu với nhà cháy',
  'chào bạn', 'cảm ơn nha', 'bot có người yêu chưa', 'đăng ký', 'cho tôi gặp cán bộ', 'trợ cấp người cao tuổi',
  'xin giấy tờ tùy thân con chip ở chỗ nào vậy ta', 'thủ tục', '', 'asdfgh qwerty',
];
const NEW_PHRASING = 'xin giấy tờ tùy thân con chip ở chỗ nào vậy ta';

let trainer: ThreadTrainer;
before(() => {
  trainer = createThreadTrainer({ onFallback: (reason) => assert.fail(`fell back to training in process: ${reason}`) });
});
after(() => trainer.close());

/** The seed with one more phrasing on the ID card entry: what a publish that retrains looks like. */
function withPhrasing(entries: readonly KnowledgeEntry[], phrasing: string): KnowledgeEntry[] {
  return entries.map((e) => (e.id === 'can-cuoc' ? { ...e, examples: [...e.examples, phrasing] } : e));
}

function results(matcher: Matcher): unknown[] {
  return MESSAGES.map((m) => matcher.match(m));
}

/** Runs `work` while a 10 ms timer counts its ticks and perf_hooks records the event loop's delay. */
async function watched<T>(work: () => Promise<T>): Promise<{ value: T; ticks: number; maxDelayMs: number; ms: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  let ticks = 0;
  const timer = setInterval(() => ticks++, 10);
  histogram.enable();
  // Its first sample is only a baseline: taken before the work, so a stall at the very start is measured too.
  await new Promise((resolve) => setTimeout(resolve, 30));
  ticks = 0;
  const started = performance.now();
  try {
    const value = await work();
    const ms = performance.now() - started;
    const counted = ticks;
    // The histogram records a stall when its own timer next fires: let it, after work that ended in one.
    await new Promise((resolve) => setTimeout(resolve, 30));
    return { value, ticks: counted, maxDelayMs: histogram.max / 1e6, ms };
  } finally {
    clearInterval(timer);
    histogram.disable();
  }
}

test('weights trained in the thread build, through the loading path, the matcher an in-process build gives', async () => {
  const seed = shippedSeed();
  const examples: LabelledText[] = trainingSet(seed.entries, seed.definitions);
  const trained = await trainer.train(examples, DEFAULT_OPTIONS);
  assert.equal(trained.model.weights.length, trained.featureCount * trained.model.classCount, 'the transferred weights arrived whole');
  // Alternated, three of each, so both are timed with this thread's code equally warm: medians printed.
  const fullMs: number[] = [];
  const loadMs: number[] = [];
  let here!: Matcher;
  let matcher!: Matcher;
  for (let round = 0; round < 3; round++) {
    let started = performance.now();
    here = buildMatcher(examples);
    fullMs.push(performance.now() - started);
    started = performance.now();
    const built = matcherFromWeights(examples, DEFAULT_OPTIONS, trained);
    loadMs.push(performance.now() - started);
    assert.ok(built.loaded, 'the weights fit: this thread did not train again');
    matcher = built.matcher;
  }
  assert.deepEqual(results(matcher), results(here));
  assert.deepEqual(matcher.labels, here.labels);
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[1] as number;
  console.log(`# on this thread: build from the thread's weights ${median(loadMs).toFixed(0)} ms, full in-process build ${median(fullMs).toFixed(0)} ms (medians of 3); weights ${(trained.model.weights.byteLength / 1048576).toFixed(2)} MiB transferred`);
});

test('a rebuild through the thread trainer keeps the event loop answering; an in-process one blocks it', async () => {
  const seed = shippedSeed();
  let entries: readonly KnowledgeEntry[] = seed.entries;
  // Only what loadUnderstanding reads: the rebuild, not the store, is under test here.
  const store = { listEntries: async () => [...entries], listDefinitions: async () => [...seed.definitions] } as unknown as KnowledgeStore;

  const rebuildWith = async (using: Trainer, phrasing: string) => {
    const holder = await loadUnderstanding(store, using);
    entries = withPhrasing(seed.entries, phrasing);
    const watch = await watched(() => holder.rebuild());
    entries = seed.entries;
    return watch;
  };
  const before = trainer.counts().thread;
  const threaded = await rebuildWith(trainer, NEW_PHRASING);
  const blocking = await rebuildWith(inProcessTrainer, NEW_PHRASING);
  console.log(`# rebuild: thread trainer ${threaded.ms.toFixed(0)} ms, ${threaded.ticks} ticks of 10 ms, event-loop max delay ${threaded.maxDelayMs.toFixed(0)} ms; in process ${blocking.ms.toFixed(0)} ms, ${blocking.ticks} ticks, max delay ${blocking.maxDelayMs.toFixed(0)} ms`);

  assert.equal(trainer.counts().thread, before + 1, 'trained in the thread');
  assert.ok(threaded.ticks >= 10, `timers kept firing while the thread trained (${threaded.ticks} ticks)`);
  assert.ok(blocking.ticks <= 2, `an in-process rebuild holds the event loop (${blocking.ticks} ticks)`);
  assert.ok(threaded.ticks > blocking.ticks * 5);

  const reference = buildMatcher(trainingSet(withPhrasing(seed.entries, NEW_PHRASING), seed.definitions));
  assert.deepEqual(results(threaded.value.matcher), results(reference), 'the rebuilt matcher answers as an in-process build');
  assert.deepEqual(results(blocking.value.matcher), results(reference));
});

/** One assembled instance on a fresh database, its rebuilds trained by `using`. */
async function instance(using: Trainer): Promise<{ assembly: Assembly; cleanup: () => Promise<void> }> {
  const database = temporaryDatabase();
  const assembly = await assemble(database.db, TEST_SITE, { trainer: using });
  return { assembly, cleanup: async () => {
    await assembly.live.idle();
    await assembly.settled();
    await database.cleanup();
  } };
}

async function botSays(assembly: Assembly, text: string): Promise<string> {
  return (await assembly.bot.handle(textMessage(text, `resident-${Math.random()}`))).map((r) => r.text).join('\n');
}

/** Publishes a new answer and phrasing for can-cuoc; resolves when the bot answers the phrasing with it. */
async function publishAndWait(assembly: Assembly): Promise<{ reachedMs: number; ticks: number; maxDelayMs: number }> {
  const marker = `Nội dung thử nghiệm ${Date.now()}`;
  const current = await assembly.publishing.draftOf('can-cuoc');
  assert.ok(current);
  const saved = await assembly.publishing.saveDraft({ ...current, answer: `${marker}: làm tại Công an xã/phường.`, examples: [...current.examples, NEW_PHRASING] }, 'bien-tap');
  assert.equal(saved.kind, 'saved');
  assert.doesNotMatch(await botSays(assembly, NEW_PHRASING), new RegExp(marker), 'a draft does not reach residents');
  const watch = await watched(async () => {
    const started = performance.now();
    await assembly.publishing.publish('bien-tap');
    // Asked the way a resident would, every 20 ms, until the new answer comes back.
    while (!(await botSays(assembly, NEW_PHRASING)).includes(marker)) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return performance.now() - started;
  });
  await assembly.live.idle();
  return { reachedMs: watch.value, ticks: watch.ticks, maxDelayMs: watch.maxDelayMs };
}

test('a publish through knowledge-base/publishing.ts reaches the bot through the thread trainer', async () => {
  const threaded = await instance(trainer);
  const blocking = await instance(inProcessTrainer);
  try {
    const before = trainer.counts().thread;
    const matcherBefore = threaded.assembly.understanding.current().matcher;
    const viaThread = await publishAndWait(threaded.assembly);
    assert.equal(trainer.counts().thread, before + 1, 'the publish trained in the thread');
    assert.notEqual(threaded.assembly.understanding.current().matcher, matcherBefore, 'a new matcher was swapped in');
    assert.equal(threaded.assembly.live.applied(), await threaded.assembly.publishing.revision());
    assert.ok(viaThread.ticks >= 10, `residents' timers kept running during the rebuild (${viaThread.ticks} ticks)`);

    const inProcess = await publishAndWait(blocking.assembly);
    console.log(`# publish -> bot uses the change (same instance): thread trainer ${viaThread.reachedMs.toFixed(0)} ms (${viaThread.ticks} ticks, event-loop max delay ${viaThread.maxDelayMs.toFixed(0)} ms); in process ${inProcess.reachedMs.toFixed(0)} ms (${inProcess.ticks} ticks, max delay ${inProcess.maxDelayMs.toFixed(0)} ms)`);
    assert.deepEqual(results(threaded.assembly.understanding.current().matcher), results(blocking.assembly.understanding.current().matcher), 'both instances answer alike');
  } finally {
    await threaded.cleanup();
    await blocking.cleanup();
  }
});

test('the editor\'s "Thử câu hỏi" draft matcher trains in the same thread', async () => {
  const threaded = await instance(trainer);
  try {
    const { assembly } = threaded;
    assert.equal(assembly.understanding.trainer, trainer);
    const drafts = createDraftMatchers(assembly.publishing, assembly.knowledge, assembly.understanding.trainer);
    const current = await assembly.publishing.draftOf('can-cuoc');
    assert.ok(current);
    await assembly.publishing.saveDraft({ ...current, examples: [...current.examples, NEW_PHRASING] }, 'bien-tap');
    const before = trainer.counts().thread;
    const { understanding } = await drafts.get();
    assert.equal(trainer.counts().thread, before + 1, 'trained in the thread');
    const reference = buildMatcher(trainingSet(withPhrasing((await assembly.knowledge.listEntries()), NEW_PHRASING), await assembly.knowledge.listDefinitions()));
    assert.deepEqual(results(understanding.matcher), results(reference), 'the draft matcher answers as an in-process build of the drafts');
  } finally {
    await threaded.cleanup();
  }
});

test('an idle thread ends (its heap goes back to the system) and the next training starts a new one', async () => {
  const counted: number[] = [];
  const shortLived = createThreadTrainer({ idleMs: 100, onTrained: (ms) => counted.push(ms), onFallback: (reason) => assert.fail(`fell back: ${reason}`) });
  try {
    const seed = shippedSeed();
    const examples = trainingSet(seed.entries, seed.definitions);
    const first = await shortLived.train(examples, DEFAULT_OPTIONS);
    assert.equal(shortLived.running(), true, 'kept for the next training meanwhile');
    const deadline = Date.now() + 10_000;
    while (shortLived.running() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(shortLived.running(), false, 'ended after being idle');
    const second = await shortLived.train(examples, DEFAULT_OPTIONS);
    assert.deepEqual(shortLived.counts(), { thread: 2, fallback: 0 });
    assert.equal(second.fingerprint, first.fingerprint);
    assert.deepEqual(second.model.weights, first.model.weights);
  } finally {
    await shortLived.close();
  }
});
