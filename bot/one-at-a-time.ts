/**
 * Runs tasks that share a key one after another, in the order they arrive; tasks with different keys run side
 * by side. In-process only: across instances the conversation's version check (conversation-store.ts) is what
 * keeps two turns from overwriting each other.
 */
export function oneAtATime(): <T>(key: string, task: () => Promise<T>) => Promise<T> {
  const tails = new Map<string, Promise<void>>();
  return <T>(key: string, task: () => Promise<T>): Promise<T> => {
    const result = (tails.get(key) ?? Promise.resolve()).then(task);
    // The next task waits for this one whether it succeeded or failed; an idle key leaves nothing behind.
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return result;
  };
}
