// The browser tests that share one `wrangler dev` (tests/browser/server.ts), in three files that run
// side by side: each waits mostly on Chromium and the local runtime, less than a core (one file of
// them all took 325 s alone, the longest of CI). Each *.browser.ts is a describe of its own (its hooks
// stay its own) in the file of its group; one in no group fails the run rather than never running.
// One alone: `vitest run --project browser -t inbox`. Those with servers of their own: own-servers/.
import { afterAll, describe } from 'vitest';
import { closeSharedBrowser } from './browser.ts';

const GROUPS = {
  pages: ['layout', 'a11y'],
  customer: ['lead-form', 'progress', 'security'],
  operator: ['inbox', 'inbox-path', 'leads-cli'],
} as const;

export function gather(group: keyof typeof GROUPS) {
  afterAll(closeSharedBrowser);
  const specs = import.meta.glob('./*.browser.ts');
  for (const [path, load] of Object.entries(specs)) {
    const name = path.slice(2, -'.browser.ts'.length);
    const of = Object.entries(GROUPS).find(([, names]) => (names as readonly string[]).includes(name))?.[0];
    if (!of) throw new Error(`tests/browser/${name}.browser.ts is in no group of tests/browser/groups.ts`);
    if (of === group) describe(name, async () => void (await load()));
  }
}
