import type { ChoiceOption } from './types.ts';

/**
 * The help menu: sections group the catalogue's topic groups so a resident on a feature phone can reach any
 * answer by replying with digits. Each also has a short title for one SMS menu line.
 */
export interface MenuSection {
  readonly id: string;
  readonly title: string;
  /** The title as one short line where space is counted (SMS menus). */
  readonly short: string;
  readonly groups: readonly string[];
}

export const MENU_SECTIONS: readonly MenuSection[] = [
  { id: 'ho-tich', title: 'Hộ tịch, chứng thực, lý lịch tư pháp', short: 'Hộ tịch, chứng thực, lý lịch', groups: ['ho-tich', 'chung-thuc', 'tu-phap'] },
  { id: 'cu-tru', title: 'Cư trú, căn cước, hộ chiếu, VNeID', short: 'Cư trú, căn cước, hộ chiếu', groups: ['cu-tru'] },
  { id: 'giao-thong', title: 'Giấy phép lái xe, đăng ký xe', short: 'Bằng lái, đăng ký xe', groups: ['giao-thong'] },
  { id: 'dat-dai', title: 'Đất đai, xây dựng', short: 'Đất đai, xây dựng', groups: ['dat-dai', 'xay-dung'] },
  { id: 'kinh-doanh', title: 'Kinh doanh', short: 'Kinh doanh', groups: ['kinh-doanh'] },
  { id: 'xa-hoi', title: 'Việc làm, bảo hiểm, trợ cấp, hỗ trợ thiên tai', short: 'Việc làm, bảo hiểm, trợ cấp', groups: ['lao-dong', 'xa-hoi', 'nong-nghiep'] },
  { id: 'giao-duc', title: 'Giáo dục', short: 'Giáo dục', groups: ['giao-duc'] },
  { id: 'chung', title: 'Nộp hồ sơ trực tuyến, giờ làm việc, địa chỉ, đường dây nóng', short: 'Nộp hồ sơ, giờ làm, địa chỉ, đường dây nóng', groups: ['chung'] },
];

export const MENU_PREFIX = 'menu:';
/** Starts a field report from the menu: the resident then picks the category. */
export const REPORT_MENU_VALUE = 'flow:report';
export const HUMAN_VALUE = 'intent:human';

export function mainMenuOptions(): ChoiceOption[] {
  return [
    ...MENU_SECTIONS.map((s) => ({ value: MENU_PREFIX + s.id, title: s.title, short: s.short })),
    { value: REPORT_MENU_VALUE, title: 'Gửi phản ánh hiện trường (đường hư, đèn tắt, rác...)', short: 'Phản ánh: đường hư, đèn tắt, rác' },
    { value: HUMAN_VALUE, title: 'Gặp cán bộ', short: 'Gặp cán bộ' },
  ];
}
