// Search in Chromium behind a CDN-like server: the first query's bytes and time, and later queries.
import { chromium } from 'playwright-core';
import { CHROMIUM, FLAGS, fmt, results, row, RUNS, stat } from './report.ts';

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
    for (let i = 0; i < RUNS + 2; i++) {
      const context = await browser.newContext({ ignoreHTTPSErrors: true }); // a cold cache each time
      const page = await context.newPage();
      await page.goto(`${site.url}/`, { waitUntil: 'networkidle' });
      let bytes = 0;
      page.on('requestfinished', async (r) => {
        if (/\/pagefind\/|search-worker/.test(r.url())) bytes += (await r.sizes()).responseBodySize;
      });
      // Timed inside the page: from the input event to the rendered results, no Playwright polling.
      const ask = (q: string) =>
        page.evaluate(
          (query) =>
            new Promise<number>((resolve) => {
              const input = document.querySelector<HTMLInputElement>('#site-search')!;
              const list = document.querySelector<HTMLElement>('#site-search-results')!;
              const start = performance.now();
              new MutationObserver((_, observer) => {
                if (list.dataset.query === query) {
                  observer.disconnect();
                  resolve(performance.now() - start);
                }
              }).observe(list, { attributes: true, childList: true });
              input.value = query;
              input.dispatchEvent(new Event('input'));
            }),
          q,
        );
      await page.focus('#site-search');
      first.push(await ask('吉首'));
      await page.waitForTimeout(200);
      firstBytes.push(bytes);
      later.push(await ask('长沙'));
      later.push(await ask('虎门'));
      await context.close();
    }
    results.search = { firstMs: stat(first), firstBytes: stat(firstBytes), laterMs: stat(later) };
    row(
      'search, first county query: transferred / time',
      `${(stat(firstBytes).median / 1024).toFixed(1)} KB / ${stat(first).median.toFixed(0)} ms`,
      '≤ 100 KB, ≤ 150 ms',
    );
    row('search, later queries', fmt(stat(later), 'ms'), '≤ 30 ms');
  } finally {
    await browser.close();
    site.server.close();
  }
}

