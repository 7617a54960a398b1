import type { SiteConfig } from '../bot/site-config.ts';

/**
 * Fills the {{placeholders}} of an answer from the site configuration. A value the IT team has not configured
 * is replaced by words that send the resident to someone who knows, never by a made-up number or address.
 */
export type PlaceholderValues = Readonly<Record<string, string>>;

export function placeholderValues(site: SiteConfig): PlaceholderValues {
  const oneStopDesk = 'bộ phận một cửa UBND xã/phường nơi cư trú';
  const nationalPortal = `Cổng Dịch vụ công quốc gia (${hostOf(site.nationalPortalUrl)})`;
  return {
    province: site.provinceName,
    nationalPortal,
    provincePortal: site.provincePortalUrl
      ? `Cổng Dịch vụ công ${site.provinceName} (${hostOf(site.provincePortalUrl)})`
      : `Cổng Dịch vụ công của ${site.provinceName}`,
    hotline: site.hotline ?? `(hệ thống chưa cập nhật số đường dây nóng; xin hỏi ${oneStopDesk})`,
    oneStopAddress:
      site.oneStopAddress ?? `(hệ thống chưa cập nhật địa chỉ; xin hỏi ${oneStopDesk}, nơi cũng nhận hồ sơ của bạn)`,
    officeHours: site.officeHours ?? `(hệ thống chưa cập nhật giờ làm việc; xin xem bảng niêm yết tại trụ sở hoặc hỏi ${oneStopDesk})`,
    contact: site.hotline
      ? `Cần hỏi thêm, xin gọi đường dây nóng ${site.hotline} hoặc hỏi ${oneStopDesk}.`
      : `Cần hỏi thêm, xin hỏi ${oneStopDesk} hoặc tra cứu trên ${nationalPortal}.`,
  };
}

function hostOf(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '');
}

const PLACEHOLDER = /\{\{\s*([a-zA-Z]+)\s*\}\}/g;

/** Replaces every known placeholder; an unknown one is left visible so a reviewer notices it. */
export function renderTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);
}

/** Names used in a template that the renderer does not know: caught when content is saved or tested. */
export function unknownPlaceholders(template: string, values: Readonly<Record<string, string>>): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] as string).filter((name) => !(name in values));
}
