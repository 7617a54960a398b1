import { readFileSync } from 'node:fs';
import type { SiteConfig } from '../../bot/site-config.ts';
import { SEED_DIRECTORY } from '../../knowledge-base/seed-files.ts';
import { siteFromSettings } from './site-from-settings.ts';

/** The site configuration on Node: defaults from a file (seed/site.json unless given) overridden by the environment. */
export function siteFromEnv(env: Readonly<Record<string, string | undefined>>, defaultsFile = SEED_DIRECTORY + 'site.json'): SiteConfig {
  return siteFromSettings(env, JSON.parse(readFileSync(defaultsFile, 'utf8')));
}
