// Lighthouse (mobile preset) on each page type, in Debian's Chromium.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../wrangler-dev.ts';
import { CHROMIUM, FLAGS, results, row, RUNS, stat } from './report.ts';

export async function lighthouseScores(dist: string) {
  const { serve } = await import('../../tests/static-server.ts');
  const { url, server } = await serve(dist);
  const { default: lighthouse } = await import('lighthouse');
  const port = await freePort();
  const chrome = spawn(
    CHROMIUM,
    [...FLAGS, `--remote-debugging-port=${port}`, '--user-data-dir=' + mkdtempSync(join(tmpdir(), 'lh-')), 'about:blank'],
    { stdio: 'ignore' },
  );
  await new Promise((r) => setTimeout(r, 1500));
  const scores: Record<string, unknown> = {};
  try {
    // A first run warms Chromium and the disk cache; it is not counted (it once scored home 98 on TBT).
    await lighthouse(url + '/', { port, output: 'json', logLevel: 'error' });
    for (const [type, path] of Object.entries({
      home: '/',
      brand: '/brands/jianxia/',
      province: '/hunan/',
      county: '/hunan/xiangxi/jishou/',
    })) {
      const runs: Record<'performance' | 'accessibility' | 'bestPractices' | 'seo' | 'lcpMs' | 'tbtMs' | 'cls', number>[] = [];
      for (let i = 0; i < RUNS; i++) {
        const result = await lighthouse(url + path, { port, output: 'json', logLevel: 'error' });
        const lhr = result!.lhr;
        runs.push({
          performance: lhr.categories.performance.score! * 100,
          accessibility: lhr.categories.accessibility.score! * 100,
          bestPractices: lhr.categories['best-practices'].score! * 100,
          seo: lhr.categories.seo.score! * 100,
          lcpMs: lhr.audits['largest-contentful-paint'].numericValue!,
          tbtMs: lhr.audits['total-blocking-time'].numericValue!,
          cls: lhr.audits['cumulative-layout-shift'].numericValue!,
        });
      }
      const m = (k: keyof (typeof runs)[0]) => stat(runs.map((r) => r[k] as number));
      scores[type] = Object.fromEntries(Object.keys(runs[0]).map((k) => [k, m(k as never)]));
      row(
        `lighthouse ${type} (mobile): perf/a11y/bp/seo`,
        `${m('performance').median}/${m('accessibility').median}/${m('bestPractices').median}/${m('seo').median}`,
        '100/100/100/100',
      );
      row(
        `lighthouse ${type}: LCP / TBT / CLS`,
        `${m('lcpMs').median.toFixed(0)} ms / ${m('tbtMs').median.toFixed(0)} ms / ${m('cls').median.toFixed(3)}`,
      );
    }
  } finally {
    chrome.kill();
    server.close();
  }
  results.lighthouse = scores;
}

