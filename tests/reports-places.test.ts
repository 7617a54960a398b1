import assert from 'node:assert/strict';
import { test } from 'node:test';
import { foldKey } from '../intents/fold.ts';
import { readGazetteer } from '../bot/reports/gazetteer-file.ts';

const gazetteer = readGazetteer();
const ids = (text: string): string[] => gazetteer.mentionedIn(text).map((c) => c.id);

test('every commune, typed with its unit word and without marks, resolves to itself and to no other', () => {
  const wrong: string[] = [];
  for (const commune of gazetteer.communes) {
    const plain = foldKey(commune.name);
    for (const text of [plain, commune.name, `den duong hem 3 ${plain} tat`, `rác ở ấp 2, ${commune.name}, mấy ngày chưa dọn`]) {
      const found = ids(text);
      if (found.length !== 1 || found[0] !== commune.id) wrong.push(`"${text}" → ${JSON.stringify(found)}`);
      const located = gazetteer.locate(text);
      if (located.commune?.id !== commune.id) wrong.push(`locate("${text}") → ${located.commune?.id ?? JSON.stringify(located.choices.map((c) => c.id))}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('a name inside a longer one is not a mention: phường Bình Thủy is not xã Phương Bình', () => {
  assert.deepEqual(ids('đèn đường tắt ở phường Bình Thủy'), ['phuong-binh-thuy']);
  assert.deepEqual(ids('phuong binh thuy'), ['phuong-binh-thuy']);
  assert.deepEqual(ids('cống nghẹt ở xã Phương Bình'), ['xa-phuong-binh']);
  assert.deepEqual(ids('ấp 2 phường Long Phú 1'), ['phuong-long-phu-1']);
});

test('a unit word that fits another name better offers both; a slip with only one fit is forgiven', () => {
  const located = gazetteer.locate('ấp Thạnh Lợi, xã Vị Thanh');
  assert.equal(located.commune, undefined);
  assert.deepEqual(located.choices.map((c) => c.id).sort(), ['phuong-vi-thanh', 'xa-vi-thanh-1']);
  assert.equal(gazetteer.locate('ấp Thạnh Lợi xã Vị Thanh 1').commune?.id, 'xa-vi-thanh-1');
  assert.equal(gazetteer.locate('hẻm 4 xã Bình Thủy').commune?.id, 'phuong-binh-thuy', 'xã for a phường, with no xã of that name');
  assert.equal(gazetteer.locate('gây mất an ninh trật tự').commune, undefined);
});
