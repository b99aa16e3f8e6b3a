// Page weight per page type: HTML (gzip), inline CSS, JavaScript and requests, in Chromium.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM, FLAGS, results, row } from './report.ts';

export async function pageWeight(dist: string) {
  const { serve } = await import('../../tests/static-server.ts');
  const { url, server } = await serve(dist);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  const types = { home: '/', brand: '/brands/jianxia/', province: '/hunan/', county: '/hunan/xiangxi/jishou/' };
  const weights: Record<string, unknown> = {};
  for (const [type, path] of Object.entries(types)) {
    const file = join(dist, path, 'index.html');
    const html = readFileSync(file);
    const css = [...html.toString().matchAll(/<style>(.*?)<\/style>/gs)].reduce((n, m) => n + Buffer.byteLength(m[1]), 0);
    const page = await browser.newPage();
    await page.goto(url + path, { waitUntil: 'networkidle' });
    // From the page's own resource timing: every request after the document, and the scripts' bytes.
    const { js, requests } = await page.evaluate(() => {
      const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const scripts = entries.filter((e) => e.initiatorType === 'script' || /\.m?js(\?|$)/.test(e.name));
      return { js: scripts.reduce((n, e) => n + e.decodedBodySize, 0), requests: entries.length + 1 };
    });
    const blocking = await page.evaluate(
      () =>
        [...document.querySelectorAll('script[src]')].filter(
          (s) => !(s as HTMLScriptElement).type.includes('module') && !s.hasAttribute('defer') && !s.hasAttribute('async'),
        ).length,
    );
    await page.close();
    const gz = gzipSync(html).length;
    weights[type] = {
      htmlBytes: html.length,
      htmlGzipBytes: gz,
      inlineCssBytes: css,
      jsBytes: js,
      requests,
      renderBlockingScripts: blocking,
    };
    row(
      `page ${type}: HTML gzip / CSS / JS / requests`,
      `${(gz / 1024).toFixed(1)} KB / ${(css / 1024).toFixed(1)} KB / ${(js / 1024).toFixed(1)} KB / ${requests}`,
      type === 'county' ? 'HTML+CSS ≤ 14 KB gzip' : '',
    );
  }
  results.pageWeight = weights;
  await browser.close();
  server.close();
}

