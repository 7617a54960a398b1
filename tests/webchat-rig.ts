import type { Reply } from '../bot/types.ts';
import { assembledProduct, startServer } from './helpers.ts';
import type { AppDeps } from '../adapters/http/app.ts';

/** A page-style client id: 128 random bits, URL-safe base64, as chat.js makes them. */
export function pageId(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64url');
}

/** The assembled product (real SQLite file) served on loopback with the web chat's services. */
export async function startWebChat(extra: (product: Awaited<ReturnType<typeof assembledProduct>>) => Partial<AppDeps> = () => ({})) {
  const product = await assembledProduct();
  const server = await startServer(product.bot, { webchat: product.webchat, ...extra(product) });
  const base = server.base;

  async function post(body: Record<string, unknown>, headers: Record<string, string> = {}) {
    const res = await fetch(`${base}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    return { status: res.status, headers: res.headers, body: (await res.json()) as { replies?: Reply[]; error?: string } };
  }

  async function get(path: string) {
    const res = await fetch(`${base}${path}`);
    return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
  }

  /**
   * Files a field report by chatting as a resident would, answering whatever the bot asks next; returns the code.
   */
  async function fileReport(userId: string): Promise<{ code: string; lastText: string }> {
    let replies = (await post({ userId, text: 'đèn đường hẻm 5 tắt cả tuần nay, tối om' })).body.replies ?? [];
    for (let step = 0; step < 8; step++) {
      const all = replies.map((r) => r.text).join('\n');
      const code = /PA\d{4,6}/.exec(all)?.[0];
      if (code) return { code, lastText: all };
      const last = replies.at(-1);
      const values = last?.kind === 'choices' ? last.options.map((o) => o.value) : [];
      const pick = ['flow:confirm', 'flow:skip-photo'].find((v) => values.includes(v)) ?? values.find((v) => v.startsWith('commune:'));
      const next = pick ? { userId, choice: pick } : { userId, text: /xã\/phường/.test(all) ? 'phường Vị Tân' : 'hẻm 5 đường Trần Hưng Đạo, phường Vị Tân' };
      replies = (await post(next)).body.replies ?? [];
    }
    throw new Error(`no report code after 8 steps: ${replies.map((r) => r.text).join(' | ')}`);
  }

  return {
    product,
    base,
    post,
    get,
    fileReport,
    close: async () => {
      await server.close();
      await product.settled();
      await product.cleanup();
    },
  };
}
