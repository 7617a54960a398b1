/**
 * Everything province-specific the replies mention. Values come from the environment (see README); a value
 * that is not configured is never made up: the renderer falls back to telling the resident where to ask.
 */
export interface SiteConfig {
  /** "thành phố Cần Thơ" */
  readonly provinceName: string;
  /** The assistant's own name as residents see it. */
  readonly assistantName: string;
  readonly hotline?: string;
  readonly oneStopAddress?: string;
  readonly officeHours?: string;
  readonly provincePortalUrl?: string;
  readonly nationalPortalUrl: string;
}

export const NATIONAL_PORTAL_URL = 'https://dichvucong.gov.vn';
