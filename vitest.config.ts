// Five kinds of test, one command: unit (Node), worker (inside workerd, with local D1 and the built
// site as static assets), site (the build output and build failures), recall (search over the
// whole-country fixture, through Pagefind in Node), browser (Chromium against `wrangler dev`). `npm test` builds
// the sample site first.
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/** Test-only secrets (never used anywhere else): a two-key ring, so rotation is exercised too. */
export const TEST_SECRETS = {
  LEADS_ENCRYPTION_KEY: 'test2:dGVzdC1rZXktMi10ZXN0LWtleS0yLXRlc3Qta2V5LTI=,test1:dGVzdC1rZXktMS10ZXN0LWtleS0xLXRlc3Qta2V5LTE=',
  ADMIN_TOKEN: 'test-admin-token-0123456789',
};

/** The longest files, longest first (minutes each, then half a minute). Vitest queues files project
 *  by project in the order of their names (browser, recall, site…) and, with no durations cached (a
 *  fresh clone, as CI runs), larger files first within one: the 143-second recall-written.test.ts
 *  (3.7 KB) started after the browser files and the other recall files, ~270 s in, and ran on alone
 *  at the end. The browser files wait on Chromium and the local runtime (less than a core each), the
 *  recall files compute: both kinds start at once, so the cores are busy from the start. */
const LONGEST = [
  'tests/browser/pages.test.ts',
  'tests/browser/customer.test.ts',
  'tests/recall/recall.test.ts',
  'tests/browser/own-servers/dev.test.ts',
  'tests/browser/operator.test.ts',
  'tests/recall/recall-written.test.ts',
  'tests/browser/own-servers/two-origins.test.ts',
  'tests/recall/recall-forms.test.ts',
  'tests/site/security.test.ts',
  'tests/browser/own-servers/start.test.ts',
  'tests/browser/own-servers/authorization.test.ts',
  'tests/recall/sample.test.ts',
  'tests/site/build-failures.test.ts',
  // Unit files that run CLIs (seconds each): last in the queue, they ran on nearly alone at the end.
  'tests/unit/migrate.test.ts',
  'tests/unit/env-file.test.ts',
];
/** The worker files after the first three (their runners start in workerd, 20–30 s before the first
 *  file runs: queued after every long file, that start ran on alone near the end, one core idle),
 *  then the rest, seconds each: queued behind the half-minute files, those ended the run alone. */
const WORKER_AFTER = 3;
const rank = (f: TestSpecification) => {
  const at = LONGEST.findIndex((path) => f.moduleId.endsWith(path));
  if (at >= 0) return at < WORKER_AFTER ? at : at + 1;
  return f.project.name === 'worker' ? WORKER_AFTER : LONGEST.length + 1;
};
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]) {
    const sorted = await super.sort(files);
    return sorted
      .map((f, i) => ({ f, i }))
      .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
      .map(({ f }) => f);
  }
}

export default defineConfig({
  test: {
    sequence: { sequencer: LongestFirst },
    // Vitest's default is one worker per core but one (2 − 1 = 1 on these 2-core machines): every
    // file one after another. Much of the time is spent waiting on wrangler dev, workerd and
    // Chromium (the browser project alone: 339 s for 219 CPU-s): its files run beside the others.
    // More than three at once only shared out the same two cores (5: 542 s against 524, and
    // browser tests timed out).
    maxWorkers: 3,
    projects: [
      // Some go over every region or town of the country: seconds each when the cores are shared.
      // Not isolated (unit, worker): a file's runner is reused by the next, not made afresh — in workerd
      // a runner each file cost 2–8 s (the worker files alone: 81 s isolated, 43 s not). Their files
      // share no state they rely on (each makes its own leads, staff and sessions): they pass in any
      // order (checked with --sequence.shuffle.files).
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 30_000, isolate: false } },
      {
        plugins: [
          cloudflareTest(async ({ inject }) => ({
            // The Astro-free Worker: the deployed entry (functions/entry.ts) adds the inbox's pages,
            // which need the Astro build; those are tested in Chromium against wrangler dev.
            main: './functions/worker.ts',
            wrangler: { configPath: './wrangler.jsonc' },
            miniflare: {
              bindings: {
                TEST_MIGRATIONS: await readD1Migrations('migrations'),
                ...TEST_SECRETS,
                // The local provider stand-ins and SMTP server (tests/worker/providers.ts).
                PROVIDERS_URL: inject('providersUrl'),
                SMTP_PORT: String(inject('smtpPort')),
                MAILS_URL: inject('mailsUrl'),
                // Replays a fuzz run (tests/worker/fuzz.test.ts): the seed fast-check printed.
                FUZZ_SEED: process.env.FUZZ_SEED ?? '',
              },
              // Cloudflare's send_email binding, as miniflare runs it locally.
              email: { send_email: [{ name: 'SEND_EMAIL', allowed_destination_addresses: ['dispatch@baoxiu.test'] }] },
            },
          })),
        ],
        test: {
          name: 'worker',
          include: ['tests/worker/**/*.test.ts'],
          setupFiles: ['tests/worker/setup.ts'],
          globalSetup: ['tests/worker/providers.ts'],
          testTimeout: 30_000,
          isolate: false,
        },
      },
      { test: { name: 'site', include: ['tests/site/**/*.test.ts'], environment: 'node', testTimeout: 120_000 } },
      {
        test: {
          name: 'recall',
          include: ['tests/recall/**/*.test.ts'],
          environment: 'node',
          // The whole-country fixture, built once for the files that search it side by side.
          globalSetup: ['tests/recall/build.ts'],
          testTimeout: 600_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/browser/server.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // A page's answer through wrangler dev and D1 may take more than expect.poll's default second
          // on a busy CI machine (two-origins.test.ts waited longer once, 2026-12-03).
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
