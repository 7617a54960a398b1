import { foldKey } from '../../intents/fold.ts';
import { addressIn, addressWords } from './address.ts';
import type { ReportDraft } from './flow.ts';
import type { Gazetteer } from './gazetteer.ts';

/**
 * How a message's words about the place go into a draft:
 * - `mention`: the description, which may name a place ("đèn tắt hẻm 7 phường Vị Tân"); nothing is overwritten;
 * - `answer`: the reply to "where?", an address even when no word marks it as one ("trước nhà văn hóa");
 * - `correction`: typed at the confirmation, it replaces the place it names;
 * - `addition`: the reply to "which commune?", whose extra words ("ấp 3") join the address.
 */
export type PlaceMode = 'mention' | 'answer' | 'correction' | 'addition';

// Words around a place that are not part of it ("ở", "tại"...): a reply made of these and a commune is the commune alone.
const FILLER = new Set(['o', 'tai', 'thuoc', 'khu', 'vuc', 'dia', 'ban', 'nha', 'toi', 'minh', 'a', 'nhe', 'ben']);

export function namesPlace(text: string, gazetteer: Gazetteer): boolean {
  const located = gazetteer.locate(text);
  return located.words !== undefined || addressIn(text, located.words) !== undefined;
}

/**
 * Words a resident says about who lives at a place, and how they put it, that state no problem there: "con tôi ở
 * ấp 2 xã Vị Thủy", "nhà em thuộc phường 1", "tui sống tại khóm 3", "phòng trọ em thuê ở hẻm 5". Folded.
 */
const ABOUT_WHO_LIVES = new Set([
  ...FILLER, 'tui', 'em', 'con', 'chau', 'gia', 'dinh', 'ba', 'me', 'bo', 'vo', 'chong', 'anh', 'chi', 'ong', 'co', 'chu',
  'song', 'dang', 'hien', 'la', 'que', 'cu', 'tru', 'thuong', 'dan', 'nguoi', 'cua', 'thi', 'day', 'do', 'va', 'ne', 'ah',
  'ak', 'oi', 'ad', 'vay', 'huyen', 'tro', 'thue', 'phong',
]);

/**
 * The message names a place (a commune, or an address such as "ấp 2", "hẻm 5") and says nothing else: where the
 * resident or their family lives, told as context, not a problem to report. Read alone, the matcher files such a
 * message as a street report (reports come with places), so "con tôi ở ấp 2 xã Vị Thủy", said after asking about
 * the child's identity card, had opened a road-damage report whose description was that sentence.
 */
export function onlyNamesPlace(text: string, gazetteer: Gazetteer): boolean {
  const commune = gazetteer.locate(text).words;
  const address = addressWords(text);
  if (commune === undefined && address === undefined) return false;
  // The address span ends on its last word; spans here end after it.
  const spans = [commune, address && ([address[0], address[1] + 1] as const)].filter((span) => span !== undefined);
  return onlyWordsBesides(text, spans, ABOUT_WHO_LIVES);
}

/** Every folded word of `text` lies in one of `spans` (word positions, end excluded) or is one of `allowed`. */
function onlyWordsBesides(text: string, spans: ReadonlyArray<readonly [number, number]>, allowed: ReadonlySet<string>): boolean {
  return foldKey(text).split(' ').every((word, i) => word === '' || allowed.has(word) || spans.some(([start, end]) => i >= start && i < end));
}

function onlyFillerBesides(text: string, span: readonly [number, number]): boolean {
  return onlyWordsBesides(text, [span], FILLER);
}

export function withPlace(draft: ReportDraft, text: string, gazetteer: Gazetteer, mode: PlaceMode): ReportDraft {
  const located = gazetteer.locate(text);
  let address = addressIn(text, located.words);
  // A correction that names a commune among other words ("chợ Vị Thanh phường 1", where "chợ" opens no address
  // without a number or a capital after it) is the place as the resident puts it; it had changed nothing, unread.
  const named = mode === 'correction' && located.words !== undefined;
  if (address === undefined && (mode === 'answer' || named) && !(located.words && onlyFillerBesides(text, located.words))) address = text.trim();
  const { communeChoices: _previous, ...rest } = draft;
  const placed: ReportDraft = {
    ...rest,
    ...(address === undefined
      ? {}
      : mode === 'mention' && draft.address
        ? {}
        : mode === 'addition' && draft.address && !draft.address.includes(address)
          ? { address: `${draft.address}, ${address}` }
          : { address }),
  };
  if (located.commune) return { ...placed, commune: located.commune.id };
  if (located.choices.length > 0 && (mode !== 'mention' || draft.commune === undefined)) {
    const { commune: _unknown, ...open } = placed;
    return { ...open, communeChoices: located.choices.map((c) => c.id) };
  }
  return draft.communeChoices ? { ...placed, communeChoices: draft.communeChoices } : placed;
}
