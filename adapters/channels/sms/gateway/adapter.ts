import { SMS_CAPABILITIES } from '../capabilities.ts';
import { DEFAULT_TIMEOUT_MS } from '../http.ts';
import { paginateSms } from '../pages.ts';
import { DEFAULT_SEGMENT_BUDGET, renderSms } from '../render.ts';
import type { ChannelAdapter, Fetch } from '../../../../bot/ports/channel.ts';
import { parseGateway } from './parse.ts';
import { sendGateway } from './send.ts';
import { verifyGatewaySignature } from './signature.ts';

export interface GatewayConfig {
  /** SMS_GATEWAY_URL: the phone's local API (http://192.168.1.20:8080) or the cloud/private server's API base. */
  readonly url: string;
  readonly user: string;
  readonly password: string;
  /** The webhook signing key from the app's Settings → Webhooks. */
  readonly signingKey: string;
  readonly fetch: Fetch;
  readonly segmentBudget?: number;
  /** Where the rest of a cut answer is, e.g. "Chi tiet: dichvucong.gov.vn". */
  readonly moreInfo: string;
  /** How far X-Timestamp may be from our clock; default 300 s. */
  readonly maxSkewSeconds?: number;
  readonly timeoutMs?: number;
}

/**
 * SMS through an ordinary local SIM in an Android phone running SMS Gateway for Android (CHANNELS.md §6): the
 * cheapest real two-way number a province can have, which Twilio cannot offer in Viet Nam.
 */
export function createGatewayAdapter(config: GatewayConfig): ChannelAdapter {
  const send = {
    url: config.url,
    user: config.user,
    password: config.password,
    fetch: config.fetch,
    timeoutMs: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  };
  const maxSkewSeconds = config.maxSkewSeconds ?? 300;
  const renderOptions = { segmentBudget: config.segmentBudget ?? DEFAULT_SEGMENT_BUDGET, moreInfo: config.moreInfo };
  return {
    id: 'sms',
    capabilities: SMS_CAPABILITIES,
    verify: (raw, now) => verifyGatewaySignature(raw, config.signingKey, now, maxSkewSeconds),
    parse: (raw, now) => parseGateway(raw, now),
    render: (reply) => [{ body: { text: renderSms(reply, renderOptions) } }],
    paginate: (replies) => {
      const { now, later } = paginateSms(replies, renderOptions.segmentBudget);
      const payload = (text: string) => ({ body: { text: text } });
      return { now: now.map(payload), later: later.map(payload) };
    },
    send: (target, payload) => sendGateway(send, target, payload),
  };
}
