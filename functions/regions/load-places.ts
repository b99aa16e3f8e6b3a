// The index of the search without JavaScript (places.ts), built once per isolate from the build's
// files, which the Worker reads through its static assets.
import type { CountyTowns, SearchPinyin } from '../../src/contract/catalog.ts';
import type { SoundTable, TraditionalForms } from '../../src/lib/names.ts';
import { loadCatalog, loadUncovered } from '../catalog.ts';
import type { Env } from '../env.ts';
import { PlaceIndex } from './places.ts';

let cached: Promise<PlaceIndex> | undefined;

/** The index, built once per isolate from the build's files. */
export function loadPlaces(env: Env, origin: string): Promise<PlaceIndex> {
  cached ??= (async () => {
    const catalog = await loadCatalog(env, origin);
    await loadUncovered(env, origin, catalog);
    const optional = <T>(file: string): Promise<T | undefined> =>
      env.ASSETS.fetch(new URL(file, origin)).then(
        (r: Response) => (r.ok ? (r.json() as Promise<T>) : undefined),
        () => undefined,
      );
    const [res, forms, sounds, pinyin] = await Promise.all([
      env.ASSETS.fetch(new URL('/towns.json', origin)),
      // Without it a query in simplified characters still works.
      optional<TraditionalForms>('/search-traditional.json'),
      // Without it a query that names nothing gets no near answer.
      optional<SoundTable>('/search-sounds.json'),
      // Without it only a covered region is found in pinyin.
      optional<SearchPinyin>('/search-pinyin.json'),
    ]);
    if (!res.ok) throw new Error(`towns.json: HTTP ${res.status} (was the site built?)`);
    return new PlaceIndex(catalog, catalog.uncovered!, (await res.json()) as CountyTowns, forms, sounds, pinyin);
  })().catch((err) => {
    cached = undefined; // try again on the next request
    throw err;
  });
  return cached;
}
