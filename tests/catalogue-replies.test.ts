import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createCatalogueReplies } from '../bot/catalogue-replies.ts';
import type { CatalogueProcedure } from '../knowledge-base/catalogue/types.ts';
import { TEST_SITE } from './helpers.ts';

// As the national register words it: a name closed by two stops, an agency closed by one.
const FOREIGN_CONTRACTOR: CatalogueProcedure = {
  code: '1.013222',
  name: 'Cấp giấy phép hoạt động xây dựng cho nhà thầu nước ngoài..',
  level: 'Cấp tỉnh',
  field: 'Hoạt động xây dựng',
  agency: 'Sở Xây dựng.',
  url: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfe-9096-741c-8211-fb8c9573a884',
};

test('a procedure name the register closes with stops is shown without them, so the reply reads as one sentence', () => {
  const replies = createCatalogueReplies(TEST_SITE);
  const [closest, choices] = replies.offer([FOREIGN_CONTRACTOR]);
  assert.ok(closest?.kind === 'text' && choices?.kind === 'choices');
  assert.match(closest.text, /1\) Cấp giấy phép hoạt động xây dựng cho nhà thầu nước ngoài - mã 1\.013222; Sở Xây dựng, cấp tỉnh\. Xem: https:/);
  assert.doesNotMatch(closest.text, /\.\./);
  assert.equal(choices.options[0]?.title, 'Cấp giấy phép hoạt động xây dựng cho nhà thầu nước ngoài (mã 1.013222)');
  const [details] = replies.details(FOREIGN_CONTRACTOR);
  assert.ok(details?.kind === 'text');
  assert.match(details.text, /^Thủ tục: Cấp giấy phép hoạt động xây dựng cho nhà thầu nước ngoài\n• Mã thủ tục: 1\.013222\n/);
  assert.doesNotMatch(details.short ?? '', /\.\./);
});
