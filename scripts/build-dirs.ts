// Where a build writes (BAOXIU_OUT_DIR) and keeps its caches (BAOXIU_CACHE_DIR): read by
// astro.config.mjs, and by scripts/search-index-begin.ts before Astro has read its config.

/** Another content folder (tests, the whole-country fixture) keeps its own content cache. */
const contentDir = process.env.BAOXIU_CONTENT_DIR;

export const outDir = process.env.BAOXIU_OUT_DIR ?? 'dist';

/** Astro's cacheDir, or undefined for Astro's own default (ASTRO_DEFAULT_CACHE_DIR). */
export const cacheDir =
  process.env.BAOXIU_CACHE_DIR ?? (contentDir ? `node_modules/.astro-${contentDir.replace(/[^a-zA-Z0-9]+/g, '_')}` : undefined);

export const ASTRO_DEFAULT_CACHE_DIR = 'node_modules/.astro';
