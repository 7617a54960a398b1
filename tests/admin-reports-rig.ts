import type { Hono } from 'hono';
import { createApp } from '../adapters/http/app.ts';
import { silentLogger } from '../adapters/http/logger.ts';
import { adminDeps } from '../adapters/runtime/admin-deps.ts';
import type { AdminDeps } from '../admin/deps.ts';
import { staffClient } from './admin-rig.ts';
import { startRig, STAFF_TOKEN } from './channel-rig.ts';

const ITERATIONS = 1000;

/**
 * The whole product (channel-rig: real SQLite, Telegram and the other platforms stubbed) with the staff
 * workspace on top, wired as runtime/node.ts wires it (adminDeps with the database for the dashboard).
 */
export async function reportsRig() {
  const rig = await startRig();
  const wired = adminDeps(rig.product, {}, () => '203.0.113.5', rig.database.db);
  const admin: AdminDeps = { ...wired, config: { ...wired.config, passwordIterations: ITERATIONS } };
  const product = rig.product;
  const app: Hono = createApp({
    bot: product.bot, logger: silentLogger, now: () => new Date(), title: 'Thử', health: () => ({}),
    channels: product.channels, pipeline: product.pipeline,
    staff: { token: STAFF_TOKEN, outbox: product.outbox, reports: product.reports, reportService: product.reportService, conversations: product.conversations },
    admin,
  });

  const { request, createStaff, login, postForm } = staffClient(app, product.staff.accounts, { iterations: ITERATIONS, landing: '/admin/reports' });

  /** A Telegram resident who has written once (so the conversation knows its channel), and that conversation's id. */
  async function telegramResident(chatId: number): Promise<string> {
    const res = await rig.telegram.send(rig.telegram.text(chatId, 'xin chào'));
    if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
    await rig.drain();
    return product.conversations.idFor('telegram', String(chatId));
  }

  return { ...rig, app, admin, request, createStaff, login, postForm, telegramResident };
}

export type ReportsRig = Awaited<ReturnType<typeof reportsRig>>;
