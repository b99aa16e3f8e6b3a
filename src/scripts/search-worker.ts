// Pagefind in a Web Worker: search stays off the main thread, and Pagefind, finding no document
// language here, does not re-segment Chinese queries with Intl.Segmenter — a segmentation that need
// not match the index's (Pagefind issue #1237). The index holds whole names (src/lib/search-terms.ts).
interface Pagefind {
  init(): Promise<void>;
  options(o: object): Promise<void>;
  search(q: string, o?: object): Promise<{ results: { data(): Promise<{ url: string; meta: Record<string, string> }> }[] }>;
}

/** How many of Pagefind's results are re-ranked; the page shows fewer. */
const LIMIT = 12;
const LEVEL = ['province', 'prefecture', 'county', 'town'];
// Exact words over frequent ones: 东莞 should find 东莞市 before its towns.
const RANKING = { termFrequency: 0.2, termSimilarity: 5, pageLength: 0.5 };
let pagefind: Promise<Pagefind> | undefined;

/** A place whose own name is the query comes first, bigger places before smaller (长沙 → 长沙市,
 *  then 长沙县); otherwise Pagefind's order stands. */
function rerank<T extends { meta: Record<string, string> }>(q: string, results: T[]): T[] {
  const query = q.replace(/\s+/g, '').toLowerCase();
  const exact = (m: Record<string, string>) => [m.title, m.short, ...(m.pinyin ?? '').split(' ')].includes(query);
  const rank = (m: Record<string, string>) => (exact(m) ? LEVEL.indexOf(m.level) : LEVEL.length);
  return results
    .map((r, i) => ({ r, i }))
    .sort((a, b) => rank(a.r.meta) - rank(b.r.meta) || a.i - b.i)
    .map(({ r }) => r);
}

self.onmessage = async (event: MessageEvent<{ id: number; q: string; filters: Record<string, string> }>) => {
  const { id, q, filters } = event.data;
  try {
    const url = '/pagefind/pagefind.js';
    pagefind ??= import(/* @vite-ignore */ url).then(async (m: Pagefind) => {
      await m.options({ ranking: RANKING });
      await m.init();
      return m;
    });
    const search = await (await pagefind).search(q, { filters });
    const results = await Promise.all(search.results.slice(0, LIMIT).map((r) => r.data()));
    postMessage({
      id,
      results: rerank(
        q,
        results.map(({ url, meta }) => ({ url, meta })),
      ),
    });
  } catch (err) {
    postMessage({ id, error: String(err) });
  }
};
