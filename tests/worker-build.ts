import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';

/** Nothing in the Worker's toolchain reaches for the network (metrics, Cloudflare's IP ranges, update banner). */
export const OFFLINE_ENV = { WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_HIDE_BANNER: 'true' };

export interface WorkerBuild {
  readonly outDir: string;
  /** esbuild's metafile inputs: every source the bundle took in. */
  readonly inputs: readonly string[];
  /** Imports left for the runtime to resolve (node:* builtins would show here). */
  readonly externals: readonly string[];
  /** Each uploaded module with its raw and gzip size. */
  readonly modules: ReadonlyArray<{ name: string; raw: number; gzip: number }>;
  readonly ms: number;
}

/**
 * What `wrangler deploy` uploads, built without uploading: wrangler.toml's [build] command (train ahead), then
 * wrangler's own esbuild run with its metafile. The same command as README's deployment section.
 */
export async function buildWorker(outDir: string): Promise<WorkerBuild> {
  const started = Date.now();
  await promisify(execFile)('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', outDir, '--metafile', join(outDir, 'meta.json')], {
    env: { ...process.env, ...OFFLINE_ENV },
    maxBuffer: 16 * 1024 * 1024,
  });
  const meta = JSON.parse(readFileSync(join(outDir, 'meta.json'), 'utf8')) as {
    inputs: Record<string, unknown>;
    outputs: Record<string, { imports?: Array<{ path: string; external?: boolean }> }>;
  };
  const externals = Object.values(meta.outputs).flatMap((o) => (o.imports ?? []).filter((i) => i.external).map((i) => i.path));
  const modules = readdirSync(outDir)
    .filter((name) => name.endsWith('.js') || name.endsWith('.bin'))
    .map((name) => {
      const bytes = readFileSync(join(outDir, name));
      return { name, raw: statSync(join(outDir, name)).size, gzip: gzipSync(bytes, { level: 9 }).length };
    });
  return { outDir, inputs: Object.keys(meta.inputs), externals, modules, ms: Date.now() - started };
}

/** CPU seconds (user + system) a process has used, from /proc (Linux). */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  // After "pid (comm) ": state is field 0, utime 11, stime 12 (clock ticks; 100 per second on Linux).
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** The workerd processes Miniflare started for this test process. */
export function workerdChildren(): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        const ppid = Number(stat.split(') ')[1]?.split(' ')[1]);
        return comm === 'workerd' && ppid === process.pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}
