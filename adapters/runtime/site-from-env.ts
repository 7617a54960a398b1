import { readFileSync } from 'node:fs';
import type { SiteConfig } from '../../bot/site-config.ts';
import { SEED_SITE } from '../../knowledge-base/seed-modules.ts';
import { siteFromSettings } from './site-from-settings.ts';

/**
 * The site configuration on Node: defaults from a file when given, else the shipped seed/site.json (bundled as a
 * module, so a compiled server reads no file beside its code), overridden by the environment.
 */
export function siteFromEnv(env: Readonly<Record<string, string | undefined>>, defaultsFile?: string): SiteConfig {
  return siteFromSettings(env, defaultsFile === undefined ? SEED_SITE : JSON.parse(readFileSync(defaultsFile, 'utf8')));
}
