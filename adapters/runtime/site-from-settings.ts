import { NATIONAL_PORTAL_URL, type SiteConfig } from '../../bot/site-config.ts';

type Env = Readonly<Record<string, string | undefined>>;

function present(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed.normalize('NFC') : undefined;
}

/**
 * The site configuration: shipped defaults (seed/site.json's JSON) overridden by the environment. Takes the
 * defaults as a value, not a path, so a Worker passes the bundled module and Node the file it read.
 */
export function siteFromSettings(env: Env, defaultsJson: unknown): SiteConfig {
  const defaults = (defaultsJson ?? {}) as Partial<Record<keyof SiteConfig, string>>;
  const pick = (name: string, key: keyof SiteConfig): string | undefined => present(env[name]) ?? present(defaults[key]);
  const optional = (name: string, key: keyof SiteConfig) => {
    const value = pick(name, key);
    return value === undefined ? {} : { [key]: value };
  };
  return {
    provinceName: pick('PROVINCE_NAME', 'provinceName') ?? 'tỉnh',
    assistantName: pick('ASSISTANT_NAME', 'assistantName') ?? 'Trợ lý hành chính công',
    nationalPortalUrl: pick('NATIONAL_PORTAL_URL', 'nationalPortalUrl') ?? NATIONAL_PORTAL_URL,
    ...optional('HOTLINE', 'hotline'),
    ...optional('ONE_STOP_ADDRESS', 'oneStopAddress'),
    ...optional('OFFICE_HOURS', 'officeHours'),
    ...optional('PROVINCE_PORTAL_URL', 'provincePortalUrl'),
  };
}
