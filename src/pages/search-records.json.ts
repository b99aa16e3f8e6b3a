// The records Pagefind indexes (src/lib/search-records-build.ts), handed to the build's search-index
// integration (scripts/search-index.ts). The build starts an index from the content files before Astro
// reads them (scripts/search-index-early.ts); this endpoint confirms it was made from the same brands
// and coverage as the pages, or computes the records itself.
import type { APIRoute } from 'astro';
import { catalog } from '../lib/catalog.ts';
import { buildSearchRecords } from '../lib/search-records-build.ts';
import { RECORDS_HANDOFF, recordsKey, type SearchRecordsHandoff } from '../lib/search-records.ts';

export const GET: APIRoute = async () => {
  const input = await catalog();
  const handoff = (globalThis as SearchRecordsHandoff)[RECORDS_HANDOFF];
  if (handoff && (await handoff.early) === recordsKey(input)) {
    handoff.useEarly();
    return new Response('[]');
  }
  const records = buildSearchRecords(input);
  handoff?.take(records);
  return new Response(JSON.stringify(records));
};
