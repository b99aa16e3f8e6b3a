// npm start: build the site if it is missing or older than its sources, apply the local D1
// migrations, then serve site + lead function with wrangler's local runtime on 127.0.0.1:$PORT.
import { spawnSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const port = process.env.PORT ?? '8787';
const sources = ['src', 'public', 'astro.config.mjs', process.env.BAOXIU_CONTENT_DIR].filter(Boolean) as string[];

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const res = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (res.status !== 0) {
    console.error(`\n${cmd} ${args.join(' ')} failed (exit ${res.status}).`);
    process.exit(res.status ?? 1);
  }
}

const built = newest('dist/pagefind/pagefind-entry.json');
if (!built || Math.max(...sources.map(newest)) > built) {
  console.log('Building the site (sources changed since the last build)…');
  run('npm', ['run', 'build']);
}

run('npx', ['wrangler', 'd1', 'migrations', 'apply', 'DB', '--local']);

// wrangler dev reads .dev.vars; without one, the settings come from this process's environment.
const env = { ...process.env };
const devVars = existsSync('.dev.vars') ? readFileSync('.dev.vars', 'utf8') : undefined;
if (devVars === undefined) env.CLOUDFLARE_INCLUDE_PROCESS_ENV = 'true';
else console.log('Settings: .dev.vars');

/** A secret that is not configured gets a local one, kept in .wrangler/ across restarts. */
function localSecret(name: string, make: () => string): string[] {
  if (env[name] || new RegExp(`^${name}\\s*=`, 'm').test(devVars ?? '')) return [];
  const file = `.wrangler/local-${name.toLowerCase().replaceAll('_', '-')}`;
  if (!existsSync(file)) {
    mkdirSync('.wrangler', { recursive: true });
    writeFileSync(file, make(), { mode: 0o600 });
  }
  const value = readFileSync(file, 'utf8').trim();
  console.log(`${name}: a local one, in ${file}`);
  return ['--var', `${name}:${value}`];
}
const secrets = localSecret('ADMIN_TOKEN', () => randomBytes(24).toString('base64url'));

const dev = spawn(
  'npx',
  ['wrangler', 'dev', '--ip', '127.0.0.1', '--port', port, '--show-interactive-dev-session=false', ...secrets],
  { stdio: 'inherit', env },
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => dev.kill(signal));
dev.on('exit', (code) => process.exit(code ?? 0));
