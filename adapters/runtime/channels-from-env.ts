import type { SiteConfig } from '../../bot/site-config.ts';
import { createTokenKeeper, type TokenKeeper, type TokenStore } from '../../bot/channel-tokens.ts';
import { createGatewayAdapter } from '../channels/sms/gateway/adapter.ts';
import { createTwilioAdapter } from '../channels/sms/twilio/adapter.ts';
import { createTelegramAdapter } from '../channels/telegram/adapter.ts';
import type { ChannelAdapter, Fetch } from '../../bot/ports/channel.ts';
import { createZaloAdapter } from '../channels/zalo/adapter.ts';
import { refreshZaloToken } from '../channels/zalo/oauth.ts';
import type { Logger } from '../../bot/ports/logger.ts';
import { deliveryFromEnv } from './delivery-from-env.ts';

type Env = Readonly<Record<string, string | undefined>>;

export interface ConfiguredChannels {
  /** Provider (zalo, telegram, twilio, gateway) → adapter, for the channels whose settings are present. */
  readonly adapters: Map<string, ChannelAdapter>;
  readonly replyWindowsMs: Map<string, number>;
  readonly refreshAuth: Map<string, () => Promise<boolean>>;
  /** Settings that were partly given: the channel stays off and the operator is told why. */
  readonly problems: string[];
  /** Stores the configured initial Zalo token pair unless the database already has a newer one. */
  readonly seedTokens: () => Promise<void>;
}

/**
 * How long after a resident's last message the OA writes to them (ZALO_REPLY_WINDOW_HOURS): 48 by default, the free
 * replies; up to 168, since Zalo takes consultation messages for 7 days (paid after 48 hours) and refuses them after
 * (-230). Past it, updates wait for the resident's next message (bot/outbox-worker.ts).
 */
const ZALO_DEFAULT_WINDOW_HOURS = 48;
const ZALO_MAX_WINDOW_HOURS = 168;

function zaloWindowHours(env: Env, problems: string[]): number {
  const raw = value(env, 'ZALO_REPLY_WINDOW_HOURS');
  if (raw === undefined) return ZALO_DEFAULT_WINDOW_HOURS;
  const hours = Number(raw);
  if (Number.isFinite(hours) && hours >= 1 && hours <= ZALO_MAX_WINDOW_HOURS) return hours;
  problems.push(`ZALO_REPLY_WINDOW_HOURS must be a number of hours from 1 to ${ZALO_MAX_WINDOW_HOURS} (Zalo refuses consultation messages 7 days after the resident's last interaction); using ${ZALO_DEFAULT_WINDOW_HOURS}`);
  return ZALO_DEFAULT_WINDOW_HOURS;
}

function value(env: Env, name: string): string | undefined {
  const v = env[name]?.trim();
  return v ? v : undefined;
}

/** Turns a group of settings into a channel only when all required ones are present. */
function required(env: Env, names: readonly string[], channel: string, problems: string[]): Record<string, string> | undefined {
  const present = names.filter((n) => value(env, n) !== undefined);
  if (present.length === 0) return undefined;
  if (present.length < names.length) {
    problems.push(`${channel} is off: missing ${names.filter((n) => !present.includes(n)).join(', ')}`);
    return undefined;
  }
  return Object.fromEntries(names.map((n) => [n, value(env, n) as string]));
}

/** A pointer at the end of an SMS cut to its budget: where the full answer is. */
function smsMoreInfo(site: SiteConfig): string {
  return site.hotline ? `Chi tiet: goi ${site.hotline}` : `Chi tiet: ${site.nationalPortalUrl.replace(/^https?:\/\//, '')}`;
}

