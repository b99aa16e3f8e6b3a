// The search worker's fetch of Pagefind's fragment files, answered from the covered places of a
// province (or prefecture) fetched ahead (scripts/covered-fragments.ts writes them): after a search
// that found places there, the next search there waits for one round trip (its index chunk), not two.
// Fetched after the answer is sent, so no search waits for them; until they are here, fragments are
// fetched as before.
import { COVERED_DIR, PREFECTURES, SIGNATURE } from '../contract/covered-fragments.ts';
import type { Hit } from './search-hits.ts';

const FRAGMENT = /\/pagefind\/fragment\/([\w-]+)\.pf_fragment$/;

type Bundle = Record<string, unknown> & { [PREFECTURES]?: string[] };
/** Fragment files by name, from the bundles fetched so far. */
const files = new Map<string, unknown>();
const bundles = new Map<string, Promise<Bundle | undefined>>();

function bundle(code: string, base: string): Promise<Bundle | undefined> {
  let fetched = bundles.get(code);
  if (!fetched) {
    fetched = fetch(`${base}${code}.json`)
      .then((r) => (r.ok ? (r.json() as Promise<Bundle>) : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then((b) => {
        for (const [name, file] of Object.entries(b)) if (name !== PREFECTURES) files.set(name, file);
        return b;
      })
      .catch(() => void bundles.delete(code)); // asked again after the next search there
    bundles.set(code, fetched);
  }
  return fetched;
}

/** Fetches the bundles of the covered places found, each once. */
export function fetchAhead(found: readonly Hit[], base = `/pagefind/${COVERED_DIR}/`): void {
  for (const hit of found) {
    const code = hit.meta.covered === '1' ? hit.meta.code : undefined;
    if (!code) continue;
    const prefecture = code.slice(0, 4);
    void bundle(code.slice(0, 2), base).then((b) => {
      if (b?.[PREFECTURES]?.includes(prefecture)) void bundle(prefecture, base);
    });
  }
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
