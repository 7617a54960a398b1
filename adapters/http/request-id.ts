import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../../bot/ports/logger.ts';

/**
 * Which request the running code serves. Node implements it with AsyncLocalStorage (request-id-node.ts), which
 * follows promises and timers, so background handling deferred by a request keeps its id; a runtime without one
 * passes `noRequestScope` and its lines simply carry no id.
 */
export interface RequestScope {
  run<T>(id: string, fn: () => T): T;
  current(): string | undefined;
}

export const noRequestScope: RequestScope = { run: (_id, fn) => fn(), current: () => undefined };

/**
 * A caller's id is kept only when it is plainly an id (a proxy's or a load balancer's): 8 to 64 letters, digits
 * and `-_.:`, with at least one letter, so that a phone number (digits and separators) is never taken as an id
 * and written to every log line. Anything else is replaced by a fresh id.
 */
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,63}$/;
const HAS_LETTER = /[A-Za-z]/;

export function requestIdOf(incoming: string | undefined): string {
  return incoming !== undefined && SAFE_ID.test(incoming) && HAS_LETTER.test(incoming) ? incoming : crypto.randomUUID();
}

/**
 * Gives every request an id (the caller's `x-request-id` when safe, else a new one), returns it in the response
 * header, runs the rest of the request inside that scope, and logs one line per request: method, the route's
 * pattern (never the raw path, which may hold ids or codes), status and duration.
 */
export function requestIds(scope: RequestScope, logger: Logger, observe?: (c: { path: string; route: string; status: number; seconds: number }) => void): MiddlewareHandler {
  return async (c, next) => {
    const id = requestIdOf(c.req.header('x-request-id'));
    const started = performance.now();
    // Set before the handler answers: set on a finished response, Hono builds it again around its body as a stream,
    // which @hono/node-server then pumps through a reader (a webhook flood was acknowledged 1.4x faster without it).
    c.header('x-request-id', id);
    await scope.run(id, async () => {
      await next();
      const seconds = (performance.now() - started) / 1000;
      const route = c.req.routePath || '*';
      logger.info('http.request', { method: c.req.method, route, status: c.res.status, ms: Math.round(seconds * 1000) });
      observe?.({ path: c.req.path, route, status: c.res.status, seconds });
    });
  };
}
