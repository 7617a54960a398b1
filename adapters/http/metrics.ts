import type { BotMetrics, DecisionOutcome } from '../../bot/metrics.ts';
import type { Family, Labels } from './metrics-format.ts';

/**
 * The counters of this process (messages, decisions, webhook refusals, webhook latency). They start at zero
 * when the process starts and are not shared between instances: Prometheus scrapes each instance and sums.
 * Gauges read from the database (outbox depth, oldest pending reply, dead letters) are added at scrape time
 * by metrics-route.ts and describe the whole database, whichever instance is asked.
 */

/** Seconds; a webhook is answered before the work is done, so most land in the first buckets. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;
const DECISIONS: readonly DecisionOutcome[] = ['answer', 'clarify', 'not-understood', 'out-of-scope', 'catalogue'];

const key = (labels: Labels): string => JSON.stringify(Object.entries(labels));

function counter() {
  const values = new Map<string, { labels: Labels; value: number }>();
  return {
    add(labels: Labels, by = 1): void {
      const k = key(labels);
      const found = values.get(k);
      if (found) found.value += by;
      else values.set(k, { labels, value: by });
    },
    samples: () => [...values.values()].map((v) => ({ labels: v.labels, value: v.value })),
  };
}

function histogram(buckets: readonly number[]) {
  const series = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();
  return {
    observe(labels: Labels, value: number): void {
      const k = key(labels);
      let s = series.get(k);
      if (s === undefined) {
        s = { labels, counts: buckets.map(() => 0), sum: 0, count: 0 };
        series.set(k, s);
      }
      buckets.forEach((bound, i) => {
        if (value <= bound) (s as { counts: number[] }).counts[i]! += 1;
      });
      s.sum += value;
      s.count += 1;
    },
    samples() {
      return [...series.values()].flatMap((s) => [
        ...buckets.map((bound, i) => ({ suffix: '_bucket', labels: { ...s.labels, le: String(bound) }, value: s.counts[i] ?? 0 })),
        { suffix: '_bucket', labels: { ...s.labels, le: '+Inf' }, value: s.count },
        { suffix: '_sum', labels: s.labels, value: s.sum },
        { suffix: '_count', labels: s.labels, value: s.count },
      ]);
    },
  };
}

export interface ProcessMetrics {
  /** The core's port (bot/metrics.ts), passed to the bot. */
  readonly bot: BotMetrics;
  /** One webhook request answered: its latency, and a refusal when the status is 4xx/5xx. */
  webhook(provider: string, status: number, seconds: number): void;
  families(): Family[];
}

export function createProcessMetrics(): ProcessMetrics {
  const messages = counter();
  const decisions = counter();
  const refusals = counter();
  const latency = histogram(LATENCY_BUCKETS);
  // Every outcome is present from the start (at 0), so a rate() over a new process has a series to work on.
  for (const outcome of DECISIONS) decisions.add({ outcome }, 0);
  return {
    bot: {
      message: (channel) => messages.add({ channel }),
      decision: (outcome) => decisions.add({ outcome }),
    },
    webhook(provider, status, seconds) {
      latency.observe({ provider }, seconds);
      if (status >= 400) refusals.add({ provider, status: String(status) });
    },
    families: () => [
      { name: 'assistant_messages_total', help: 'Messages the bot handled, by channel (this process).', type: 'counter', samples: messages.samples() },
      { name: 'assistant_decisions_total', help: 'Decisions on free text: answer, clarify, not-understood, out-of-scope, catalogue (this process).', type: 'counter', samples: decisions.samples() },
      { name: 'assistant_webhook_refusals_total', help: 'Webhook requests answered with an error status, by provider and status (this process).', type: 'counter', samples: refusals.samples() },
      { name: 'assistant_webhook_duration_seconds', help: 'Time to answer a webhook request, by provider (this process).', type: 'histogram', samples: latency.samples() },
    ],
  };
}
