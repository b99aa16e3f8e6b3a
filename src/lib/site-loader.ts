// Content-layer loader for the `site` collection: site.yaml, one entry per top-level key (operator).
// Astro's file() loader logs a YAML error at debug level only and keeps what its store held from the
// last build: an operator who mistyped site.yaml got "Error reading data from site.yaml" and, on a
// cached build, the old hotline. This one fails the build saying where (file, line and column).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Loader } from 'astro/loaders';
import { parse } from 'yaml';

export function siteLoader(file: string): Loader {
  return {
    name: 'site-yaml',
    async load({ store, parseData, watcher }) {
      const read = async () => {
        if (!existsSync(file)) throw new Error(`${file} is missing: the operator's details are required (see README).`);
        let parsed: unknown;
        try {
          parsed = parse(readFileSync(file, 'utf8'));
        } catch (err) {
          // yaml's message names the line and column, and quotes the line.
          throw new Error(`${file} is not valid YAML: ${err instanceof Error ? err.message : String(err)}`);
        }
        store.clear();
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
          for (const [id, data] of Object.entries(parsed))
            store.set({ id, data: await parseData({ id, data: data as Record<string, unknown>, filePath: file }) });
      };
      await read();
      // As file() does in `astro dev`: an edit is read again.
      watcher?.add(file);
      watcher?.on('change', (changed) => {
        if (resolve(changed) === resolve(file)) void read().catch((err) => console.error(`[content] ${err.message}`));
      });
    },
  };
}
