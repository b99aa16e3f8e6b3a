// npm start: build the site if it is missing or older than its sources, apply the local D1
// migrations, then serve site + lead function with wrangler's local runtime on 127.0.0.1:$PORT.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { localSecret, namesIn } from './local-secrets.ts';

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

// wrangler dev reads .dev.vars; without one, the settings come from this process's environment
// (and .env). A secret that neither gives is generated once for local use and passed with --var,
// so what .dev.vars or the environment says always wins.
const env = { ...process.env };
const devVars = existsSync('.dev.vars');
if (!devVars) env.CLOUDFLARE_INCLUDE_PROCESS_ENV = 'true';
else console.log('Settings: .dev.vars');
const configured = devVars ? namesIn('.dev.vars') : new Set([...Object.keys(process.env), ...namesIn('.env')]);
const vars: string[] = [];
for (const name of ['LEADS_ENCRYPTION_KEY', 'ADMIN_TOKEN'] as const) {
  if (!configured.has(name)) vars.push('--var', `${name}:${localSecret(name)}`);
}

const dev = spawn(
  'npx',
  ['wrangler', 'dev', '--ip', '127.0.0.1', '--port', port, '--show-interactive-dev-session=false', ...vars],
  { stdio: 'inherit', env },
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => dev.kill(signal));
dev.on('exit', (code) => process.exit(code ?? 0));
