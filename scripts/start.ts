// npm start: build the site if it is missing or older than its sources, apply the local D1
// migrations, then serve site + lead function with wrangler's local runtime on 127.0.0.1:$PORT.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { localSecretsFile, namesIn } from './local-secrets.ts';
import { migrate, startWranglerDev } from './wrangler-dev.ts';

const port = Number(process.env.PORT ?? 8787);
const sources = ['src', 'public', 'astro.config.mjs', process.env.BAOXIU_CONTENT_DIR].filter(Boolean) as string[];

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const built = newest('dist/pagefind/pagefind-entry.json');
if (!built || Math.max(...sources.map(newest)) > built) {
  console.log('Building the site (sources changed since the last build)…');
  if (spawnSync('npm', ['run', 'build'], { stdio: 'inherit' }).status !== 0) process.exit(1);
}

migrate(undefined, 'inherit');

// Settings: .dev.vars when there is one; otherwise this process's environment (and .env). A secret
// that neither gives is generated once for local use; the generated ones come first, so what
// .dev.vars or the environment says always wins.
const devVars = existsSync('.dev.vars');
if (devVars) console.log('Settings: .dev.vars');
const configured = devVars ? namesIn('.dev.vars') : new Set([...Object.keys(process.env), ...namesIn('.env')]);
const envFiles = [localSecretsFile(configured), ...(devVars ? ['.dev.vars'] : existsSync('.env') ? ['.env'] : [])];

const dev = await startWranglerDev({ port, envFiles, includeProcessEnv: !devVars, output: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => dev.stop());
dev.process.on('exit', (code) => process.exit(code ?? 0));
