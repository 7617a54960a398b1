/**
 * A terminal conversation with the bot, on the same database the server uses: npm run chat
 * Type a question; reply with a number to pick an option; Ctrl+D or "/quit" leaves.
 */
import { createInterface } from 'node:readline/promises';
import { assemble } from '../adapters/runtime/assemble.ts';
import { siteFromEnv } from '../adapters/runtime/site-from-env.ts';
import { openSqlite } from '../adapters/storage/sqlite.ts';
import type { Reply } from './types.ts';

function show(reply: Reply): string {
  if (reply.kind === 'choices') return [reply.text, ...reply.options.map((o, i) => `  ${i + 1}. ${o.title}`)].join('\n');
  if (reply.kind === 'link') return `${reply.text}\n  ${reply.url}`;
  return reply.text;
}

const db = openSqlite(process.env.DATABASE_PATH ?? './data/app.db');
const { bot } = await assemble(db, siteFromEnv(process.env));
const userId = `cli-${process.pid}`;
const terminal = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
let turn = 0;

async function say(message: Parameters<typeof bot.handle>[0]): Promise<void> {
  for (const reply of await bot.handle(message)) console.log(`\nbot> ${show(reply).replace(/\n/g, '\n     ')}\n`);
}

await say({ kind: 'follow', channel: 'cli', userId, messageId: `${userId}-${turn++}`, receivedAt: new Date() });
terminal.setPrompt('bạn> ');
terminal.prompt();
for await (const line of terminal) {
  if (line.trim() === '/quit') break;
  await say({ kind: 'text', channel: 'cli', userId, messageId: `${userId}-${turn++}`, text: line, receivedAt: new Date() });
  terminal.prompt();
}
terminal.close();
await db.destroy();
