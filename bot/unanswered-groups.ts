import { foldKey } from '../intents/fold.ts';
import type { Dismissal, UnansweredQuestion } from './unanswered-store.ts';

/**
 * Groups the questions the bot did not answer well, so staff see "làm căn cước ở đâu" asked 14 times as one line.
 *
 * How, deterministically and cheaply:
 * 1. Each question is folded (intents/fold.ts foldKey: lower case, no tone marks, đ → d, punctuation out);
 *    identical folded keys are one item from the start.
 * 2. An item's features are its syllables and its syllable bigrams ("lam", "can", "lam can"...); two items
 *    are similar when the Jaccard index of their features (shared / all) is at least SIMILARITY. Bigrams make
 *    word order count; unigrams keep a swapped or extra word from splitting a group.
 * 3. Items are taken oldest first (ties by key); each joins the first group whose founding item it is similar
 *    to, else founds a new group. The founder's folded key is the group's key: what a dismissal stores.
 * 4. An item similar to a dismissed key (or equal to one) is hidden: a dismissed question stays dismissed when
 *    it comes again, even typed a little differently.
 */
export const SIMILARITY = 0.5;

export interface QuestionGroup {
  /** The founding item's folded key: the group's stable name in forms and dismissals. */
  readonly key: string;
  /** Every distinct folded key in the group (all are stored when the group is dismissed). */
  readonly keys: readonly string[];
  /** The wording to show and to add as an example: the most frequent original text (the latest on a tie). */
  readonly text: string;
  /** Other wordings, most frequent first (a few). */
  readonly variants: ReadonlyArray<{ readonly text: string; readonly count: number }>;
  readonly count: number;
  readonly firstAt: string;
  readonly lastAt: string;
  readonly reasons: Readonly<Record<string, number>>;
  readonly channels: readonly string[];
  /** The knowledge-base entry the matcher leaned to most often, if any: preselected for "add as example". */
  readonly likelyEntry: string | null;
  readonly ids: readonly string[];
}

export function featuresOf(key: string): Set<string> {
  const syllables = key === '' ? [] : key.split(' ');
  const features = new Set(syllables);
  for (let i = 1; i < syllables.length; i++) features.add(`${syllables[i - 1]} ${syllables[i]}`);
  return features;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const f of a) if (b.has(f)) shared++;
  return shared / (a.size + b.size - shared);
}

interface Item {
  readonly key: string;
  readonly features: Set<string>;
  readonly questions: UnansweredQuestion[];
  readonly firstAt: string;
}

function mostCommon(values: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 0;
  for (const [value, count] of [...counts].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (count > bestCount) [best, bestCount] = [value, count];
  }
  return best;
}

function summarise(items: readonly Item[]): QuestionGroup {
  const questions = items.flatMap((i) => i.questions).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const byText = new Map<string, { text: string; count: number; lastAt: string }>();
  for (const q of questions) {
    const seen = byText.get(q.text);
    byText.set(q.text, { text: q.text, count: (seen?.count ?? 0) + 1, lastAt: seen && seen.lastAt > q.createdAt ? seen.lastAt : q.createdAt });
  }
  const wordings = [...byText.values()].sort((a, b) => b.count - a.count || b.lastAt.localeCompare(a.lastAt) || a.text.localeCompare(b.text));
  const reasons: Record<string, number> = {};
  for (const q of questions) reasons[q.reason] = (reasons[q.reason] ?? 0) + 1;
  const times = questions.map((q) => q.createdAt).sort();
  return {
    key: (items[0] as Item).key,
    keys: items.map((i) => i.key),
    text: wordings[0]?.text ?? '',
    variants: wordings.slice(1, 6).map(({ text, count }) => ({ text, count })),
    count: questions.length,
    firstAt: times[0] ?? '',
    lastAt: times[times.length - 1] ?? '',
    reasons,
    channels: [...new Set(questions.map((q) => q.channel))].sort(),
    likelyEntry: mostCommon(questions.flatMap((q) => (q.bestLabel?.startsWith('kb:') ? [q.bestLabel.slice(3)] : []))),
    ids: questions.map((q) => q.id),
  };
}

export interface GroupOptions {
  /** Clarifications younger than this may still be answered with a pick: not counted yet. */
  readonly clarifiedGraceMs: number;
  readonly now: Date;
}

/** Groups open questions, most asked first (then most recent); returns how many were hidden by dismissals. */
export function groupQuestions(questions: readonly UnansweredQuestion[], dismissals: readonly Pick<Dismissal, 'key'>[], options: GroupOptions): { groups: QuestionGroup[]; hidden: number } {
  const cutoff = new Date(options.now.getTime() - options.clarifiedGraceMs).toISOString();
  const items = new Map<string, Item>();
  for (const q of questions) {
    if (q.reason === 'clarified' && q.createdAt > cutoff) continue;
    const key = foldKey(q.text);
    if (key === '') continue;
    const item = items.get(key) ?? { key, features: featuresOf(key), questions: [], firstAt: q.createdAt };
    item.questions.push(q);
    items.set(key, item.firstAt <= q.createdAt ? item : { ...item, firstAt: q.createdAt });
  }
  const dismissed = dismissals.map((d) => ({ key: d.key, features: featuresOf(d.key) }));
  const isDismissed = (item: Item) => dismissed.some((d) => d.key === item.key || jaccard(d.features, item.features) >= SIMILARITY);

  const founders: Item[] = [];
  const members: Item[][] = [];
  // Founders by feature: only groups sharing a feature with an item can reach the similarity bar.
  const byFeature = new Map<string, number[]>();
  let hidden = 0;
  const ordered = [...items.values()].sort((a, b) => a.firstAt.localeCompare(b.firstAt) || a.key.localeCompare(b.key));
  for (const item of ordered) {
    if (isDismissed(item)) {
      hidden += item.questions.length;
      continue;
    }
    const candidates = new Set<number>();
    for (const f of item.features) for (const g of byFeature.get(f) ?? []) candidates.add(g);
    const home = [...candidates].sort((a, b) => a - b).find((g) => jaccard((founders[g] as Item).features, item.features) >= SIMILARITY);
    if (home !== undefined) {
      members[home]?.push(item);
      continue;
    }
    const index = founders.push(item) - 1;
    members.push([item]);
    for (const f of item.features) byFeature.set(f, [...(byFeature.get(f) ?? []), index]);
  }
  const groups = members.map(summarise).sort((a, b) => b.count - a.count || b.lastAt.localeCompare(a.lastAt) || a.key.localeCompare(b.key));
  return { groups, hidden };
}
