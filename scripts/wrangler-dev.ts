// The one way this project starts `wrangler dev` (npm start, npm run dev, the browser tests, the
// bench): local D1 migrations first, then the Worker with the built site on 127.0.0.1. Secrets go
// in an env file (mode 600), never on the command line, where any local user could read them.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OWN_GROUP, stopGroup } from './process-group.ts';

/** wrangler's CLI, run by this Node (node_modules/.bin/wrangler is a shell script, wrangler.cmd on
 *  Windows, which `spawn` cannot run without a shell). */
const WRANGLER = join('node_modules', 'wrangler', 'bin', 'wrangler.js');
/** The built Worker's config (astro build writes it, with the inbox's pages). Named explicitly:
 *  .wrangler/deploy/config.json points at whichever build ran last, test builds included. */
export const WORKER_CONFIG = join('dist-worker', 'wrangler.json');
const STATE = join('.wrangler', 'state');
/** wrangler.jsonc's migrations_dir. */
const MIGRATIONS = 'migrations';

/** A free port below Linux's ephemeral range (32768–60999, where port 0 and outgoing connections draw
 *  theirs): a port chosen now and bound seconds later, after a build, is not taken meanwhile (CI once
 *  failed with "Address already in use" on a port that listen(0) had given). */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (await isFree(port)) return port;
  }
}

const isFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer()
      .once('error', () => resolve(false))
      .listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

/** Refuses a port something already listens on, before the build and the migrations: wrangler
 *  would say so only after them, and suggest its own --port. */
export async function portToUse(port: number): Promise<number> {
  if (!(await isFree(port)))
    throw new Error(
      `port ${port} is in use (another npm start or npm run dev?): stop that, or choose another, e.g. PORT=${port + 1}`,
    );
  return port;
}

/** A `NAME=value` line that wrangler's --env-file reading gives back as `value`, whatever it holds:
 *  dotenv keeps a single-quoted (or backquoted) value as written, and dotenv-expand then reads
 *  `$NAME` in it as another variable (`ab$Cd9` became `ab`) and `\$` as `$` (wrangler-dist/cli.js,
 *  loadDotEnv). Wrangler reads its own .dev.vars without expanding. */
export function envLine(name: string, value: string): string {
  const quote = ["'", '`'].find((q) => !value.includes(q));
  if (!quote) throw new Error(`${name}: a value with both ' and \` cannot be passed to wrangler dev`);
  return `${name}=${quote}${value.replace(/\$/g, '\\$')}${quote}\n`;
}

/** Writes `NAME=value` lines to a new file only its owner can read; returns its path. */
export function secretsFile(secrets: Record<string, string>, dir = mkdtempSync(join(tmpdir(), 'baoxiu-secrets-'))): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, 'secrets.env');
  writeFileSync(
    file,
    Object.entries(secrets)
      .map(([k, v]) => envLine(k, v))
      .join(''),
    { mode: 0o600 },
  );
  chmodSync(file, 0o600);
  return file;
}

export interface Options {
  port: number;
  /** Local state folder (D1, queues); .wrangler/state when absent. */
  persistTo?: string;
  /** Env files in order, later ones winning; given any, wrangler reads no .dev.vars of its own. */
  envFiles?: string[];
  /** The process environment's settings win over the files (CLOUDFLARE_INCLUDE_PROCESS_ENV). */
  includeProcessEnv?: boolean;
  /** 'inherit' for npm start; 'pipe' keeps the output for log(). */
  output: 'inherit' | 'pipe';
  /** The built Worker's config, dist-worker/wrangler.json unless a test serves a copy of the build. */
  config?: string;
}

export interface WranglerDev {
  url: string;
  process: ChildProcess;
  /** What it printed so far (output: 'pipe'). */
  log(): string;
  stop(): void;
}

/** Applies the D1 migrations to a local state folder; what wrangler printed (output 'pipe').
 *  `d1 migrations apply` starts the local runtime once per migration (nine: 9.5 s, 11 CPU-s here); a
 *  folder with no state yet (a fresh clone's, each test run's own) gets them all from one
 *  `d1 execute` instead, each recorded in wrangler's table of applied migrations as `apply` records
 *  it, so a later `apply` finds nothing to do (tests/unit/migrate.test.ts). A folder with state gets
 *  the migrations it lacks from `apply`. An execute that fails leaves no table (one transaction:
 *  checked with a file whose last statement fails), and the next start goes through `apply`. */