export function channelsFromEnv(env: Env, deps: { fetch: Fetch; tokens: TokenStore; logger: Logger; site: SiteConfig }): ConfiguredChannels {
  const adapters = new Map<string, ChannelAdapter>();
  const replyWindowsMs = new Map<string, number>();
  const refreshAuth = new Map<string, () => Promise<boolean>>();
  const problems: string[] = [];
  let seedTokens = async (): Promise<void> => {};
  const segmentBudget = Number(value(env, 'SMS_SEGMENT_BUDGET') ?? 2);
  // One request timeout for every channel's send API (SEND_TIMEOUT_MS); past it the outcome is unknown.
  const timeoutMs = deliveryFromEnv(env).sendTimeoutMs;

  const telegram = required(env, ['TELEGRAM_BOT_TOKEN', 'TELEGRAM_WEBHOOK_SECRET'], 'Telegram', problems);
  if (telegram) {
    adapters.set('telegram', createTelegramAdapter({
      botToken: telegram.TELEGRAM_BOT_TOKEN as string,
      webhookSecret: telegram.TELEGRAM_WEBHOOK_SECRET as string,
      apiBase: value(env, 'TELEGRAM_API_BASE') ?? 'https://api.telegram.org',
      fetch: deps.fetch,
      timeoutMs,
    }));
  }

  const zalo = required(env, ['ZALO_APP_ID', 'ZALO_APP_SECRET', 'ZALO_OA_SECRET_KEY', 'ZALO_ACCESS_TOKEN', 'ZALO_REFRESH_TOKEN'], 'Zalo', problems);
  if (zalo) {
    const keeper: TokenKeeper = createTokenKeeper({
      store: deps.tokens,
      channel: 'zalo',
      logger: deps.logger,
      refresh: (refreshToken) => refreshZaloToken({
        oauthBase: value(env, 'ZALO_OAUTH_BASE') ?? 'https://oauth.zaloapp.com',
        appId: zalo.ZALO_APP_ID as string,
        appSecret: zalo.ZALO_APP_SECRET as string,
        refreshToken,
        fetch: deps.fetch,
      }),
    });
    adapters.set('zalo', createZaloAdapter({
      appId: zalo.ZALO_APP_ID as string,
      oaSecretKey: zalo.ZALO_OA_SECRET_KEY as string,
      apiBase: value(env, 'ZALO_API_BASE') ?? 'https://openapi.zalo.me',
      accessToken: () => keeper.accessToken(),
      fetch: deps.fetch,
      timeoutMs,
    }));
    replyWindowsMs.set('zalo', zaloWindowHours(env, problems) * 3_600_000);
    refreshAuth.set('zalo', () => keeper.forceRefresh());
    // The initial pair's lifetime is unknown; treating it as due makes the first send refresh it early.
    seedTokens = () => deps.tokens.seed('zalo', { accessToken: zalo.ZALO_ACCESS_TOKEN as string, refreshToken: zalo.ZALO_REFRESH_TOKEN as string, expiresAt: new Date(Date.now() + 3600 * 1000) });
  }

  const twilio = required(env, ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_FROM', 'PUBLIC_BASE_URL'], 'Twilio SMS', problems);
  if (twilio) {
    adapters.set('twilio', createTwilioAdapter({
      accountSid: twilio.TWILIO_ACCOUNT_SID as string,
      authToken: twilio.TWILIO_AUTH_TOKEN as string,
      from: twilio.TWILIO_FROM as string,
      publicBaseUrl: twilio.PUBLIC_BASE_URL as string,
      apiBase: value(env, 'TWILIO_API_BASE') ?? 'https://api.twilio.com',
      fetch: deps.fetch,
      timeoutMs,
      segmentBudget,
      moreInfo: smsMoreInfo(deps.site),
    }));
  }

  const gateway = required(env, ['SMS_GATEWAY_URL', 'SMS_GATEWAY_USER', 'SMS_GATEWAY_PASSWORD', 'SMS_GATEWAY_SIGNING_KEY'], 'SMS gateway', problems);
  if (gateway) {
    adapters.set('gateway', createGatewayAdapter({
      url: gateway.SMS_GATEWAY_URL as string,
      user: gateway.SMS_GATEWAY_USER as string,
      password: gateway.SMS_GATEWAY_PASSWORD as string,
      signingKey: gateway.SMS_GATEWAY_SIGNING_KEY as string,
      fetch: deps.fetch,
      timeoutMs,
      segmentBudget,
      moreInfo: smsMoreInfo(deps.site),
    }));
  }

  return { adapters, replyWindowsMs, refreshAuth, problems, seedTokens: () => seedTokens() };
}
