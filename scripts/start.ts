// npm start: build the site if it is missing or older than its sources, apply the local D1
// migrations, then serve site + lead function with wrangler's local runtime on 127.0.0.1:$PORT.
import { buildIfStale } from './build-if-stale.ts';
import { localSettings } from './local-secrets.ts';
import { migrate, startWranglerDev } from './wrangler-dev.ts';

buildIfStale();
// BAOXIU_STATE_DIR: another local state folder than .wrangler/state (the tests use their own).
const persistTo = process.env.BAOXIU_STATE_DIR;
migrate(persistTo, 'inherit');
const dev = await startWranglerDev({ port: Number(process.env.PORT ?? 8787), persistTo, ...localSettings(), output: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => dev.stop());
dev.process.on('exit', (code) => process.exit(code ?? 0));
