import type { Hono } from 'hono';
import { constantTimeEqual } from '../channels/crypto.ts';
import type { ClientAddress } from './client-address.ts';
import { formatFamilies, METRICS_CONTENT_TYPE, type Family } from './metrics-format.ts';

export interface MetricsDeps {
  /** Counters of this process and gauges read from the database, gathered at scrape time. */
  readonly families: () => Promise<Family[]>;
  /** METRICS_TOKEN: when set, a scraper sends it as a bearer token (from anywhere). */
  readonly token?: string;
  /** The caller's address: without a token, only loopback may read (a Prometheus on the same host). */
  readonly clientAddress?: ClientAddress;
}

const LOOPBACK = /^(?:127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;

/**
 * GET /metrics in the Prometheus text format. The figures are operational only (no text, no ids), but they
 * still tell an outsider how busy the service is and which platform fails: protected either way.
 */
export function mountMetrics(app: Hono, deps: MetricsDeps): void {
  app.get('/metrics', async (c) => {
    if (deps.token !== undefined && deps.token !== '') {
      const sent = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
      if (!constantTimeEqual(sent, deps.token)) return c.json({ error: 'metrics need the METRICS_TOKEN bearer token' }, 401, { 'www-authenticate': 'Bearer' });
    } else if (!LOOPBACK.test(deps.clientAddress?.(c) ?? '')) {
      return c.json({ error: 'metrics are served to loopback only unless METRICS_TOKEN is set' }, 403);
    }
    return c.body(formatFamilies(await deps.families()), 200, { 'content-type': METRICS_CONTENT_TYPE, 'cache-control': 'no-store' });
  });
}
