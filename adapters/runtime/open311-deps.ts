import type { SiteConfig } from '../../bot/site-config.ts';
import type { Open311Deps } from '../http/open311/routes.ts';
import type { Assembly } from './assemble.ts';

/** Open311 sees the report categories as services and files reports through the same service as the chat. */
export function open311Deps(assembly: Assembly, site: SiteConfig, apiKey: string | undefined, publicBaseUrl?: string): Open311Deps {
  return {
    reports: assembly.reports,
    services: assembly.reportCategories.map((c) => ({
      code: c.id,
      name: c.title.split(',')[0] as string,
      description: c.title,
      keywords: c.keywords,
      group: 'Phản ánh hiện trường',
    })),
    ...(apiKey ? { apiKey } : {}),
    fileReport: async (report) => (await assembly.reportService.file(report)).report,
    withinArea: (latitude, longitude) => assembly.gazetteer.within({ latitude, longitude }),
    agencyName: `UBND ${site.provinceName}`,
    communeName: (id) => assembly.gazetteer.byId(id)?.name,
    ...(publicBaseUrl ? { publicBaseUrl } : {}),
  };
}
