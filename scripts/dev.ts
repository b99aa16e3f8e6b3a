// npm run dev: astro dev (pages reload as you edit them) with /api/* proxied to the lead function
// under wrangler dev, so the form works end to end. The Worker checks leads against the last
// build's /catalog.json and answers plain form posts with built pages: a new region or brand needs
// a build (`npm run build`, or restart this) before the Worker accepts it.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildIfStale } from './build-if-stale.ts';
import { localSettings } from './local-secrets.ts';
import { whenOrphaned } from './orphaned.ts';
import { freePort, migrate, portFrom, portToUse, startWranglerDev, type WranglerDev } from './wrangler-dev.ts';

/** Astro's CLI, run by this Node (as scripts/build.ts does): no shell, no PATH lookup. */
const ASTRO = join('node_modules', 'astro', 'bin', 'astro.mjs');

/** Says what failed, in a line, and ends (no stack trace for a port taken or a failed migration). */
const fail = (err: unknown): never => {
  console.error(`npm run dev: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
};
let port = 4321;
try {
  port = await portToUse(portFrom(process.env.PORT, port));
} catch (err) {
  fail(err);
}
const site = `http://127.0.0.1:${port}`;
await buildIfStale().catch(fail);
// astro dev first: it needs only the Worker's address, and its start (Vite's pre-bundling, workerd)
// took as long as the migrations and wrangler dev after it (36 s in all one after the other).
const workerPort = await freePort();
const astro = spawn(process.execPath, [ASTRO, 'dev', '--host', '127.0.0.1', '--port', String(port)], {
  stdio: 'inherit',
  env: { ...process.env, BAOXIU_API_PROXY: `http://127.0.0.1:${workerPort}` },
});
let worker: WranglerDev | undefined;
const stop = () => {
  astro.kill('SIGTERM');
  worker?.stop();
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, stop);
whenOrphaned(stop);
astro.on('exit', (code) => {
  worker?.stop();
  process.exit(code ?? 0);
});
try {
  // BAOXIU_STATE_DIR: another local state folder than .wrangler/state (the tests use their own).
  const persistTo = process.env.BAOXIU_STATE_DIR;
  migrate(persistTo, 'inherit');
  // Posts reach the Worker through the proxy with the dev server's origin, which it must accept; the
  // outbox's links to the inbox open there.
  worker = await startWranglerDev({
    port: workerPort,
    persistTo,
    ...localSettings('dev', { ALLOWED_ORIGINS: site, SITE_URL: site }),
    output: 'pipe',
  });
  worker.process.stdout!.pipe(process.stdout);
  worker.process.stderr!.pipe(process.stderr);
} catch (err) {
  astro.kill('SIGTERM');
  fail(err);
}
