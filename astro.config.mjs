// @ts-check
// A fully static site: every page is prerendered, and the Worker in functions/ serves these files
// as static assets and answers /api/* (see wrangler.jsonc).
import { defineConfig } from 'astro/config';

export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  devToolbar: { enabled: false },
  outDir: process.env.BAOXIU_OUT_DIR ?? 'dist',
});
