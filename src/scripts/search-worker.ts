// Pagefind in a Web Worker: search stays off the main thread, and Pagefind, finding no document
// language here, does not re-segment Chinese queries with Intl.Segmenter — a segmentation that need
// not match the index's (Pagefind issue #1237). What a query means is search-core.ts's.
import { simplify, type TraditionalForms } from '../lib/names.ts';
import { ALL, FIRST, RANKING, search, type Pagefind } from './search-core.ts';

let pagefind: Promise<Pagefind> | undefined;
let traditional: Promise<TraditionalForms> | undefined;
/** Fetched for the first query that finds nothing as typed: 4.8 KB gzip that a first search need not wait for. */
const simplified = async (q: string) => {
  traditional ??= fetch('/search-traditional.json').then((r) =>
    r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`)),
  );
  try {
    return simplify(q, await traditional);
  } catch {
    traditional = undefined; // tried again with the next query
    return [q];
  }
};

// Pagefind cuts a query into graphemes with Intl.Segmenter when there is one, and the first segmenter
// made in this worker loads ICU's break rules: 17–33 ms that the first search waited for (traced in
// Chromium). Without it Pagefind reads the query a code point at a time, the same for place names and
// pinyin; and it can never cut a Chinese query into words either (Pagefind issue #1237).
Reflect.deleteProperty(Intl, 'Segmenter');

self.onmessage = async (event: MessageEvent<{ id: number; q: string; filters: Record<string, string>; all?: boolean }>) => {
  const { id, q, filters, all } = event.data;
  try {
    const url = '/pagefind/pagefind.js';
    pagefind ??= import(/* @vite-ignore */ url).then(
      async (m: Pagefind & { options(o: object): Promise<void>; init(): Promise<void> }) => {
        await m.options({ ranking: RANKING });
        await m.init();
        return m;
      },
    );
    // An empty query warms Pagefind up (its code and metadata) before the first keystroke.
    const found = q.trim()
      ? await search(await pagefind, q, filters, all ? ALL : FIRST, simplified)
      : (await pagefind, { results: [], total: 0, complete: true, exact: true });
    postMessage({ id, ...found });
  } catch (err) {
    pagefind = undefined; // the next query tries again: a failed load is not kept
    postMessage({ id, error: String(err) });
  }
};
