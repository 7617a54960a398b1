import type { ChannelCapabilities } from '../../../bot/ports/channel.ts';

/** What every SMS provider can show: folded text in two GSM-7 segments, nothing else. */
export const SMS_CAPABILITIES: ChannelCapabilities = { maxTextLength: 2 * 153, buttons: false, location: false, images: false };
