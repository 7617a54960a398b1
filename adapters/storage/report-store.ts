import type { Kysely } from 'kysely';
import { randomCode } from '../../bot/reports/codes.ts';
import type { ReportStore } from '../../bot/reports/store.ts';
import type { Report, ReportEvent, ReportStatus } from '../../bot/reports/types.ts';
import type { Database, ReportTable } from './schema.ts';

function fromRow(row: ReportTable): Report {
  return {
    code: row.code,
    category: row.category,
    status: row.status as ReportStatus,
    description: row.description,
    address: row.address,
    commune: row.commune,
    location: row.latitude !== null && row.longitude !== null ? { latitude: row.latitude, longitude: row.longitude } : null,
    photoUrl: row.photo_url,
    source: row.source === 'open311' ? 'open311' : 'chat',
    conversationId: row.conversation_id,
    assignee: row.assignee,
    publicNote: row.public_note,
    duplicateOf: row.duplicate_of,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const CODE_ATTEMPTS_PER_LENGTH = 6;

export function createReportStore(db: Kysely<Database>, options: { now?: () => Date; random?: () => number } = {}): ReportStore {
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;

  async function addEvent(code: string, change: { status: ReportStatus; note: string | null; photoUrl?: string | null; actor: string }): Promise<ReportEvent> {
    const event: ReportEvent = {
      id: crypto.randomUUID(),
      reportCode: code,
      status: change.status,
      note: change.note,
      photoUrl: change.photoUrl ?? null,
      actor: change.actor,
      createdAt: now().toISOString(),
    };
    await db
      .insertInto('report_events')
      .values({ id: event.id, report_code: code, status: event.status, note: event.note, photo_url: event.photoUrl, actor: event.actor, created_at: event.createdAt })
      .execute();
    await db
      .updateTable('reports')
      .set({ status: change.status, ...(change.note !== null ? { public_note: change.note } : {}), updated_at: event.createdAt })
      .where('code', '=', code)
      .execute();
    return event;
  }

  return {
    async create(report, actor) {
      const at = now().toISOString();
      for (let digits = 4; digits <= 6; digits++) {
        for (let attempt = 0; attempt < CODE_ATTEMPTS_PER_LENGTH; attempt++) {
          const code = randomCode(random, digits);
          const result = await db
            .insertInto('reports')
            .values({
              code,
              category: report.category,
              status: 'received',
              description: report.description,
              address: report.address ?? null,
              commune: report.commune ?? null,
              latitude: report.location?.latitude ?? null,
              longitude: report.location?.longitude ?? null,
              photo_url: report.photoUrl ?? null,
              source: report.source,
              conversation_id: report.conversationId ?? null,
              reporter_contact_json: report.reporterContact ? JSON.stringify(report.reporterContact) : null,
              assignee: null,
              public_note: null,
              duplicate_of: null,
              created_at: at,
              updated_at: at,
            })
            .onConflict((oc) => oc.column('code').doNothing())
            .executeTakeFirst();
          if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) continue;
          await addEvent(code, { status: 'received', note: null, actor });
          return (await this.get(code)) as Report;
        }
      }
      throw new Error('no free report code after trying 4, 5 and 6 digits');
    },
    async get(code) {
      const row = await db.selectFrom('reports').selectAll().where('code', '=', code.toUpperCase()).executeTakeFirst();
      return row === undefined ? undefined : fromRow(row);
    },
    async list(filter = {}) {
      let query = db.selectFrom('reports').selectAll();
      if (filter.status && filter.status.length > 0) query = query.where('status', 'in', [...filter.status]);
      if (filter.category) query = query.where('category', '=', filter.category);
      if (filter.commune) query = query.where('commune', '=', filter.commune);
      if (filter.since) query = query.where('created_at', '>=', filter.since.toISOString());
      if (filter.until) query = query.where('created_at', '<=', filter.until.toISOString());
      if (filter.assignee !== undefined) query = filter.assignee === null ? query.where('assignee', 'is', null) : query.where('assignee', '=', filter.assignee);
      if (filter.duplicateOf) query = query.where('duplicate_of', '=', filter.duplicateOf);
      if (filter.codes) query = query.where('code', 'in', filter.codes.length > 0 ? [...filter.codes] : ['']);
      const rows = await query.orderBy('created_at', 'desc').limit(filter.limit ?? 100).execute();
      return rows.map(fromRow);
    },
    async events(code) {
      const rows = await db.selectFrom('report_events').selectAll().where('report_code', '=', code).orderBy('created_at').execute();
      return rows.map((r) => ({ id: r.id, reportCode: r.report_code, status: r.status as ReportStatus, note: r.note, photoUrl: r.photo_url, actor: r.actor, createdAt: r.created_at }));
    },
    async latestEventPhotos(codes) {
      if (codes.length === 0) return new Map();
      const rows = await db
        .selectFrom('report_events')
        .select(['report_code', 'photo_url'])
        .where('report_code', 'in', [...codes])
        .where('photo_url', 'is not', null)
        .orderBy('created_at')
        .execute();
      // Oldest first, so a later photo overwrites an earlier one.
      return new Map(rows.map((r) => [r.report_code, r.photo_url as string]));
    },
    addEvent,
    async assign(code, assignee) {
      await db.updateTable('reports').set({ assignee, updated_at: now().toISOString() }).where('code', '=', code).execute();
    },
    async assignees() {
      const rows = await db.selectFrom('reports').select('assignee').distinct().where('assignee', 'is not', null).orderBy('assignee').execute();
      return rows.map((r) => r.assignee as string);
    },
    async markDuplicate(code, of) {
      await db.updateTable('reports').set({ duplicate_of: of, updated_at: now().toISOString() }).where('code', '=', code).execute();
    },
    async subscribe(s) {
      await db
        .insertInto('report_subscribers')
        .values({ report_code: s.reportCode, conversation_id: s.conversationId, channel: s.channel, user_id: s.userId, created_at: now().toISOString() })
        .onConflict((oc) => oc.columns(['report_code', 'conversation_id']).doNothing())
        .execute();
    },
    async subscribers(code) {
      const rows = await db.selectFrom('report_subscribers').selectAll().where('report_code', '=', code).orderBy('created_at').execute();
      return rows.map((r) => ({ reportCode: r.report_code, conversationId: r.conversation_id, channel: r.channel, userId: r.user_id }));
    },
    async followedBy(conversationId, limit = 5) {
      const rows = await db
        .selectFrom('reports')
        .innerJoin('report_subscribers', 'report_subscribers.report_code', 'reports.code')
        .selectAll('reports')
        .where('report_subscribers.conversation_id', '=', conversationId)
        .orderBy('reports.created_at', 'desc')
        .limit(limit)
        .execute();
      return rows.map(fromRow);
    },
  };
}
