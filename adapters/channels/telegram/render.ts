import type { ChoiceOption, Reply } from '../../../bot/types.ts';
import { CHOICE_PAYLOAD_PREFIX, type OutboundPayload } from '../../../bot/ports/channel.ts';
import { splitText } from '../split-text.ts';

/** sendMessage takes 1-4096 characters of text. */
export const MAX_TEXT_LENGTH = 4096;
/** callback_data is 1-64 bytes, counted in UTF-8: a Vietnamese value with tone marks reaches it quickly. */
export const MAX_CALLBACK_DATA_BYTES = 64;
/** Telegram states no limit for button labels; clients cut long ones anyway, and the full titles are in the text. */
const MAX_BUTTON_TEXT = 64;
export const LOCATION_BUTTON_TEXT = 'Gửi vị trí hiện tại';
const LINK_BUTTON_TEXT = 'Mở liên kết';

const encoder = new TextEncoder();
const utf8Length = (text: string): number => encoder.encode(text).length;

/**
 * One reply as sendMessage bodies, without `chat_id` (send adds it). Plain text, no parse_mode, so nothing needs
 * escaping. A long text becomes several messages; a keyboard rides on the last one, next to the words it answers.
 */
export function renderTelegram(reply: Reply): OutboundPayload[] {
  switch (reply.kind) {
    case 'text':
      return messages(reply.text);
    case 'choices':
      return messages(
        withOptionList(reply.text, reply.options),
        reply.options.length === 0 ? undefined : { inline_keyboard: reply.options.map((option, i) => [choiceButton(option, i + 1)]) },
      );
    case 'link':
      return messages(
        reply.text.includes(reply.url) ? reply.text : `${reply.text.trim()}\n${reply.url}`,
        /^https?:\/\//i.test(reply.url) ? { inline_keyboard: [[{ text: LINK_BUTTON_TEXT, url: reply.url }]] } : undefined,
      );
    case 'ask-location':
      return messages(reply.text, {
        keyboard: [[{ text: LOCATION_BUTTON_TEXT, request_location: true }]],
        one_time_keyboard: true,
        resize_keyboard: true,
      });
  }
}

/** Telegram refuses an empty text, so a blank reply renders to no message at all. */
function messages(text: string, replyMarkup?: Record<string, unknown>): OutboundPayload[] {
  const pieces = splitText(text.trim(), MAX_TEXT_LENGTH);
  return pieces.map((piece, i) => ({
    body: replyMarkup !== undefined && i === pieces.length - 1 ? { text: piece, reply_markup: replyMarkup } : { text: piece },
  }));
}

/** The options are also written out, so the reply reads well where the keyboard is hidden or cut. */
function withOptionList(text: string, options: readonly ChoiceOption[]): string {
  const list = options.map((option, i) => `${i + 1}. ${option.title}`).join('\n');
  return [text.trim(), list].filter((part) => part !== '').join('\n\n');
}

/** A value too long for callback_data is sent back as the option's number, which the bot reads as a numbered pick. */
function choiceButton(option: ChoiceOption, number: number): { text: string; callback_data: string } {
  const payload = CHOICE_PAYLOAD_PREFIX + option.value;
  const fits = option.value !== '' && utf8Length(payload) <= MAX_CALLBACK_DATA_BYTES;
  return { text: fitButtonText(`${number}. ${option.title}`), callback_data: fits ? payload : String(number) };
}

function fitButtonText(text: string): string {
  const characters = Array.from(text);
  if (characters.length <= MAX_BUTTON_TEXT) return text;
  const head = characters.slice(0, MAX_BUTTON_TEXT - 1).join('');
  const space = head.lastIndexOf(' ');
  return `${(space > MAX_BUTTON_TEXT / 2 ? head.slice(0, space) : head).trimEnd()}…`;
}
