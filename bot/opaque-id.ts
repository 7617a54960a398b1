const ID_BYTES = 12;
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/**
 * Opaque ids for conversations: a phone number or chat id must not travel with every log line, outbox row and
 * staff view that names a conversation. 96 random bits from Web Crypto (Node and Workers alike).
 */
export function newConversationId(): string {
  return newConversationIds(1)[0] as string;
}

/**
 * `count` fresh ids from one call to the random source: the accept step proposes an id for every resident of a
 * batch (most already have one), and a call each cost more than the rest of building the row.
 */
export function newConversationIds(count: number): string[] {
  const bytes = crypto.getRandomValues(new Uint8Array(ID_BYTES * count));
  const ids: string[] = [];
  for (let start = 0; start < bytes.length; start += ID_BYTES) {
    let id = 'c_';
    for (let i = start; i < start + ID_BYTES; i++) id += HEX[bytes[i] as number];
    ids.push(id);
  }
  return ids;
}
