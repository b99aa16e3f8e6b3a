// npm run build: `node --import` this, then Astro's CLI. The search index (scripts/search-index.ts)
// begins here, before Astro loads: loading Astro and its Cloudflare adapter takes ~3.5 s of one
// core before the integration could begin it, while the other core idles.
import { join, resolve } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { CONTENT_DIR } from '../src/lib/content-dir.ts';
import { ASTRO_DEFAULT_CACHE_DIR, cacheDir } from './build-dirs.ts';
import { beginEarly } from './search-index.ts';

// Worker threads inherit `--import`: only the build's own thread begins it.
if (isMainThread && process.argv.slice(2).includes('build') && process.env.BAOXIU_EARLY_INDEX !== '0') {
  const root = process.cwd();
  beginEarly(CONTENT_DIR, join(resolve(root, cacheDir ?? ASTRO_DEFAULT_CACHE_DIR), 'search-index'), root);
}
