/**
 * A terminal conversation with the bot, on the same database and settings the server uses (.env included):
 * npm run chat. Type a question; reply with a number to pick an option; Ctrl+D or "/quit" leaves.
 */
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import type { IncomingMessage, Reply } from '../../bot/types.ts';
import { openDatabase } from '../storage/open-database.ts';
import { assemble } from './assemble.ts';
import { durableStepFor } from '../storage/durable-step-node.ts';
import { siteFromEnv } from './site-from-env.ts';
import { wrapText } from './wrap-text.ts';
import { readGazetteer } from '../../bot/reports/gazetteer-file.ts';

if (existsSync('.env')) process.loadEnvFile('.env');

const PREFIX = 'bot> ';
const INDENT = ' '.repeat(PREFIX.length);

function show(reply: Reply): string {
  if (reply.kind === 'choices') return [reply.text, ...reply.options.map((o, i) => `  ${i + 1}. ${o.title}`)].join('\n');
  if (reply.kind === 'link') return `${reply.text}\n  ${reply.url}`;
  return reply.text;
}

const { db } = openDatabase(process.env);
const { bot } = await assemble(db, siteFromEnv(process.env), { env: process.env, gazetteer: readGazetteer(process.env.COMMUNES_FILE), durableStep: durableStepFor });
const userId = `cli-${process.pid}`;
const terminal = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
let turn = 0;

async function say(message: IncomingMessage): Promise<void> {
  const width = (process.stdout.columns ?? 80) - PREFIX.length - 1;
  for (const reply of await bot.handle(message)) {
    const lines = wrapText(show(reply), width);
    console.log(`\n${lines.map((line, i) => (i === 0 ? PREFIX : INDENT) + line).join('\n')}\n`);
  }
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
