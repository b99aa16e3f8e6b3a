// Search in Chromium behind a CDN-like server: the first query's bytes and time, and later queries.
import { chromium, type Page } from 'playwright-core';
import { firstSearches } from './first-searches.ts';
import { CHROMIUM, FLAGS, fmt, results, row, RUNS, stat } from './report.ts';

/** Searched after the first (吉首, 湖南省): two more in 湖南省, one in 广东省. */
const LATER = ['长沙', '虎门', '乾州街道'];

/** A phone's round trip on 4G, in ms: the first search is timed so too (Chromium's network emulation). */
const RTT = 60;

/** One query's time, inside the page: from the input event to the rendered results, no Playwright
 *  polling. */
function asked(page: Page, query: string): Promise<number> {
  return page.evaluate(
    (q) =>
      new Promise<number>((resolve) => {
        const input = document.querySelector<HTMLInputElement>('#site-search')!;
        const list = document.querySelector<HTMLElement>('#site-search-results')!;
        const start = performance.now();
        new MutationObserver((_, observer) => {
          if (list.dataset.query === q) {
            observer.disconnect();
            resolve(performance.now() - start);
          }
        }).observe(list, { attributes: true, childList: true });
        input.value = q;
        input.dispatchEvent(new Event('input'));
      }),
    query,
  );
}

/** Search as a phone gets it from production: the built site behind a CDN-like server (HTTP/2,
 *  brotli for text; tests/static-server.ts), bytes as they travel (compressed), a cold cache each run. */
export async function search() {
  const { serve } = await import('../../tests/static-server.ts');
  const site = await serve('dist', { cdn: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...FLAGS, '--ignore-certificate-errors'] });
  try {
    const first: number[] = [];
    const firstBytes: number[] = [];
    const later: number[] = [];
    /** The covered places' fragments, fetched after the first answer (not part of the first search). */
    const ahead: number[] = [];
    /** What the first search fetches, by kind of file (the medians' run). */
    const parts: Record<string, number>[] = [];
    for (let i = 0; i < RUNS + 2; i++) {
      const context = await browser.newContext({ ignoreHTTPSErrors: true }); // a cold cache each time
      const page = await context.newPage();
      await page.goto(`${site.url}/`, { waitUntil: 'networkidle' });
      const ask = (q: string) => asked(page, q);
      await page.focus('#site-search');
      first.push(await ask('吉首'));
      await page.waitForTimeout(200);
      // The bytes as they travelled (compressed bodies), from the page's and its worker's Resource
      // Timing: not from Playwright's per-request events, whose round trips to the browser made this
      // process — the server too — busy during the searches timed (later queries 44 ms against 33),
      // and which gave 0 bytes for the worker's own script (6.3 KB, fetched on the box's first focus).
      const part: Record<string, number> = {};
      const read = () =>
        performance
          .getEntriesByType('resource')
          .map((e) => [e.name, (e as PerformanceResourceTiming).encodedBodySize] as [string, number]);
      for (const [url, size] of [...(await page.evaluate(read)), ...(await Promise.all(page.workers().map((w) => w.evaluate(read)))).flat()]) {
        if (!/\/pagefind\/|search-worker/.test(url)) continue;
        // Fetched after the first answer, for the searches after it (src/scripts/fragments-ahead.ts).
        if (/\/pagefind\/covered\//.test(url)) {
          ahead.push(size);
          continue;
        }
        const kind = /search-worker/.test(url)
          ? 'our worker'
          : (url.match(/\.(pf_meta|pf_index|pf_fragment|pf_filter|pagefind)$|pagefind(-entry)?\.js(on)?$/)?.[0] ?? 'other');
        part[kind] = (part[kind] ?? 0) + size;
      }
      firstBytes.push(Object.values(part).reduce((a, b) => a + b, 0));
      parts.push(part);
      for (const q of LATER) later.push(await ask(q));
      await context.close();
    }
    // The same first search where each round trip takes a phone's (RTT; the search worker's fetches
    // obey the emulation too): what the round trips in a row cost, which the loopback hides.
    const slow: number[] = [];
    for (let i = 0; i < RUNS + 2; i++) {
      const context = await browser.newContext({ ignoreHTTPSErrors: true });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: RTT, downloadThroughput: -1, uploadThroughput: -1 });
      await page.goto(`${site.url}/`, { waitUntil: 'networkidle' });
      await page.focus('#site-search');
      slow.push(await asked(page, '吉首'));
      await context.close();
    }
    const median = parts[firstBytes.indexOf([...firstBytes].sort((a, b) => a - b)[Math.floor(firstBytes.length / 2)])];
    const laterBy = Object.fromEntries(LATER.map((q, i) => [q, stat(later.filter((_, j) => j % LATER.length === i))]));
    results.search = {
      firstMs: stat(first),
      firstBytes: stat(firstBytes),
      firstAtRttMs: stat(slow),
      laterMs: stat(later),
      laterBy,
      aheadBytes: ahead.length ? stat(ahead) : undefined,
      firstParts: median,
    };
    row(
      'search, first county query: transferred / time',
      `${(stat(firstBytes).median / 1024).toFixed(1)} KB / ${stat(first).median.toFixed(0)} ms`,
      '≤ 100 KB, ≤ 150 ms',
    );
    row(`search, first county query at ${RTT} ms round trips`, fmt(stat(slow), 'ms'), '');
    row(`search, later queries (${LATER.join(', ')})`, fmt(stat(later), 'ms'), '≤ 30 ms');
    console.log(`  by query: ${Object.entries(laterBy).map(([q, s]) => `${q} ${fmt(s, 'ms')}`).join(', ')}`);
    if (ahead.length) console.log(`  fetched after the first answer: ${(stat(ahead).median / 1024).toFixed(1)} KB (the covered places' fragments)`);
    console.log(
      `  first search, by file: ${Object.entries(median)
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => `${k} ${(v / 1024).toFixed(1)} KB`)
        .join(', ')}`,
    );
  } finally {
    await browser.close();
    site.server.close();
  }
  const median = (results.search as { firstParts: Record<string, number> }).firstParts;
  await firstSearches(['.pagefind', 'pagefind.js', 'our worker', 'other'].reduce((sum, k) => sum + (median[k] ?? 0), 0));
  await plainSearch();
}

