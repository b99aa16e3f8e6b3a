// The browser tests that share one `wrangler dev` (its rate limits, its log) as one file for vitest,
// each *.browser.ts in a describe of its own (its hooks stay its own). One file, because vitest runs
// a project whose files must go one by one in a group of its own after every other file, with the
// cores idle while Chromium waits on pages; one file runs beside the other projects' files instead.
// Those with servers of their own are in own-servers/. One alone: `vitest run --project browser -t inbox`.
import { describe } from 'vitest';

const specs = import.meta.glob('./*.browser.ts');
for (const [path, load] of Object.entries(specs)) describe(path.slice(2, -'.browser.ts'.length), async () => void (await load()));
