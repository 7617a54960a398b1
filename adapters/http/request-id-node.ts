import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestScope } from './request-id.ts';

/** The request scope on Node (also available on Workers with the nodejs_als flag). */
export function nodeRequestScope(): RequestScope {
  const storage = new AsyncLocalStorage<string>();
  return { run: (id, fn) => storage.run(id, fn), current: () => storage.getStore() };
}
