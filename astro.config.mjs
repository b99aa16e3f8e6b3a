// @ts-check
// A fully static site: every page is prerendered, and the Worker in functions/ serves these files
// as static assets and answers /api/* (see wrangler.jsonc).
import { defineConfig } from 'astro/config';
import { apiProxy } from './scripts/dev-api-proxy.ts';

// Another content folder (tests, the whole-country fixture) keeps its own content cache.
const contentDir = process.env.BAOXIU_CONTENT_DIR;

export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  devToolbar: { enabled: false },
  // Every script as a file of the site, never inline, so the CSP needs no 'unsafe-inline' for
  // scripts (public/_headers, functions/web/headers.ts). JSON-LD data blocks are not scripts.
  vite: {
    build: { assetsInlineLimit: 0 },
    // npm run dev (scripts/dev.ts): the form posts to the lead function under wrangler dev.
    plugins: process.env.BAOXIU_API_PROXY ? [apiProxy(process.env.BAOXIU_API_PROXY)] : [],
  },
  outDir: process.env.BAOXIU_OUT_DIR ?? 'dist',
  cacheDir:
    process.env.BAOXIU_CACHE_DIR ?? (contentDir ? `node_modules/.astro-${contentDir.replace(/[^a-zA-Z0-9]+/g, '_')}` : undefined),
});
