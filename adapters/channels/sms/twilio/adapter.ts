import { SMS_CAPABILITIES } from '../capabilities.ts';
import { DEFAULT_TIMEOUT_MS } from '../http.ts';
import { paginateSms } from '../pages.ts';
import { DEFAULT_SEGMENT_BUDGET, renderSms } from '../render.ts';
import type { ChannelAdapter, Fetch } from '../../../../bot/ports/channel.ts';
import { parseTwilio } from './parse.ts';
import { sendTwilio } from './send.ts';
import { verifyTwilioSignature } from './signature.ts';
import { twimlResponse } from './twiml.ts';

export interface TwilioConfig {
  readonly accountSid: string;
  readonly authToken: string;
  readonly from: string;
  /** The public origin Twilio calls, e.g. https://bot.example.vn: signatures are over the URL Twilio saw. */
  readonly publicBaseUrl: string;
  /** Default https://api.twilio.com; tests point it at a stub. */
  readonly apiBase?: string;
  readonly fetch: Fetch;
  readonly segmentBudget?: number;
  /** Where the rest of a cut answer is, e.g. "Chi tiet: dichvucong.gov.vn". */
  readonly moreInfo: string;
  readonly timeoutMs?: number;
}

/** SMS through Twilio (CHANNELS.md §3): useful for pilots and foreign numbers; Vietnamese carriers cannot text it. */
export function createTwilioAdapter(config: TwilioConfig): ChannelAdapter {
  const send = {
    accountSid: config.accountSid,
    authToken: config.authToken,
    from: config.from,
    apiBase: config.apiBase ?? 'https://api.twilio.com',
    fetch: config.fetch,
    timeoutMs: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  };
  const renderOptions = { segmentBudget: config.segmentBudget ?? DEFAULT_SEGMENT_BUDGET, moreInfo: config.moreInfo };
  return {
    id: 'sms',
    capabilities: SMS_CAPABILITIES,
    verify: (raw) => verifyTwilioSignature(raw, config.authToken, config.publicBaseUrl),
    parse: (raw, now) => parseTwilio(raw, now),
    render: (reply) => [{ body: { Body: renderSms(reply, renderOptions) } }],
    paginate: (replies) => {
      const { now, later } = paginateSms(replies, renderOptions.segmentBudget);
      const payload = (text: string) => ({ body: { Body: text } });
      return { now: now.map(payload), later: later.map(payload) };
    },
    send: (target, payload) => sendTwilio(send, target, payload),
    inlineResponse: twimlResponse,
  };
}
