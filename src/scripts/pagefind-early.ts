// Pagefind's set-up files, fetched as the search worker starts, beside pagefind.js itself. Pagefind
// asks for its entry file only once its script has loaded, and for its metadata and WebAssembly only
// once the entry has come: a first search waited for three round trips in a row before its index
// chunk. Fetched early, the entry comes with the script, and the other two one round trip later.

const BASE = '/pagefind/';
const ENTRY = `${BASE}pagefind-entry.json`;

interface Entry {
  languages?: Record<string, { hash: string; wasm: string | null; page_count: number }>;
}

/** The files fetched early, by path: each answers Pagefind's own fetch once. */
const early = new Map<string, Promise<Response>>();
/** Settled once the entry is read and the files of its language asked for (or it could not be). */
let started: Promise<void> = Promise.resolve();

/** Starts fetching the entry file, then the metadata and WebAssembly of its language. Only where the
 *  index has one language: Pagefind picks among several by the page's language, which a worker has
 *  not (`findIndex` in pagefind.js). */
export function fetchEarly(fetch: typeof globalThis.fetch): void {
  // Past any cache, as Pagefind fetches it: a deploy changes it, not its name.
  const entry = fetch(`${ENTRY}?ts=${Date.now()}`);
  // A copy for Pagefind, taken before this reads the body.
  early.set(
    ENTRY,
    entry.then((res) => res.clone()),
  );
  started = entry
    .then(async (res) => {
      const { languages = {} } = res.ok ? ((await res.json()) as Entry) : {};
      const all = Object.values(languages);
      if (all.length !== 1) return;
      const [{ hash, wasm }] = all;
      for (const file of [`pagefind.${hash}.pf_meta`, `wasm.${wasm ?? 'unknown'}.pagefind`])
        early.set(BASE + file, fetch(BASE + file));
    })
    .catch(() => undefined); // Pagefind fetches for itself
}

/** `fetch`, with a file fetched early answered from it, once: after a deploy (search-worker.ts
 *  `restart`) Pagefind fetches them anew. Its entry file has a `?ts=` after the path. Pagefind reads
 *  the entry beside this module: a file of the index waits until its early fetch is known, so that it
 *  is never fetched twice. */
export function fetchingEarly(fetch: typeof globalThis.fetch): typeof globalThis.fetch {
  return async (input, init) => {
    // Pagefind asks by address (its base path made whole from its script's, /pagefind/ on this site).
    const url = typeof input === 'string' ? new URL(input, location.href) : undefined;
    const path = url?.origin === location.origin ? url.pathname : undefined;
    if (path === undefined || !path.startsWith(BASE)) return fetch(input, init);
    if (path !== ENTRY) await started;
    const got = early.get(path);
    if (!got) return fetch(input, init);
    early.delete(path);
    return got;
  };
}
