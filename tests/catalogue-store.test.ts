import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CATALOGUE_BATCH, createCatalogueStore } from '../adapters/storage/catalogue-store.ts';
import { migrateToLatest } from '../adapters/storage/migrate.ts';
import { exportCatalogue, importCatalogue } from '../knowledge-base/catalogue/import-export.ts';
import { shippedCatalogue } from '../knowledge-base/catalogue/shipped.ts';
import { parseCatalogue } from '../knowledge-base/catalogue/transfer.ts';
import { BOM } from '../knowledge-base/catalogue/csv.ts';
import { temporaryDatabase } from './helpers.ts';

let database: ReturnType<typeof temporaryDatabase>;
before(async () => {
  database = temporaryDatabase();
  await migrateToLatest(database.db);
});
after(async () => database.cleanup());

const CSV = BOM + 'code,name,level,field,agency,url\r\n' +
  '1.004884,Thủ tục đăng ký lại khai sinh,Cấp xã,Hộ tịch,UBND cấp xã,https://dichvucong.gov.vn/thu-tuc-hanh-chinh/a\r\n' +
  '"2.001019","Chứng thực di chúc, văn bản ""thỏa thuận""",Cấp xã,Chứng thực,"UBND xã,\nphường",\r\n' +
  'abc,Mã sai,Cấp xã,,,\r\n' +
  '1.000001,,Cấp tỉnh,,,ftp://x\r\n' +
  '1.004884,Trùng mã,Cấp xã,,,\r\n';

test('the shipped catalogue holds the national index: 2,642 procedures with codes, names and record links', () => {
  const procedures = shippedCatalogue();
  assert.equal(procedures.length, 2642);
  assert.equal(new Set(procedures.map((p) => p.code)).size, 2642);
  for (const p of procedures) {
    assert.match(p.code, /^\d\.\d{6}$/);
    assert.ok(p.name.length > 0 && !/\s{2}|\n/.test(p.name));
    assert.match(p.url, /^https:\/\/dichvucong\.gov\.vn\/thu-tuc-hanh-chinh\/[0-9a-f-]+$/);
  }
});

test('CSV import (with BOM, quotes, line breaks) writes the valid lines and reports every bad one by line', async () => {
  const store = createCatalogueStore(database.db);
  const report = await importCatalogue(store, CSV, 'csv');
  assert.equal(report.written, 2);
  assert.deepEqual(report.problems.map((p) => p.line), [5, 6, 7]);
  assert.match(report.problems[0]!.problems.join(), /code "abc"/);
  assert.match(report.problems[1]!.problems.join(), /name is required/);
  assert.match(report.problems[1]!.problems.join(), /http\(s\)/);
  assert.match(report.problems[2]!.problems.join(), /already given on line 2/);
  const will = await store.get('2.001019');
  assert.equal(will?.name, 'Chứng thực di chúc, văn bản "thỏa thuận"');
  assert.equal(will?.agency, 'UBND xã, phường');
});

test('JSON import (array, register field names, JSON lines) and a round trip through CSV and JSON export', async () => {
  const store = createCatalogueStore(database.db);
  const array = JSON.stringify([{ ma_thu_tuc: '2.002039', ten_thu_tuc: 'Nhập quốc tịch Việt Nam ở trong nước', cap_thuc_hien: 'Cấp tỉnh', linh_vuc: 'Quốc tịch', co_quan_thuc_hien: 'Sở Tư pháp', detail_url: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/b' }, { code: 7 }]);
  const fromArray = await importCatalogue(store, array, 'json');
  assert.equal(fromArray.written, 1);
  assert.deepEqual(fromArray.problems.map((p) => p.line), [2]);
  const lines = '{"code":"3.000353","name":"Cấp giấy phép lái xe quốc tế","level":"Cấp bộ"}\nnot json\n';
  const fromLines = await importCatalogue(store, lines, 'json');
  assert.equal(fromLines.written, 1);
  assert.deepEqual(fromLines.problems, [{ line: 2, problems: ['not a JSON object'] }]);

  const csv = await exportCatalogue(store, 'csv');
  assert.ok(csv.startsWith(BOM + 'code,name,level,field,agency,url\r\n'));
  const json = await exportCatalogue(store, 'json');
  const before = await store.list();
  assert.equal(before.length, 4);
  for (const [text, format] of [[csv, 'csv'], [json, 'json']] as const) {
    const parsed = parseCatalogue(text, format);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.procedures, before);
  }
  // Importing the export again changes nothing.
  await importCatalogue(store, csv, 'csv');
  assert.deepEqual(await store.list(), before);
});

test('thousands of procedures load in batches within the D1 parameter limit; seeding only fills an empty table', async () => {
  assert.ok(CATALOGUE_BATCH * 7 <= 100);
  const other = temporaryDatabase();
  try {
    await migrateToLatest(other.db);
    const store = createCatalogueStore(other.db);
    assert.equal(await store.seedIfEmpty(shippedCatalogue()), 2642);
    assert.equal(await store.count(), 2642);
    assert.equal(await store.seedIfEmpty(shippedCatalogue()), 0);
    assert.equal(await store.remove(['1.000178', '9.999999']), 1);
    assert.equal(await store.count(), 2641);
  } finally {
    await other.cleanup();
  }
});
