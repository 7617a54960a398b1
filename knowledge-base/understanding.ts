import { buildMatcher, type Matcher } from '../intents/matcher.ts';
import type { KnowledgeStore } from './store.ts';
import { inProcessTrainer, trainMatcher, type Trainer } from './trainer.ts';
import { trainingSet } from './training-set.ts';
import { kbLabel, type KnowledgeEntry, type LabelDefinition } from './types.ts';

/** The matcher and the content it answers from, built together so they never disagree. */
export interface Understanding {
  readonly matcher: Matcher;
  readonly entries: ReadonlyMap<string, KnowledgeEntry>;
  /** Short titles residents see in menus and "did you mean" lists, by label. */
  readonly titleOf: (label: string) => string;
}

export function buildUnderstanding(entries: readonly KnowledgeEntry[], definitions: readonly LabelDefinition[], trained?: Matcher): Understanding {
  const matcher = trained ?? buildMatcher(trainingSet(entries, definitions));
  const titles = new Map<string, string>();
  for (const entry of entries) titles.set(kbLabel(entry.id), entry.title);
  for (const definition of definitions) titles.set(definition.label, definition.title);
  return {
    matcher,
    entries: new Map(entries.map((e) => [e.id, e])),
    titleOf: (label) => titles.get(label) ?? label,
  };
}

/** Holds the current understanding; `rebuild` swaps in a new one after staff publish a change. */
export interface UnderstandingHolder {
  readonly current: () => Understanding;
  readonly rebuild: () => Promise<Understanding>;
  /** What trains its rebuilds; the staff editor's draft matcher ("Thử câu hỏi") trains the same way. */
  readonly trainer: Trainer;
}

/**
 * `trainer` trains the matcher for rebuilds (after a publish): on Node a worker thread (adapters/runtime/
 * thread-trainer.ts), so residents on this instance are answered while it trains; in process by default (the
 * Cloudflare Worker). `startTrainer` trains the first build, before anything is answered (in process unless given).
 */
export async function loadUnderstanding(store: KnowledgeStore, trainer: Trainer = inProcessTrainer, startTrainer: Trainer = inProcessTrainer): Promise<UnderstandingHolder> {
  let trainedOn = '';
  let current: Understanding | undefined;
  const build = async (using: Trainer): Promise<Understanding> => {
    const entries = await store.listEntries();
    const definitions = await store.listDefinitions();
    // A change that leaves what the matcher learns from alone (an answer, a fee, a source) keeps the trained
    // matcher: the new content is swapped in at once instead of after seconds of training.
    const examples = trainingSet(entries, definitions);
    const key = JSON.stringify(examples);
    const matcher = key === trainedOn && current ? current.matcher : await trainMatcher(examples, using);
    trainedOn = key;
    return buildUnderstanding(entries, definitions, matcher);
  };
  let built = await build(startTrainer);
  current = built;
  return {
    current: () => built,
    rebuild: async () => {
      built = await build(trainer);
      current = built;
      return built;
    },
    trainer,
  };
}
