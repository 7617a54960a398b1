/**
 * Row ids that sort by creation time (the layout of a version 7 UUID: 48 bits of milliseconds, then 74 random
 * bits), for tables written on every message (outbox, message log). A random id puts each new row at a random
 * place in the primary-key index, so as the table grows every insert reads and rewrites a page that is no longer
 * cached; ids that grow with time append at the index's end, in pages that are. Unique across instances by their
 * random part; nothing reads an order from them (rows are ordered by their creation stamps).
 */
export function timeOrderedId(nowMs: number = Date.now()): string {
  const time = Math.max(0, Math.floor(nowMs)).toString(16).padStart(12, '0').slice(-12);
  // xxxxxxxx-xxxx-4xxx-Nxxx-xxxxxxxxxxxx: its random digits after the version, and the variant group as it is.
  const random = crypto.randomUUID();
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(15, 18)}-${random.slice(19)}`;
}
