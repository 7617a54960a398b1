import { foldKey } from '../../intents/fold.ts';

/**
 * Many official procedures come as a family: the first issue of a paper and what follows it (re-issue, exchange,
 * extension, withdrawal, deletion, cancellation, recall). Their names share nearly every word, so a question that
 * names none of the follow-up actions ("mở quán karaoke phải xin giấy chứng nhận an ninh trật tự ở đâu") scores them
 * about equally and the order among them was an accident of the name's other words: the exchange was offered before
 * the first issue. A resident who wants a follow-up says so ("làm lại", "đổi", "gia hạn", "xóa"...); one who does
 * not asks how to get the thing. So among the procedures offered, those that begin with a follow-up action the
 * message does not name go after the others, each group in its score order.
 *
 * Each action: the canonical syllables a name begins with, and the syllables that name it in a message (any one).
 */
const FOLLOW_UPS: ReadonlyArray<{ readonly starts: readonly string[]; readonly named: readonly string[] }> = [
  { starts: ['cap lai'], named: ['lai', 'mat', 'hong', 'rach'] },
  { starts: ['cap doi', 'doi'], named: ['doi', 'hong', 'het han'] },
  { starts: ['gia han'], named: ['gia han', 'het han'] },
  { starts: ['rut', 'thu tuc rut'], named: ['rut'] },
  { starts: ['xoa'], named: ['xoa', 'bo'] },
  { starts: ['huy', 'thu tuc huy'], named: ['huy'] },
  { starts: ['thu hoi'], named: ['thu hoi', 'nop lai', 'tra lai'] },
  { starts: ['dieu chinh'], named: ['dieu chinh', 'sua', 'thay doi', 'cap nhat'] },
];

type FollowUp = (typeof FOLLOW_UPS)[number];

/**
 * The follow-up action a procedure's name begins with, read once per name: offers run on the whole answer path, and
 * folding every offered name again for every message added a fifth to its median time. Names are official text,
 * so folding its first words is enough. Bounded: a catalogue has a few thousand names.
 */
const actions = new Map<string, FollowUp | null>();
const ACTION_CACHE_LIMIT = 20_000;
function followUpOf(name: string): FollowUp | null {
  let action = actions.get(name);
  if (action === undefined) {
    const start = foldKey(name.slice(0, 24));
    action = FOLLOW_UPS.find((f) => f.starts.some((words) => start === words || start.startsWith(`${words} `))) ?? null;
    if (actions.size >= ACTION_CACHE_LIMIT) actions.clear();
    actions.set(name, action);
  }
  return action;
}

/** `message`: the message's canonical syllables joined by spaces. `nameOf`: a procedure's official name. Codes in score order. */
export function firstIssueFirst(codes: readonly string[], nameOf: (code: string) => string | undefined, message: string): string[] {
  if (codes.length < 2) return [...codes];
  const said = ` ${message} `;
  const unnamedFollowUp = (code: string): boolean => {
    const name = nameOf(code);
    const action = name === undefined ? null : followUpOf(name);
    return action !== null && !action.named.some((word) => said.includes(` ${word} `));
  };
  const later = codes.filter(unnamedFollowUp);
  if (later.length === 0 || later.length === codes.length) return [...codes];
  return [...codes.filter((code) => !later.includes(code)), ...later];
}
