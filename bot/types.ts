/** Channel-neutral messages in and out of the bot (DESIGN.md: core types). */
export type ChannelId = 'webchat' | 'cli' | 'zalo' | 'telegram' | 'sms';

interface MessageBase {
  readonly channel: ChannelId;
  readonly messageId: string;
  /** Opaque and channel-scoped: a Zalo follower id, a Telegram chat id, a phone number... */
  readonly userId: string;
  readonly receivedAt: Date;
}

export type IncomingMessage =
  | (MessageBase & { readonly kind: 'text'; readonly text: string })
  /** A tapped button or a digit answering a numbered list; `value` is the option's value. */
  | (MessageBase & { readonly kind: 'choice'; readonly value: string })
  | (MessageBase & { readonly kind: 'location'; readonly latitude: number; readonly longitude: number })
  | (MessageBase & { readonly kind: 'image'; readonly url: string; readonly caption?: string })
  | (MessageBase & { readonly kind: 'follow' })
  /** The resident unfollowed the account: nothing is sent back, proactive messages stop. */
  | (MessageBase & { readonly kind: 'unfollow' });

export interface ChoiceOption {
  readonly value: string;
  readonly title: string;
  /** A shorter title for channels that list options as text lines within a small budget (SMS); optional. */
  readonly short?: string;
}

export type Reply =
  /** `short` is what a channel with a small budget (SMS) sends instead of `text`. */
  | { readonly kind: 'text'; readonly text: string; readonly short?: string }
  | { readonly kind: 'choices'; readonly text: string; readonly options: readonly ChoiceOption[] }
  | { readonly kind: 'link'; readonly text: string; readonly url: string }
  /** Asks for the resident's location: chat apps show a "share location" button where they can. */
  | { readonly kind: 'ask-location'; readonly text: string };