export function migrate(persistTo = STATE, output: 'inherit' | 'pipe' = 'pipe'): string {
  const fresh = !existsSync(persistTo) || readdirSync(persistTo).length === 0;
  const common = ['DB', '--local', '-c', 'wrangler.jsonc', '--persist-to', persistTo];
  const dir = fresh ? mkdtempSync(join(tmpdir(), 'baoxiu-migrations-')) : undefined;
  const args = dir
    ? ['d1', 'execute', ...common, '--yes', '--file', allMigrations(dir)]
    : ['d1', 'migrations', 'apply', ...common];
  try {
    const res = spawnSync(process.execPath, [WRANGLER, ...args], { stdio: output, encoding: 'utf8' });
    if (res.status !== 0) {
      const why = res.error?.message ?? (res.signal ? `stopped by ${res.signal}` : `exit ${res.status}`);
      throw new Error(`wrangler d1 ${args[1]} failed (${why})${output === 'pipe' ? `:\n${res.stdout}${res.stderr}` : ''}`);
    }
    return res.stdout ?? '';
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

/** Every migration in order, each with the row `d1 migrations apply` adds for it (wrangler's
 *  buildMigrationQuery, in a table made as its getCreateMigrationsTableQuery makes it); the file. */
function allMigrations(dir: string): string {
  const table =
    'CREATE TABLE IF NOT EXISTS "d1_migrations"(id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT UNIQUE, applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL);';
  const each = readdirSync(MIGRATIONS)
    .filter((name) => name.endsWith('.sql'))
    .sort()
    .map(
      (name) =>
        `${readFileSync(join(MIGRATIONS, name), 'utf8')}\nINSERT INTO "d1_migrations" (name) VALUES ('${name.replace(/'/g, "''")}');`,
    );
  const file = join(dir, 'migrations.sql');
  writeFileSync(file, [table, ...each].join('\n'));
  return file;
}

/** PORT as given (1–65535), or `fallback` when unset; anything else is an error that says so. */
export function portFrom(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65_535)
    throw new Error(`PORT must be a port number (1–65535), not "${value}"`);
  return port;
}

/** Starts wrangler dev; resolves once /api/health answers (or rejects with its output). */
export async function startWranglerDev(o: Options): Promise<WranglerDev> {
  const args = [
    'dev',
    '-c',
    o.config ?? WORKER_CONFIG,
    '--ip',
    '127.0.0.1',
    '--port',
    String(o.port),
    '--show-interactive-dev-session=false',
  ];
  // Wrangler takes the first free port from 9229 for its inspector, so two started at once (the tests
  // run several) can pick the same one, and one fails: "Address already in use (socket
  // "direct:1:default")" (CI, 2026-12-02). Its own, except for `npm start`, where devtools expect 9229.
  if (o.output === 'pipe') args.push('--inspector-port', String(await freePort()));
  args.push('--persist-to', o.persistTo ?? STATE);
  for (const file of o.envFiles ?? []) args.push('--env-file', file);
  const dev = spawn(process.execPath, [WRANGLER, ...args], {
    detached: o.output === 'pipe' && OWN_GROUP,
    stdio: o.output === 'pipe' ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    env: { ...process.env, CLOUDFLARE_INCLUDE_PROCESS_ENV: o.includeProcessEnv ? 'true' : 'false' },
  });
  let log = '';
  // The last 4 MB: enough for a test run, bounded for a long `npm run dev`.
  const keep = (d: Buffer) => (log = (log + d).slice(-4_000_000));
  dev.stdout?.on('data', keep);
  dev.stderr?.on('data', keep);
  const stop = () => {
    process.off('exit', stop);
    if (o.output === 'pipe') return stopGroup(dev);
    try {
      dev.kill('SIGTERM');
    } catch {
      /* already gone */
    }
  };
  // Started in a process group of its own (pipe), it outlives this process unless stopped: also when
  // this one ends before the caller has the handle (Ctrl-C while wrangler starts, npm run dev).
  process.on('exit', stop);
  const url = `http://127.0.0.1:${o.port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if ((await fetch(`${url}/api/health`).catch(() => null))?.ok) break;
    if (Date.now() > deadline || dev.exitCode !== null) {
      stop();
      const why = dev.exitCode !== null ? `it exited with code ${dev.exitCode}` : `no answer on ${url}/api/health within 90 s`;
      throw new Error(`wrangler dev did not start (${why})${log ? `:\n${log.slice(-3000)}` : '; its output is above'}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, process: dev, log: () => log, stop };
}
