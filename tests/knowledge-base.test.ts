import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { foldKey, toAscii } from '../intents/fold.ts';
import { placeholderValues, renderTemplate, unknownPlaceholders } from '../knowledge-base/render.ts';
import { readSeed } from '../knowledge-base/seed-files.ts';
import { kbLabel } from '../knowledge-base/types.ts';
import { SHORT_ANSWER_LIMIT } from '../knowledge-base/validate.ts';
import { TEST_SITE } from './helpers.ts';

const seed = readSeed();
const sites = [TEST_SITE, { provinceName: 'thành phố Cần Thơ', assistantName: 'Trợ lý', nationalPortalUrl: 'https://dichvucong.gov.vn' }];

test('the seed covers every label of the label contract, and nothing else', () => {
  // knowledge-base/labels.json keeps the catalogue's stable labels in the repository (npm run check:shared compares them).
  const contract = JSON.parse(readFileSync(new URL('../knowledge-base/labels.json', import.meta.url), 'utf8')) as Record<'kb' | 'report' | 'intent', string[]>;
  const expected = [
    ...contract.kb.map((id) => kbLabel(id)),
    ...contract.report.map((id) => `report:${id}`),
    ...contract.intent.map((id) => `intent:${id}`),
  ].sort();
  const shipped = [...seed.entries.map((e) => kbLabel(e.id)), ...seed.definitions.map((d) => d.label)].sort();
  assert.deepEqual(shipped, expected);
});

test('every answer renders with no unknown placeholder, in Vietnamese with tone marks, two-tier government only', () => {
  const values = placeholderValues(TEST_SITE);
  for (const entry of seed.entries) {
    assert.deepEqual(unknownPlaceholders(entry.answer + entry.shortAnswer, values), [], entry.id);
    const answer = renderTemplate(entry.answer, values);
    assert.match(answer, /[ăâđêôơưáàảãạéèẻẽẹíìỉĩịóòỏõọúùủũụýỳỷỹỵ]/i, `${entry.id} has tone marks`);
    assert.doesNotMatch(answer, /UBND (cấp )?huyện|Ủy ban nhân dân (cấp )?huyện/i, `${entry.id} names a district`);
  }
});

test(`every short answer fits ${SHORT_ANSWER_LIMIT} ASCII characters for SMS, with or without a configured hotline`, () => {
  for (const site of sites) {
    const values = placeholderValues(site);
    for (const entry of seed.entries) {
      const sms = toAscii(renderTemplate(entry.shortAnswer, values));
      assert.ok(sms.length <= SHORT_ANSWER_LIMIT, `${entry.id}: ${sms.length} characters`);
    }
  }
});

test('every entry keeps its source and a review date that is not in the future', () => {
  const today = new Date().toISOString().slice(0, 10);
  for (const entry of seed.entries) {
    assert.ok(entry.source.procedureCodes.length + entry.source.legalBasis.length > 0, entry.id);
    for (const code of entry.source.procedureCodes) assert.match(code, /^\d\.\d{6}$/, `${entry.id} code ${code}`);
    assert.ok(entry.reviewedAt <= today, `${entry.id} reviewed ${entry.reviewedAt}`);
  }
});

test('each label has at least 10 distinct example phrasings', () => {
  for (const item of [...seed.entries.map((e) => ({ name: e.id, examples: e.examples })), ...seed.definitions.map((d) => ({ name: d.label, examples: d.examples }))]) {
    const distinct = new Set(item.examples.map(foldKey));
    assert.ok(distinct.size >= 10, `${item.name}: ${distinct.size}`);
  }
});
