import type { Kysely } from 'kysely';
import { databaseHealth } from '../http/health-database.ts';
import type { HealthChecks } from '../http/health.ts';
import type { ProcessMetrics } from '../http/metrics.ts';
import { outboxGauges } from '../http/metrics-database.ts';
import type { MetricsDeps } from '../http/metrics-route.ts';
import type { Database } from '../storage/schema.ts';
import type { Assembly } from './assemble.ts';

/**
 * What /healthz and /metrics need, the same on Node and on Workers: checks over the database and the loaded
 * matcher; this process's (or isolate's) counters beside the outbox gauges read from the database, behind
 * METRICS_TOKEN when it is set (otherwise the route serves loopback only, which no Worker caller is).
 */
export function opsDeps(
  db: Kysely<Database>,
  assembly: Assembly,
  metrics: ProcessMetrics,
  env: Readonly<Record<string, string | undefined>>,
): { checks: HealthChecks; metrics: { process: ProcessMetrics } & Omit<MetricsDeps, 'clientAddress'> } {
  return {
    checks: databaseHealth(db, () => assembly.understanding.current().entries.size > 0),
    metrics: {
      process: metrics,
      families: async () => [...metrics.families(), ...(await outboxGauges(db)())],
      ...(env.METRICS_TOKEN ? { token: env.METRICS_TOKEN } : {}),
    },
  };
}
