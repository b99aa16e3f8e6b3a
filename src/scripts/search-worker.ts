// Pagefind in a Web Worker: search stays off the main thread, and Pagefind, finding no document
// language here, does not re-segment Chinese queries with Intl.Segmenter — a segmentation that need
// not match the index's (Pagefind issue #1237). What a query means is search-core.ts's.
import { bySound, simplify, type SoundTable, type TraditionalForms } from '../lib/names.ts';
import { ALL, FIRST, nothing, PAGEFIND_OPTIONS, type Pagefind } from './find.ts';
import { search, type Tables } from './search-core.ts';
import { fetchAhead, fetchingAhead } from './fragments-ahead.ts';
import { fetchEarly, fetchingEarly } from './pagefind-early.ts';

/** A table fetched for the first query that needs it, not before: a first search need not wait for it.
 *  A failed fetch is tried again with the next query. */
function lazy<T>(url: string): () => Promise<T | undefined> {
  let table: Promise<T> | undefined;
  return async () => {
    table ??= fetch(url).then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))));
    try {
      return await table;
    } catch {
      table = undefined;
    }
  };
}
const traditional = lazy<TraditionalForms>('/search-traditional.json'); // 5.7 KB gzip, 3.6 KB brotli
const sounds = lazy<SoundTable>('/search-sounds.json'); // 17.1 KB gzip
const tables: Tables = {
  simplify: async (q) => {
    const forms = await traditional();
    return forms ? simplify(q, forms) : [q];
  },
  bySound: async (q) => {
    const table = await sounds();
    return table ? bySound(q, table) : [];
  },
};

// Pagefind cuts a query into graphemes with Intl.Segmenter when there is one, and the first segmenter
// made in this worker loads ICU's break rules: 17–33 ms that the first search waited for (traced in
// Chromium). Without it Pagefind reads the query a code point at a time, the same for place names and
// pinyin; and it can never cut a Chinese query into words either (Pagefind issue #1237).
Reflect.deleteProperty(Intl, 'Segmenter');
/** A file of the index the page started with answered 404: a deploy has replaced the index since (a
 *  tab left open). Pagefind drops an index chunk it cannot load and answers nothing found. */
let gone = false;
const noticingGone =
  (fetch: typeof globalThis.fetch): typeof globalThis.fetch =>
  async (input, init) => {
    const res = await fetch(input, init);
    if (res.status === 404 && String(input).includes('/pagefind/')) gone = true;
    return res;
  };
// Pagefind fetches with the global fetch: a fragment file fetched ahead is answered without the
// network, and its set-up files are fetched as this worker starts (pagefind-early.ts).
const network = noticingGone(self.fetch.bind(self));
fetchEarly(network);
self.fetch = fetchingAhead(fetchingEarly(network));

type Loaded = Pagefind & { options(o: object): Promise<void>; init(): Promise<void>; destroy(): Promise<void> };
let pagefind: Promise<Loaded> | undefined;
const PAGEFIND: string = '/pagefind/pagefind.js'; // the built site's, not a module of this build
const load = () =>
  (pagefind ??= import(/* @vite-ignore */ PAGEFIND).then(async (m: Loaded) => {
    await m.options(PAGEFIND_OPTIONS);
    await m.init();
    return m;
  }));
/** Pagefind from the start: its instance dropped, the next load reads the index's entry file anew. */
async function restart() {
  const m = await pagefind?.catch(() => undefined);
  pagefind = undefined;
  await m?.destroy().catch(() => undefined);
}

/** The covered fragments near what the last search found (fragments-ahead.ts), fetched once the box
 *  is quiet: a customer reads the results, or types on. */
const AHEAD_AFTER = 100;
let ahead: ReturnType<typeof setTimeout> | undefined;

self.onmessage = async (event: MessageEvent<{ id: number; q: string; filters: Record<string, string>; all?: boolean }>) => {
  // An address pasted whole is ~60 characters; Pagefind's time grows with the query (300 Chinese
  // characters: 0.1 s in Node, 2,000: 7 s), and the box's maxlength is the page's, not a script's.
  clearTimeout(ahead);
  const { id, filters, all } = event.data;
  const q = event.data.q.slice(0, 80);
  // An empty query warms Pagefind up (its code and metadata) before the first keystroke.
  const ask = async () => (q.trim() ? search(await load(), q, filters, all ? ALL : FIRST, tables) : (await load(), nothing()));
  try {
    let found = await ask().catch((err) => (gone ? nothing() : Promise.reject(err)));
    if (gone) {
      // Asked once more of the index there now.
      gone = false;
      await restart();
      found = await ask();
    }
    postMessage({ id, ...found });
    // Once no other query follows within AHEAD_AFTER ms: fetched beside a search, a bundle slowed it.
    ahead = setTimeout(() => fetchAhead(found.results), AHEAD_AFTER);
  } catch (err) {
    await restart(); // the next query tries again: a failed load is not kept
    postMessage({ id, error: String(err) });
  }
};
