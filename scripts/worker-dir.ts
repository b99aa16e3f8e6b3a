// Where `astro build` puts the Worker (the server build) for a given outDir. It stays inside the
// project whatever outDir is, since its prerender step imports packages from node_modules:
// dist-worker/ for the site, a folder in node_modules for other builds (tests, the bench).
import { resolve } from 'node:path';

export const workerDirOf = (outDir: string | undefined) =>
  outDir ? resolve('node_modules/.baoxiu-worker', outDir.replace(/[^a-zA-Z0-9]+/g, '_')) : resolve('dist-worker');