/** Search without JavaScript (functions/regions/places.ts), in Node over the build's files: the
 *  index the Worker builds on an isolate's first such search, and a query after it. */
async function plainSearch() {
  const { readFileSync } = await import('node:fs');
  const { CatalogIndex } = await import('../../functions/catalog.ts');
  const { PlaceIndex } = await import('../../functions/regions/places.ts');
  const json = (file: string) => JSON.parse(readFileSync(`dist/${file}`, 'utf8'));
  const files = ['catalog.json', 'uncovered-regions.json', 'towns.json', 'search-pinyin.json'].map(json);
  const build: number[] = [];
  // The towns' pinyin is indexed at the first query that needs it: that query's own time.
  const spoken: number[] = [];
  let index!: InstanceType<typeof PlaceIndex>;
  for (let i = 0; i < RUNS + 4; i++) {
    let start = performance.now();
    index = new PlaceIndex(new CatalogIndex(files[0]), files[1], files[2], undefined, undefined, files[3]);
    build.push(performance.now() - start);
    start = performance.now();
    index.find('qianzhou jishou');
    spoken.push(performance.now() - start);
  }
  const queries = ['吉首', '湖南吉首乾州', '城关镇', '乾州街道世纪山水小区人民路18号', 'jishou', 'qianzhou jishou', '火星乡'];
  const query: number[] = [];
  for (const q of queries) {
    const start = performance.now();
    for (let i = 0; i < 100; i++) index.find(q);
    query.push((performance.now() - start) / 100);
  }
  results.plainSearch = { indexMs: stat(build), firstPinyinMs: stat(spoken), queryMs: stat(query), places: index.places.length };
  row(`search without JavaScript: index of ${index.places.length} places, in Node`, fmt(stat(build), 'ms'));
  row('search without JavaScript: the first query in pinyin (its towns indexed)', fmt(stat(spoken), 'ms'));
  row(`search without JavaScript: a query (${queries.length} kinds)`, fmt(stat(query), 'ms', 2));
}

