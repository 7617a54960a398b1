/**
 * Ids per query: D1 binds at most 100 parameters per statement, and a list query binds a few besides the ids
 * (the limit, a status). Open311 accepts up to 1,000 ids in one request, so they go in several queries.
 */
export const IDS_PER_QUERY = 90;

export function inChunks<T>(items: readonly T[], size = IDS_PER_QUERY): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
