// The search worker's fetch of Pagefind's fragment files, answered from the covered places fetched
// ahead (scripts/covered-fragments.ts writes them): the whole site's when they weigh little, else the
// province's (or prefecture's) of what a search found. The next search of a place held there waits
// for one round trip (its index chunk), not two. Fetched after the answer is sent, so no search
// waits for them; until they are here, fragments are fetched as before.
import { COVERED_DIR, PREFECTURES, PROVINCES, SIGNATURE, SITE } from '../contract/covered-fragments.ts';
import type { Hit } from './search-hits.ts';

const FRAGMENT = /\/pagefind\/fragment\/([\w-]+)\.pf_fragment$/;

type Bundle = Record<string, unknown> & { [PROVINCES]?: string[]; [PREFECTURES]?: string[] };
/** Fragment files by name, from the bundles fetched so far. */
const files = new Map<string, unknown>();
/** The bundles asked for, by address. */
const bundles = new Map<string, Promise<Bundle | undefined>>();

function bundle(name: string, base: string): Promise<Bundle | undefined> {
  const url = `${base}${name}.json`;
  let fetched = bundles.get(url);
  if (!fetched) {
    fetched = fetch(url)
      .then((r) => (r.ok ? (r.json() as Promise<Bundle>) : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then((b) => {
        for (const [key, file] of Object.entries(b)) if (key !== PROVINCES && key !== PREFECTURES) files.set(key, file);
        return b;
      })
      .catch(() => void bundles.delete(url)); // asked again after the next search there
    bundles.set(url, fetched);
  }
  return fetched;
}

/** Fetches the site's bundle, or those of the covered places found, each once. */
export function fetchAhead(found: readonly Hit[], base = `/pagefind/${COVERED_DIR}/`): void {
  const codes = found.flatMap((hit) => (hit.meta.covered === '1' && hit.meta.code ? [hit.meta.code] : []));
  if (!codes.length) return;
  void bundle(SITE, base).then((site) => {
    if (!site?.[PROVINCES]) return; // every covered place is here (or the fetch failed: asked again next time)
    for (const code of codes) {
      if (!site[PROVINCES].includes(code.slice(0, 2))) continue;
      const prefecture = code.slice(0, 4);
      void bundle(code.slice(0, 2), base).then((b) => {
        if (b?.[PREFECTURES]?.includes(prefecture)) void bundle(prefecture, base);
      });
    }
  });
}

/** `fetch`, with a fragment file fetched ahead answered here, as Pagefind reads a file it need not
 *  decompress (its signature first). */
export function fetchingAhead(fetch: typeof globalThis.fetch): typeof globalThis.fetch {
  return (input, init) => {
    const name = typeof input === 'string' ? FRAGMENT.exec(input)?.[1] : undefined;
    const file = name === undefined ? undefined : files.get(name);
    return file === undefined ? fetch(input, init) : Promise.resolve(new Response(SIGNATURE + JSON.stringify(file)));
  };
}
