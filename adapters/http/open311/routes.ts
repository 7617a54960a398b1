import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Report } from '../../../bot/reports/types.ts';
import { constantTimeEqual } from '../../channels/crypto.ts';
import { discoveryDocument } from './discovery.ts';
import { formatOfPath, respond, respondError, splitFormat, type Format } from './format.ts';
import { findRequests, parseRequestQuery } from './request-query.ts';
import { requestView } from './request-view.ts';
import { parseSubmission } from './submission.ts';
import type { Open311Deps, Open311Error, Open311Service } from './types.ts';
import { inChunks } from './chunks.ts';

export type { Open311Deps, Open311Service } from './types.ts';

/** Room for a 4000-character Vietnamese description percent-encoded (up to 9 bytes a character) and the rest. */
const MAX_BODY = 128 * 1024;
const FORMAT_SUFFIXES = ['', '.json', '.xml'] as const;

function formatOfSuffix(suffix: (typeof FORMAT_SUFFIXES)[number]): Format {
  return suffix === '.xml' ? 'xml' : 'json';
}

function notFound(description: string): Open311Error {
  return { code: 404, description };
}

/**
 * This endpoint's base URL, whatever path the caller mounted it under: on the public address when one is
 * configured (behind a proxy the request arrives on a loopback one), else as the client reached it.
 */
function baseUrl(c: Context, publicBaseUrl: string | undefined): string {
  const url = new URL(c.req.url);
  const origin = publicBaseUrl === undefined || publicBaseUrl === '' ? url.origin : publicBaseUrl.replace(/\/+$/, '');
  return origin + url.pathname.replace(/\/discovery(?:\.(?:json|xml))?$/i, '');
}

/** Only text fields count: Open311 v2 sends media as a URL, so an uploaded file is ignored, not stored. */
async function formFields(c: Context): Promise<Record<string, string> | undefined> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) return undefined;
  const body = await c.req.parseBody();
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(body)) if (typeof value === 'string') fields[name] = value;
  return fields;
}

/** The Open311 GeoReport v2 API over the report store; mount it with `app.route('/open311/v2', ...)`. */
export function createOpen311Routes(deps: Open311Deps): Hono {
  const app = new Hono();
  const now = deps.now ?? (() => new Date());
  const services = new Map<string, Open311Service>(deps.services.map((s) => [s.code, s]));
  const knownCodes = new Set(services.keys());
  const communeName = deps.communeName ?? (() => undefined);
  async function views(reports: readonly Report[]) {
    const chunks = inChunks(reports.map((r) => r.code));
    const photos = new Map((await Promise.all(chunks.map((codes) => deps.reports.latestEventPhotos(codes)))).flatMap((found) => [...found]));
    return reports.map((report) => {
      const resultPhoto = photos.get(report.code);
      return requestView(report, { services, agencyName: deps.agencyName, communeName, ...(resultPhoto ? { resultPhoto } : {}) });
    });
  }

  for (const suffix of FORMAT_SUFFIXES) {
    const format = formatOfSuffix(suffix);

    app.get(`/discovery${suffix}`, (c) => respond(c, format, { root: 'discovery', value: discoveryDocument(baseUrl(c, deps.publicBaseUrl), deps.agencyName) }));

    app.get(`/services${suffix}`, (c) =>
      respond(c, format, {
        root: 'services',
        item: 'service',
        value: deps.services.map((s) => ({
          service_code: s.code,
          service_name: s.name,
          description: s.description,
          metadata: false,
          type: 'realtime',
          keywords: s.keywords.join(','),
          group: s.group,
        })),
      }),
    );

    app.get(`/requests${suffix}`, async (c) => {
      const filters = parseRequestQuery(c.req.query(), knownCodes, now());
      if (!filters.ok) return respondError(c, format, filters.error);
      const reports = await findRequests(deps.reports, filters.value);
      return respond(c, format, { root: 'service_requests', item: 'request', value: await views(reports) });
    });

    app.post(
      `/requests${suffix}`,
      bodyLimit({ maxSize: MAX_BODY, onError: (c) => respondError(c, format, { code: 413, description: `the request body is larger than ${MAX_BODY} bytes` }) }),
      async (c) => {
        if (deps.apiKey === undefined) return respondError(c, format, { code: 403, description: 'this server is read-only: it accepts no new requests over Open311' });
        const form = await formFields(c);
        if (form === undefined) return respondError(c, format, { code: 400, description: 'the body must be application/x-www-form-urlencoded' });
        const key = form['api_key'] ?? '';
        if (key === '' || !constantTimeEqual(key, deps.apiKey)) return respondError(c, format, { code: 403, description: 'a valid api_key is required to file a request' });
        const submission = parseSubmission(form, { services, withinArea: deps.withinArea });
        if (!submission.ok) return respondError(c, format, submission.error);
        const report = await deps.fileReport(submission.value);
        return respond(c, format, {
          root: 'service_requests',
          item: 'request',
          value: [
            {
              service_request_id: report.code,
              service_notice: `Tra cứu tình trạng phản ánh bằng mã ${report.code} trên Zalo, Telegram hoặc SMS.`,
              account_id: '',
            },
          ],
        });
      },
    );
  }

  app.get('/services/:file', (c) => {
    const { name, format } = splitFormat(c.req.param('file'));
    if (!services.has(name)) return respondError(c, format, notFound(`no service with service_code "${name}"`));
    return respond(c, format, { root: 'service_definition', value: { service_code: name, attributes: [] } });
  });

  app.get('/requests/:file', async (c) => {
    const { name, format } = splitFormat(c.req.param('file'));
    const report = await deps.reports.get(name);
    if (report === undefined) return respondError(c, format, notFound(`no service request with id "${name}"`));
    return respond(c, format, { root: 'service_requests', item: 'request', value: await views([report]) });
  });

  // Requests get their id at once, so a token is only ever an id a client already holds.
  app.get('/tokens/:file', async (c) => {
    const { name, format } = splitFormat(c.req.param('file'));
    const report = await deps.reports.get(name);
    if (report === undefined) return respondError(c, format, notFound(`no service request for token "${name}"`));
    return respond(c, format, { root: 'service_requests', item: 'request', value: [{ service_request_id: report.code, token: name }] });
  });

  app.all('*', (c) => respondError(c, formatOfPath(c.req.path), notFound(`no Open311 endpoint for ${c.req.method} ${c.req.path}`)));

  return app;
}
