import type { AdminDeps } from '../deps.ts';
import type { StatsNames } from './charts.ts';

/** How the dashboard and the reports board name categories, communes and topics (the id when unknown). */
export function namesFrom(deps: AdminDeps): StatsNames {
  const services = deps.services ?? {};
  const categories = new Map((services.reportCategories ?? []).map((c) => [c.id, c.title]));
  return {
    category: (id) => categories.get(id) ?? id,
    commune: (id) => services.gazetteer?.byId(id)?.name ?? id,
    topic: (label) => {
      const title = services.understanding?.current().titleOf(label);
      return title && title !== label ? title : label;
    },
  };
}
