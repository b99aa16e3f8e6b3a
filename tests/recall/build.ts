// Global setup of the recall tests: the whole-country fixture, built once for the files that search
// it (they run side by side: ~130,000 questions take minutes).
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { workerDirOf } from '../../scripts/worker-dir.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    allChina: string;
  }
}

export default async function setup(project: TestProject) {
  const root = mkdtempSync(join(tmpdir(), 'baoxiu-all-china-'));
  const out = join(root, 'dist');
  await promisify(execFile)('npm', ['run', 'build'], {
    env: {
      ...process.env,
      BAOXIU_CONTENT_DIR: 'tests/fixtures/all-china',
      BAOXIU_OUT_DIR: out,
      BAOXIU_CACHE_DIR: join(root, 'cache'),
    },
    maxBuffer: 256 * 1024 * 1024,
  });
  project.provide('allChina', out);
  return () => {
    rmSync(root, { recursive: true, force: true });
    rmSync(workerDirOf(out), { recursive: true, force: true });
  };
}
