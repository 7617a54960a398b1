/**
 * Converts the national procedure index (one JSON record a line, as collected from dichvucong.gov.vn) into the
 * catalogue file the product ships: run by hand when the register is collected again, then review the diff.
 *
 *   npx tsx knowledge-base/catalogue/convert-index.ts ../shared/kb/sources/procedures-index.jsonl
 *
 * Only the register's facts carry over (code, name, level, field, agency, record link). The file keeps one
 * procedure a line so a new collection shows as a readable diff; the record links share one base and keep
 * only the record id.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validateProcedure } from './validate.ts';
import { SHIPPED_FORMAT, type ShippedCatalogue } from './shipped-format.ts';

const RECORD_BASE = 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/';
// The register writes this where it has no agency: the catalogue leaves the field empty rather than repeat it.
const NO_INFORMATION = 'Không có thông tin';

interface IndexRecord {
  readonly ma_thu_tuc?: string;
  readonly ten_thu_tuc?: string;
  readonly cap_thuc_hien?: string;
  readonly linh_vuc?: string;
  readonly co_quan_thuc_hien?: string;
  readonly co_quan_co_tham_quyen?: string;
  readonly detail_url?: string;
}

const known = (value: string | undefined): string => (value === undefined || value.trim() === NO_INFORMATION ? '' : value.trim());

function convert(lines: readonly string[]): ShippedCatalogue {
  const rows: ShippedCatalogue['procedures'][number][] = [];
  const seen = new Set<string>();
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const record = JSON.parse(line) as IndexRecord;
    const url = record.detail_url ?? '';
    // The performing agency when the register names one, else the competent authority.
    const agency = known(record.co_quan_thuc_hien) || known(record.co_quan_co_tham_quyen);
    const checked = validateProcedure({ code: record.ma_thu_tuc, name: record.ten_thu_tuc, level: record.cap_thuc_hien, field: record.linh_vuc, agency, url });
    if ('problems' in checked) throw new Error(`line ${i + 1}: ${checked.problems.join('; ')}`);
    const p = checked.procedure;
    if (!p.url.startsWith(RECORD_BASE)) throw new Error(`line ${i + 1}: record link outside ${RECORD_BASE}`);
    if (seen.has(p.code)) throw new Error(`line ${i + 1}: code ${p.code} repeated`);
    seen.add(p.code);
    rows.push([p.code, p.name, p.level, p.field, p.agency, p.url.slice(RECORD_BASE.length)]);
  });
  rows.sort((a, b) => a[0].localeCompare(b[0]));
  return { format: SHIPPED_FORMAT, source: 'Cổng Dịch vụ công quốc gia (dichvucong.gov.vn), danh mục thủ tục hành chính', recordBase: RECORD_BASE, procedures: rows };
}

/** JSON with one procedure a line: diffable, and still plain JSON for any reader. */
function serialise(catalogue: ShippedCatalogue): string {
  const head = JSON.stringify({ ...catalogue, procedures: [] }).slice(0, -3);
  return `${head}[\n${catalogue.procedures.map((row) => '  ' + JSON.stringify(row)).join(',\n')}\n]}\n`;
}

const input = process.argv[2];
if (input === undefined) {
  console.error('usage: npx tsx knowledge-base/catalogue/convert-index.ts procedures-index.jsonl');
  process.exit(2);
}
const catalogue = convert(readFileSync(input, 'utf8').split('\n'));
const output = fileURLToPath(new URL('./procedures.json', import.meta.url));
writeFileSync(output, serialise(catalogue));
console.log(`${catalogue.procedures.length} procedures written to ${output}`);
