/**
 * Is a folded token (lower case, marks stripped, đ → d) a possible Vietnamese syllable? Vietnamese syllables
 * are an onset from a short list followed by a rhyme from a closed set, so the grammar fits in two tables.
 * Spelling repair and Telex/VNI decoding ask this before touching a token: a real syllable is a word the
 * resident meant ("hun khói", "đê"), not a slip to be "corrected" into the nearest word the knowledge base knows.
 */

const ONSETS: readonly string[] = [
  'ngh', 'ch', 'gh', 'gi', 'kh', 'ng', 'nh', 'ph', 'qu', 'th', 'tr',
  'b', 'c', 'd', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'x', '',
];

// Every rhyme of standard spelling, folded (ă/â → a, ê → e, ô/ơ → o, ư → u): "uou" is ươu, "uoi" ươi or uôi.
const RHYMES = new Set(
  `a ac ach ai am an ang anh ao ap at au ay
   e ec ech em en eng enh eo ep et eu
   i ia ich iec iem ien ieng iep iet ieu im in inh ip it iu
   o oa oac oach oai oam oan oang oanh oao oap oat oay oc oe oen oeo oet oi om on ong ooc oong op ot
   u ua uan uang uanh uat uay uc ue uech uen uenh uet ui um un ung uo uoc uoi uom uon uong uop uot uou up ut uu
   uy uya uych uyen uyet uynh uyp uyt uyu
   y yem yen yet yeu`.split(/\s+/),
);

// Spelling rules that make a grammatical-looking string impossible: k/gh/ngh only before i, e, y; c/g/ng never
// before them (except gi); "oo" rhymes only in the handful of loanwords that have them (xoong, boong, moóc).
const FRONT = /^[eiy]/;
const OO_ONSETS = new Set(['x', 'b', 'm', 's', 'c', 'g', 'l']);

function fits(onset: string, rhyme: string): boolean {
  if (!RHYMES.has(rhyme)) return false;
  if ((onset === 'k' || onset === 'gh' || onset === 'ngh') && !FRONT.test(rhyme)) return false;
  if ((onset === 'c' || onset === 'ng') && FRONT.test(rhyme)) return false;
  if (onset === 'qu' && rhyme.startsWith('u')) return false;
  if (rhyme.startsWith('oo') && !OO_ONSETS.has(onset)) return false;
  // "y" opens a rhyme only on its own or after qu (yên, quyết); after other onsets it is written "i" + rhyme.
  if (rhyme.startsWith('y') && rhyme.length > 1) return onset === '' || onset === 'qu';
  return true;
}

const cache = new Map<string, boolean>();

export function isSyllable(folded: string): boolean {
  const known = cache.get(folded);
  if (known !== undefined) return known;
  let valid = false;
  if (/^[a-z]{1,7}$/.test(folded)) {
    for (const onset of ONSETS) {
      if (!folded.startsWith(onset)) continue;
      const rhyme = folded.slice(onset.length);
      // "gi" alone (gì) and gi + rhyme without its i (gia, giữ) are both written with the onset gi.
      if (fits(onset, rhyme) || (onset === 'gi' && (rhyme === '' || RHYMES.has('i' + rhyme)))) {
        valid = true;
        break;
      }
    }
  }
  if (cache.size < 20000) cache.set(folded, valid);
  return valid;
}
