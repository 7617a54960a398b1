import { MAX_TEXT_LENGTH } from '../../../bot/clean-text.ts';
import type { IncomingMessage } from '../../../bot/types.ts';

/** Why a web-chat request was refused: the HTTP status and a reason the caller can act on. */
export interface Refusal {
  readonly status: 400 | 413;
  readonly reason: string;
}

const USER_ID = /^[A-Za-z0-9_.:-]{1,64}$/;
const MESSAGE_ID = /^[A-Za-z0-9_.:-]{1,100}$/;
export const MAX_BODY_BYTES = 16_384;

/**
 * Parses the body of POST /api/chat: `{ userId, text }`, `{ userId, choice }` or `{ userId, event: "open" }` (the page
 * opened with no conversation yet: the bot greets without a message the resident never typed); optional `messageId`.
 */
export function parseWebChat(body: string, receivedAt: Date): { message: IncomingMessage } | { refusal: Refusal } {
  if (body.length > MAX_BODY_BYTES) return { refusal: { status: 413, reason: `request body is larger than ${MAX_BODY_BYTES} bytes` } };
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return { refusal: { status: 400, reason: 'body is not valid JSON' } };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { refusal: { status: 400, reason: 'body must be a JSON object like {"userId": "...", "text": "..."}' } };
  }
  const o = data as Record<string, unknown>;
  if (typeof o.userId !== 'string' || !USER_ID.test(o.userId)) {
    return { refusal: { status: 400, reason: 'userId must be 1-64 characters: letters, digits, _ . : -' } };
  }
  if (o.messageId !== undefined && (typeof o.messageId !== 'string' || !MESSAGE_ID.test(o.messageId))) {
    return { refusal: { status: 400, reason: 'messageId, when given, must be 1-100 characters: letters, digits, _ . : -' } };
  }
  const base = { channel: 'webchat' as const, userId: o.userId, messageId: (o.messageId as string | undefined) ?? crypto.randomUUID(), receivedAt };
  if (o.event !== undefined) {
    if (o.event !== 'open') return { refusal: { status: 400, reason: 'event, when given, must be "open"' } };
    return { message: { ...base, kind: 'follow' } };
  }
  if (typeof o.choice === 'string') {
    if (!/^[a-z]+:[a-z0-9-]{1,60}$/.test(o.choice)) return { refusal: { status: 400, reason: 'choice must be an option value offered by the bot' } };
    return { message: { ...base, kind: 'choice', value: o.choice } };
  }
  if (typeof o.text !== 'string') return { refusal: { status: 400, reason: 'text must be a string (or give a choice)' } };
  if (o.text.length > MAX_TEXT_LENGTH) {
    return { refusal: { status: 413, reason: `text is too long: at most ${MAX_TEXT_LENGTH} characters` } };
  }
  return { message: { ...base, kind: 'text', text: o.text } };
}

/**
 * The id the chat page keeps in the browser: 128 random bits or more (22+ URL-safe base64 characters). Reading
 * a conversation back needs only this id, so short or guessable ids may chat but not read history.
 */
const PAGE_CLIENT_ID = /^[A-Za-z0-9_-]{22,64}$/;

/** Reads `?userId=` (and `?after=` for updates) of the web chat's GET endpoints. */
export function parseChatQuery(query: { userId?: string | undefined; after?: string | undefined }): { userId: string; after: number } | { refusal: Refusal } {
  if (query.userId === undefined || !PAGE_CLIENT_ID.test(query.userId)) {
    return { refusal: { status: 400, reason: 'userId must be the random id the chat page keeps: 22-64 characters, letters, digits, _ -' } };
  }
  if (query.after === undefined) return { userId: query.userId, after: 0 };
  const after = /^\d{1,15}$/.test(query.after) ? Number(query.after) : NaN;
  if (!Number.isSafeInteger(after)) return { refusal: { status: 400, reason: 'after must be a whole number: the last update number the page has shown' } };
  return { userId: query.userId, after };
}
