import type { ChoiceOption, Reply } from '../../../bot/types.ts';
import { CHOICE_PAYLOAD_PREFIX, type OutboundPayload } from '../../../bot/ports/channel.ts';
import { splitText } from '../split-text.ts';

/** Community-reported limit for one OA text (CHANNELS.md §1.7); not officially documented. */
export const ZALO_MAX_TEXT_LENGTH = 2000;
/** Button count and title length limits are undocumented; five buttons of 100 characters stay well inside what OAs are seen sending. */
export const ZALO_MAX_BUTTONS = 5;
const MAX_BUTTON_TITLE = 100;

/** Zalo has no location-request button, so the resident is told where the app's own one is. */
export const LOCATION_HINT =
  'Bạn gửi vị trí bằng nút "Vị trí" của Zalo (bấm dấu … hoặc + cạnh ô nhắn tin, chọn "Vị trí"), ' +
  'hoặc gõ địa chỉ: số nhà, đường, ấp/khu vực, xã/phường.';

interface Button {
  readonly title: string;
  readonly type: 'oa.query.hide' | 'oa.open.url';
  readonly payload: string | { readonly url: string };
}

/**
 * A reply as bodies for POST /v3.0/oa/message/cs (without `recipient`, which send() adds). Options become
 * `oa.query.hide` buttons whose payload comes back as a choice; the text numbers every option, so a list
 * longer than the button limit still works by replying with the number.
 */
export function renderZaloReply(reply: Reply): OutboundPayload[] {
  switch (reply.kind) {
    case 'text':
      return textMessages(reply.text);
    case 'choices': {
      const lines = reply.options.map((option, i) => `${i + 1}. ${option.title}`);
      return textMessages([reply.text, ...lines].join('\n'), reply.options.slice(0, ZALO_MAX_BUTTONS).map(queryButton));
    }
    case 'link': {
      const text = reply.text.includes(reply.url) ? reply.text : `${reply.text}\n${reply.url}`;
      return textMessages(text, [{ title: 'Mở trang web', type: 'oa.open.url', payload: { url: reply.url } }]);
    }
    case 'ask-location':
      return textMessages(`${reply.text}\n\n${LOCATION_HINT}`);
  }
}

function queryButton(option: ChoiceOption, index: number): Button {
  return { title: cut(`${index + 1}. ${option.title}`, MAX_BUTTON_TITLE), type: 'oa.query.hide', payload: CHOICE_PAYLOAD_PREFIX + option.value };
}

/** One message per piece of text; buttons ride on the last piece, right under the options they stand for. */
function textMessages(text: string, buttons: readonly Button[] = []): OutboundPayload[] {
  const pieces = splitText(text, ZALO_MAX_TEXT_LENGTH);
  return pieces.map((piece, i) => {
    const last = i === pieces.length - 1;
    const attachment = last && buttons.length > 0 ? { attachment: { type: 'template', payload: { buttons } } } : {};
    return { body: { message: { text: piece, ...attachment } } };
  });
}

function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${text.slice(0, end).trimEnd()}…`;
}
