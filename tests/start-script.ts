import { readFileSync } from 'node:fs';

/**
 * package.json "start" read apart ("<build> && [NAME=value ...] node <args>"): the build command, the node arguments
 * (flags and entry), the flags alone (for a process that runs another entry as the server runs), and the environment it
 * sets. Not run: tests and benchmarks start the server as it says.
 */
export function startScript(): { readonly build: string; readonly args: readonly string[]; readonly flags: readonly string[]; readonly env: Readonly<Record<string, string>> } {
  const start = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } }).scripts.start;
  const [build, run] = start.split(' && ');
  const words = run?.trim().split(/\s+/) ?? [];
  const env: Record<string, string> = {};
  while (words[0] !== undefined && /^[A-Z_][A-Z0-9_]*=/.test(words[0])) {
    const [name, ...value] = (words.shift() as string).split('=');
    env[name as string] = value.join('=');
  }
  if (build === undefined || words[0] !== 'node') throw new Error(`package.json start is not "<build> && [NAME=value] node ...": ${start}`);
  const args = words.slice(1);
  return { build, args, flags: args.filter((arg) => arg.startsWith('-')), env };
}
