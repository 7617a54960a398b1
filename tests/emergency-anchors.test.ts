import assert from 'node:assert/strict';
import test from 'node:test';
import fc from 'fast-check';
import { DANGERS } from '../intents/emergency.ts';
import { numberSyllable } from '../intents/syllable-numbers.ts';
import { taggedAnchors, wordAnchors } from '../intents/word-anchors.ts';

/**
 * The emergency rules run only on messages holding one of their anchors (emergency.ts): a rule whose anchors missed
 * a text it matches would let a real emergency through unseen. Texts each rule matches are generated from the rule
 * itself (fast-check's stringMatching), its look-arounds left out (they only narrow what it matches), and every one
 * must hold one of the rule's own anchors.
 */

/** The pattern without its look-behinds and look-aheads: a superset of what it matches. */
function withoutLookarounds(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    if (source.startsWith('(?<!', i) || source.startsWith('(?!', i) || source.startsWith('(?<=', i) || source.startsWith('(?=', i)) {
      let depth = 0;
      for (; i < source.length; i++) {
        if (source[i] === '\\') i++;
        else if (source[i] === '(') depth++;
        else if (source[i] === ')' && --depth === 0) break;
      }
      continue;
    }
    out += source[i];
  }
  return out;
}

/** Syllables as the rules read them: the text cut at spaces. */
const syllablesOf = (text: string): string[] => text.split(' ').filter((s) => s !== '');

for (const { kind, pattern, needs } of DANGERS) {
  test(`every text the ${kind} rule /${pattern.source.slice(0, 40)}.../ matches holds one of its anchors`, () => {
    const anchors = wordAnchors(needs);
    const generator = fc.stringMatching(new RegExp(withoutLookarounds(pattern.source)));
    fc.assert(
      fc.property(generator, (text) => {
        // Generated against the pattern without look-arounds; the anchors must hold wherever the real rule matches.
        if (!pattern.test(' ' + text + ' ') && !pattern.test(text)) return true;
        return anchors.foundIn(syllablesOf(text));
      }),
      { numRuns: 300, seed: 20261203 },
    );
  });
}

test('word anchors: whole syllables, open ones as prefixes, pairs only when adjacent', () => {
  const anchors = wordAnchors(['chay', 'giat*', 'ngat xiu*', 'lan sang']);
  assert.equal(anchors.foundIn(['nha', 'chay']), true);
  assert.equal(anchors.foundIn(['chayy']), false, 'a closed anchor is the whole syllable');
  assert.equal(anchors.foundIn(['cha']), false);
  assert.equal(anchors.foundIn(['giatt', 'dien']), true, 'an open anchor begins the token');
  assert.equal(anchors.foundIn(['ngat', 'xiuu']), true);
  assert.equal(anchors.foundIn(['ngat', 'roi', 'xiu']), false, 'a pair is two adjacent syllables');
  assert.equal(anchors.foundIn(['xiu']), false);
  assert.equal(anchors.foundIn(['lan', 'sangg']), false);
  assert.equal(anchors.foundIn(['lan']), false);
  assert.equal(anchors.foundIn([]), false);
});

test('tagged anchors: which sets a message holds anchors of, the same read by number as by letters', () => {
  const anchors = taggedAnchors([['chay nha*', 'lan sang'], ['xe'], ['giat*', 'ngat xiu']]);
  const cases: Array<[string[], number]> = [
    [['xe', 'chay', 'cham'], 0b010],
    [['xe', 'chay', 'nhanh'], 0b011],
    [['chay', 'nhaa', 'roi'], 0b001],
    [['bi', 'giatt', 'dien', 'xe'], 0b110],
    [['ngat', 'xiu', 'lan', 'sang'], 0b101],
    [['ngat', 'xiuu'], 0],
    [['xeo'], 0],
    [[], 0],
  ];
  for (const [tokens, tags] of cases) {
    assert.equal(anchors.tagsIn(tokens), tags, tokens.join(' '));
    // Twice by number: the first reading fills the table, the second reads it.
    const numbers = tokens.map((token) => numberSyllable(token));
    assert.equal(anchors.tagsIn(tokens, numbers), tags, `${tokens.join(' ')} by number`);
    assert.equal(anchors.tagsIn(tokens, numbers), tags, `${tokens.join(' ')} by number, again`);
    assert.equal(anchors.foundIn(tokens), tags !== 0);
  }
  assert.throws(() => taggedAnchors(Array.from({ length: 31 }, () => ['a'])), /at most 30/);
});
