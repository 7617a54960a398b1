import type { ChannelId, IncomingMessage, Reply } from '../types.ts';

/**
 * The channel port: the edge between a messaging platform and the bot. The core owns these types; each platform's
 * adapter (adapters/channels/<platform>/) implements ChannelAdapter. Adapters are plain objects made by factory
 * functions that take their configuration and a `fetch`; they import no HTTP framework, no Node module and no database,
 * so the same code runs on Node and in a Worker.
 */

/** A webhook request as received, before anything is parsed. Header names are lower case. */
export interface RawRequest {
  readonly method: string;
  /** The URL as the server saw it (path and query); signature checks that need the public URL build it from config. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export type VerifyResult =
  | { readonly ok: true }
  /** 401: no credentials; 403: wrong or stale credentials. Nothing is stored for a refused request. */
  | { readonly ok: false; readonly status: 401 | 403; readonly reason: string };

export type ParseResult =
  | {
      readonly ok: true;
      readonly messages: readonly IncomingMessage[];
      /** Events acknowledged and deliberately ignored (echoes, receipts, delivery reports). */
      readonly ignored: number;
      /** A fixed body to acknowledge with (e.g. Telegram's answerCallbackQuery); default is an empty 200. */
      readonly ack?: WebhookResponse;
    }
  | { readonly ok: false; readonly status: 400; readonly reason: string };

export interface WebhookResponse {
  readonly contentType: string;
  readonly body: string;
}

/** One message as the platform's send API takes it, already rendered; stored in the outbox as JSON. */
export interface OutboundPayload {
  readonly body: Readonly<Record<string, unknown>>;
}

export interface SendTarget {
  /** The channel-scoped user id the message goes to (Zalo user id, Telegram chat id, E.164 phone number). */
  readonly userId: string;
  /** The inbound message being answered, where the platform bills or threads replies by it. */
  readonly replyToMessageId?: string;
  /**
   * The same for every attempt to send one outbox message: where the platform accepts a client message id
   * and refuses a repeat of it (the SMS gateway), a resend after an unknown outcome cannot deliver twice.
   */
  readonly idempotencyKey?: string;
}

export type SendResult =
  | { readonly ok: true; readonly providerMessageId?: string }
  | {
      readonly ok: false;
      /** Worth trying again later: network errors, 5xx, rate limits. */
      readonly retryable: boolean;
      /** The platform said when to try again (Telegram 429 retry_after). */
      readonly retryAfterMs?: number;
      /** The access token was refused: refresh it once and retry once. */
      readonly authExpired?: boolean;
      /**
       * The platform takes a message to this resident only after they write again (Zalo's interaction window):
       * a message nobody asked for is held until then; a reply to an old question is given up.
       */
      readonly needsResident?: boolean;
      /** The platform refuses this message until then (Zalo's night ban): retry it then, others meanwhile. */
      readonly notBefore?: Date;
      readonly reason: string;
    };

export interface ChannelCapabilities {
  /** Longest text one platform message carries. */
  readonly maxTextLength: number;
  readonly buttons: boolean;
  readonly location: boolean;
  readonly images: boolean;
}

export interface ChannelAdapter {
  readonly id: ChannelId;
  readonly capabilities: ChannelCapabilities;
  verify(raw: RawRequest, now: Date): Promise<VerifyResult>;
  parse(raw: RawRequest, now: Date): ParseResult;
  /** A reply as the platform's messages (a long text may become several). Pure. */
  render(reply: Reply): OutboundPayload[];
  /**
   * Channels that show a long reply a page at a time (SMS within its segment budget): the turn's replies as the
   * messages to send now and the pages held until the resident asks for the next one. Pure.
   */
  paginate?(replies: readonly Reply[]): { readonly now: OutboundPayload[]; readonly later: OutboundPayload[] };
  send(target: SendTarget, payload: OutboundPayload): Promise<SendResult>;
  /** Channels that answer inside the webhook response (Twilio TwiML) render their replies here. */
  inlineResponse?(payloads: readonly OutboundPayload[]): WebhookResponse;
}

/** The `fetch` adapters use; injected so tests and proxies can stand in for the platforms. */
export type Fetch = typeof fetch;

/** A value from the option list a bot reply offered: what a tapped button sends back. */
export const CHOICE_PAYLOAD_PREFIX = '#c:';
