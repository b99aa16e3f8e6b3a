// @ts-check
// The public site is prerendered into outDir (dist/): static assets of the Worker. The inbox's pages
// (/admin/) render on demand through @astrojs/cloudflare, whose server build goes beside outDir
// (dist-worker/: the Worker, functions/entry.ts composed with Astro, and its generated wrangler.json).
import cloudflare from '@astrojs/cloudflare';
import { defineConfig } from 'astro/config';
import { cacheDir, outDir } from './scripts/build-dirs.ts';
import { apiProxy } from './scripts/dev-api-proxy.ts';
import { noPrebundle } from './scripts/no-prebundle.ts';
import { searchIndex } from './scripts/search-index.ts';
import { emptyWorkerDir, workerDirOf } from './scripts/worker-dir.ts';

export default defineConfig({
  output: 'static',
  // No images to transform (passthrough: no IMAGES binding).
  adapter: cloudflare({ prerenderEnvironment: 'node', imageService: 'passthrough' }),
  trailingSlash: 'always',
  // Astro's sessions are unused (the inbox keeps its own, in D1: functions/staff/sessions.ts); left on,
  // the adapter declares a SESSION KV namespace that every deploy would provision.
  session: false,
  integrations: [searchIndex(), noPrebundle(), emptyWorkerDir()],
  // client './': the static site stays at outDir itself; the server build must not be inside it
  // (it would be served as a static file). concurrency: a page at a time, the build's thread sat idle
  // half of the prerender, waiting for each page's folder and file to be written (CPU profile, whole
  // country); eight at a time: that prerender in 9.7–12.7 s instead of 16.7–17.0 s (same hour);
  // 32: the whole build ~0.5 s sooner again (7 of 8 alternating pairs, 4 and 16 in between; the same
  // peak memory).
  build: {
    format: 'directory',
    concurrency: 32,
    inlineStylesheets: 'always',
    client: './',
    server: workerDirOf(process.env.BAOXIU_OUT_DIR),
  },
  devToolbar: { enabled: false },
  // Every script as a file of the site, never inline, so the CSP needs no 'unsafe-inline' for
  // scripts (public/_headers, functions/web/headers.ts). JSON-LD data blocks are not scripts.
  vite: {
    // Vite's own cache (its dependency optimizer) beside Astro's: Astro puts it in node_modules/.vite
    // for every process, and two at once (the tests run builds, astro dev and vitest side by side)
    // would write the same files.
    ...(cacheDir ? { cacheDir: `${cacheDir}/vite` } : {}),
    build: { assetsInlineLimit: 0 },
    // The search worker is a module worker (src/scripts/search.ts), so it may load a part of itself
    // later: search-near.ts, only for a query nothing holds as typed (Vite's default, 'iife', inlines it).
    worker: { format: 'es' },
    // LEAD_RETENTION_DAYS of the build environment, for /privacy/ and catalog.json (src/lib/retention.ts):
    // read here, because in page code the Cloudflare plugin replaces process.env with wrangler.jsonc's vars.
    define: { 'import.meta.env.BUILD_RETENTION_DAYS': JSON.stringify(process.env.LEAD_RETENTION_DAYS ?? '') },
    // npm run dev (scripts/dev.ts): the form posts to the lead function under wrangler dev.
    plugins: process.env.BAOXIU_API_PROXY ? [apiProxy(process.env.BAOXIU_API_PROXY)] : [],
  },
  outDir,
  cacheDir,
});
