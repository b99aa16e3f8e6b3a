// Where `astro build` puts the Worker (the server build) for a given outDir. It stays inside the
// project whatever outDir is, since its prerender step imports packages from node_modules:
// dist-worker/ for the site, a folder in node_modules for other builds (tests, the bench).
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AstroIntegration } from 'astro';

export const workerDirOf = (outDir: string | undefined) =>
  outDir ? resolve('node_modules/.baoxiu-worker', outDir.replace(/[^a-zA-Z0-9]+/g, '_')) : resolve('dist-worker');

/** Empties the Worker's folder before a build. Astro empties outDir only, and the chunks of every
 *  earlier build stayed beside the new ones (content-hashed names): the generated wrangler.json
 *  uploads every module in the folder (`no_bundle`, `**\/*.mjs`), so a deploy after a few local builds
 *  sent all of them (`wrangler deploy --dry-run`: 3,152 KiB after seven builds, 2,152 KiB for one). */
export function emptyWorkerDir(): AstroIntegration {
  let dir: URL | undefined;
  return {
    name: 'baoxiu:empty-worker-dir',
    hooks: {
      'astro:config:done': ({ config }) => {
        dir = config.build.server;
      },
      'astro:build:start': () => {
        if (dir) rmSync(dir, { recursive: true, force: true });
      },
    },
  };
}
