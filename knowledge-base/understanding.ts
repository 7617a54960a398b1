import { buildMatcher, type Matcher } from '../intents/matcher.ts';
import type { KnowledgeStore } from './store.ts';
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
}

export async function loadUnderstanding(store: KnowledgeStore): Promise<UnderstandingHolder> {
  let trainedOn = '';
  let current: Understanding | undefined;
  const build = async (): Promise<Understanding> => {
    const entries = await store.listEntries();
    const definitions = await store.listDefinitions();
    // A change that leaves what the matcher learns from alone (an answer, a fee, a source) keeps the trained
    // matcher: the new content is swapped in at once instead of after seconds of training.
    const key = JSON.stringify(trainingSet(entries, definitions));
    const next = buildUnderstanding(entries, definitions, key === trainedOn ? current?.matcher : undefined);
    trainedOn = key;
    return next;
  };
  let built = await build();
  current = built;
  return {
    current: () => built,
    rebuild: async () => {
      built = await build();
      current = built;
      return built;
    },
  };
}
