// Global setup of the recall tests: the whole-country fixture, built once for the files that search
// it (they run side by side: ~130,000 questions take minutes). The build runs while other tests
// start: vitest runs every project's global setup before any test, and this build takes half a
// minute on one core. The recall files wait for it (`built()` in ask.ts).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { OWN_GROUP, stopGroup } from '../../scripts/process-group.ts';
import { workerDirOf } from '../../scripts/worker-dir.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    allChina: string;
  }
}

/** Written beside the build's output when it ends: "ok", or what it printed when it failed. */
export const doneFile = (out: string) => join(out, '..', 'built');
/** The end of what the build printed. */
export const logFile = (out: string) => join(out, '..', 'build.log');

export default function setup(project: TestProject) {
  const root = mkdtempSync(join(tmpdir(), 'baoxiu-all-china-'));
  const out = join(root, 'dist');
  const build = spawn('npm', ['run', 'build'], {
    env: {
      ...process.env,
      BAOXIU_CONTENT_DIR: 'tests/fixtures/all-china',
      BAOXIU_OUT_DIR: out,
      BAOXIU_CACHE_DIR: join(root, 'cache'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // npm and the build it runs in a group of their own: a run that ends before the build (one file,
    // `vitest run tests/recall/sample.test.ts`) stops both. Killing npm alone left the build running,
    // which wrote its output and Worker folder again after they were removed.
    detached: OWN_GROUP,
  });
  const closed = new Promise<void>((resolve) => build.on('close', () => resolve()));
  let log = '';
  build.stdout.on('data', (d) => (log = (log + d).slice(-20_000)));
  build.stderr.on('data', (d) => (log = (log + d).slice(-20_000)));
  build.on('close', (code) => {
    writeFileSync(logFile(out), log);
    writeFileSync(doneFile(out), code === 0 ? 'ok' : `npm run build exited ${code}:\n${log}`);
  });
  project.provide('allChina', out);
  return async () => {
    stopGroup(build);
    await closed;
    rmSync(root, { recursive: true, force: true });
    rmSync(workerDirOf(out), { recursive: true, force: true });
  };
}
