// Pagefind's browser bundle (pagefind.js and its WebAssembly) run in Node against a built site, so the
// recall test can ask the whole country's questions through the site's own search-core.ts at Node's
// speed. (The browser tests search the sample site through the real worker in Chromium.)
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bySound, simplify, type SoundTable, type TraditionalForms } from '../../src/lib/names.ts';
import { PAGEFIND_OPTIONS, type Found, type Pagefind } from '../../src/scripts/find.ts';
import { search, type Tables } from '../../src/scripts/search-core.ts';

const ORIGIN = 'http://recall.test';
let instances = 0;

/** Pagefind's files, read once and gunzipped natively: Pagefind skips its own JavaScript gunzip for a
 *  file that begins with its signature (`decompress` in pagefind.js), and every start afresh (reset)
 *  fetches the same chunks again. The recall files: 118 s and 199 CPU-s instead of 155 s and 257. */
const files = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();
const SIGNATURE = new TextEncoder().encode('pagefind_dcd');
const unzipped = async (path: string): Promise<Uint8Array<ArrayBuffer>> => {
  const bytes = new Uint8Array(await readFile(path));
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const raw = new Uint8Array(gunzipSync(bytes));
  return SIGNATURE.every((b, i) => raw[i] === b) ? raw : bytes;
};

interface Bundle extends Pagefind {
  options(o: object): Promise<void>;
  init(): Promise<void>;
  destroy(): Promise<void>;
}

export interface NodeSearch {
  search(q: string, filters?: Record<string, string>, limit?: number): Promise<Found>;
  /** Drops the index chunks loaded so far: Pagefind searches every loaded chunk, so a long run of
   *  questions slows down as they accumulate (13 ms a search with the whole index loaded). */
  reset(): Promise<void>;
  /** Index chunks loaded since the last reset. */
  chunks(): number;
  close(): Promise<void>;
}

export async function pagefindIn(dist: string): Promise<NodeSearch> {
  const realFetch = globalThis.fetch;
  // As in the page's search worker (src/scripts/search-worker.ts): Pagefind reads the query a code
  // point at a time, not with Intl.Segmenter.
  const segmenter = Intl.Segmenter;
  Reflect.deleteProperty(Intl, 'Segmenter');
  let chunks = 0;
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input), `${ORIGIN}/`);
    if (url.origin !== ORIGIN) return realFetch(input, init);
    if (url.pathname.endsWith('.pf_index')) chunks++;
    const path = join(dist, decodeURIComponent(url.pathname));
    if (!files.has(path)) files.set(path, unzipped(path));
    try {
      return new Response(await files.get(path)!);
    } catch {
      files.delete(path);
      return new Response('not found', { status: 404 });
    }
  };
  let bundle: Bundle;
  // pagefind.js afresh at each start: its WebAssembly instance belongs to the module, and an instance
  // destroyed keeps its loaded index in that memory (Pagefind frees none). With one module the towns
  // by name took 94 s after this file's other questions against 22 s alone; a module each start, 32 s.
  const start = async () => {
    bundle = await import(`${pathToFileURL(join(dist, 'pagefind', 'pagefind.js')).href}?${++instances}`);
    await bundle.options({ basePath: `${ORIGIN}/pagefind/`, baseUrl: '/', ...PAGEFIND_OPTIONS });
    await bundle.init();
  };
  await start();
  // As the worker does: the traditional forms, for a query that found nothing as typed.
  const forms: TraditionalForms = JSON.parse(await readFile(join(dist, 'search-traditional.json'), 'utf8'));
  const sounds: SoundTable = JSON.parse(await readFile(join(dist, 'search-sounds.json'), 'utf8'));
  const tables: Tables = { simplify: async (q) => simplify(q, forms), bySound: async (q) => bySound(q, sounds) };
  return {
    search: (q, filters = {}, limit) => search(bundle, q, filters, limit, tables),
    chunks: () => chunks,
    async reset() {
      await bundle.destroy();
      await start();
      chunks = 0;
    },
    async close() {
      await bundle.destroy();
      globalThis.fetch = realFetch;
      Object.defineProperty(Intl, 'Segmenter', { value: segmenter, writable: true, configurable: true });
    },
  };
}
