// What the build hands Pagefind (src/pages/search-records.json.ts → scripts/search-index.ts): kept
// apart from both, so the build's config can load the integration without the content layer.
import type { Place } from '../scripts/search-hits.ts';

export interface SearchRecord {
  url: string;
  content: string;
  /** A region page: one Place. A group of uncovered regions: `places`, their Places in content order,
   *  as JSON (src/scripts/search-core.ts reads which one a word belongs to). */
  meta: Place | { places: string; covered: '0' };
  filters: Record<string, string[]>;
}

/** Where the build's search-index integration waits for the records, to index them while Astro
 *  renders the pages (prerendering runs in the build's own process: prerenderEnvironment 'node'). */
export const RECORDS_HANDOFF = Symbol.for('baoxiu.searchRecords');
export type SearchRecordsHandoff = { [RECORDS_HANDOFF]?: (records: SearchRecord[]) => void };
