// The browser tests that start servers of their own (`npm run dev`, `npm start`, pages and Worker on
// two origins), gathered as browser.test.ts gathers the others: they touch neither the shared
// `wrangler dev` nor its rate limits, so this file runs beside that one, and their servers' start
// (astro dev's takes 20–60 s) no longer waits behind its tests.
import { describe } from 'vitest';

const specs = import.meta.glob('./*.browser.ts');
for (const [path, load] of Object.entries(specs)) describe(path.slice(2, -'.browser.ts'.length), async () => void (await load()));
