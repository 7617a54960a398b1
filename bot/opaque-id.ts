/**
 * Opaque ids for conversations: a phone number or chat id must not travel with every log line, outbox row and
 * staff view that names a conversation. 96 random bits from Web Crypto (Node and Workers alike).
 */
export function newConversationId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return 'c_' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
