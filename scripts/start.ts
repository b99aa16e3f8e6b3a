// npm start: build the site if it is missing or older than its sources, apply the local D1
// migrations, then serve site + lead function with wrangler's local runtime on 127.0.0.1:$PORT.
import { buildIfStale } from './build-if-stale.ts';
import { localSettings } from './local-secrets.ts';
import { whenOrphaned } from './orphaned.ts';
import { migrate, portFrom, portToUse, startWranglerDev } from './wrangler-dev.ts';

try {
  const port = await portToUse(portFrom(process.env.PORT, 8787));
  await buildIfStale();
  // BAOXIU_STATE_DIR: another local state folder than .wrangler/state (the tests use their own).
  const persistTo = process.env.BAOXIU_STATE_DIR;
  migrate(persistTo, 'inherit');
  // The outbox's links to the inbox open on this machine, not at site.yaml's address.
  const settings = localSettings('start', { SITE_URL: `http://127.0.0.1:${port}` });
  const dev = await startWranglerDev({ port, persistTo, ...settings, output: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => dev.stop());
  whenOrphaned(() => dev.stop());
  // Stopped by a signal (killed for memory, say): not a clean exit for whoever supervises this.
  dev.process.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} catch (err) {
  console.error(`npm start: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
}
