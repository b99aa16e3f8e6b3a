// What the build hands Pagefind (src/lib/search-records-build.ts → scripts/search-index.ts): kept
// apart from both, so the build's config can load the integration without the content layer.
import type { Place } from '../scripts/search-hits.ts';
import type { RecordsInput } from './search-records-build.ts';

export interface SearchRecord {
  url: string;
  content: string;
  /** A region page: one Place. A group of uncovered regions: `places`, their Places in content order,
   *  as JSON (src/scripts/search-core.ts reads which one a word belongs to). */
  meta: Place | { places: string; covered: '0' };
  filters: Record<string, string[]>;
}

/** What the records depend on besides the region data and the code: the brands, in order, and who
 *  covers what (with the towns noted). Two inputs with the same key give the same records. */
export function recordsKey({ brands, coverage }: Pick<RecordsInput, 'brands' | 'coverage'>): string {
  return JSON.stringify([
    brands.map((b) => [b.id, b.data.name, b.data.category]),
    [...coverage].map(([slug, codes]) => [slug, [...codes].map(([code, entry]) => [code, entry.towns ?? []])]),
  ]);
}

/** Where the build's search-index integration waits for the records endpoint, which runs in the
 *  build's own process (prerenderEnvironment 'node'): the index started from the content files when
 *  the build began is used when its key is the catalog's; otherwise the endpoint's records are indexed. */
export const RECORDS_HANDOFF = Symbol.for('baoxiu.searchRecords');
export type SearchRecordsHandoff = {
  [RECORDS_HANDOFF]?: {
    /** The early index's key; undefined when none was started or it failed before its key. */
    early: Promise<string | undefined>;
    useEarly(): void;
    take(records: SearchRecord[]): void;
  };
};
