// npm run bench [-- --quick]: builds, page weight, Lighthouse, search and the lead endpoint, measured
// on this machine. Prints a table and writes bench/results.json. Medians of several runs, with min
// and max; the machine is shared, so read ratios, not single numbers.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { chromium } from 'playwright-core';
import { buildRegions } from '../src/lib/regions.ts';

// Tools' shebangs find `node` on PATH: the pinned Node 24, also when this runs without npm.
process.env.PATH = `${join(process.cwd(), 'node_modules/.bin')}:${process.env.PATH}`;
const QUICK = process.argv.includes('--quick');
/** `--only search` (or build, weight, lighthouse, endpoint) runs one section. */
const ONLY = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const wanted = (section: string) => !ONLY || ONLY === section;
const RUNS = QUICK ? 1 : 3;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

type Stat = { median: number; min: number; max: number; runs: number };
const stat = (xs: number[]): Stat => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return { median: s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2, min: s[0], max: s.at(-1)!, runs: s.length };
};
const results: Record<string, unknown> = { date: new Date().toISOString(), quick: QUICK };
const rows: [string, string, string][] = [];
const row = (what: string, value: string, target = '') => {
  rows.push([what, value, target]);
  console.log(`${what.padEnd(46)} ${value.padEnd(34)} ${target}`);
};
const fmt = (s: Stat, unit: string, digits = 0) =>
  `${s.median.toFixed(digits)} ${unit} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)}, n=${s.runs})`;

function countFiles(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      const sub = countFiles(p);
      files += sub.files;
      bytes += sub.bytes;
    } else {
      files++;
      bytes += statSync(p).size;
    }
  }
  return { files, bytes };
}

/** One timed run of a command: wall seconds and the peak RSS of its largest process (GNU time). */
function timed(cmd: string[], env: NodeJS.ProcessEnv): { seconds: number; peakMb: number } {
  const res = spawnSync('/usr/bin/time', ['-f', '%e %M', ...cmd], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  if (res.status !== 0) throw new Error(`${cmd.join(' ')} failed:\n${res.stderr.slice(-2000)}`);
  const [seconds, kb] = res.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  return { seconds, peakMb: kb / 1024 };
}

function benchBuild(name: string, contentDir: string | undefined, runs: number) {
  const root = mkdtempSync(join(tmpdir(), `baoxiu-bench-${name}-`));
  const out = join(root, 'dist');
  const env = {
    BAOXIU_OUT_DIR: out,
    BAOXIU_CACHE_DIR: join(root, 'cache'),
    ...(contentDir ? { BAOXIU_CONTENT_DIR: contentDir } : {}),
  };
  const walls: number[] = [];
  const peaks: number[] = [];
  for (let i = 0; i < runs; i++) {
    rmSync(join(root, 'cache'), { recursive: true, force: true }); // a cold build each time
    const site = timed(['node_modules/.bin/astro', 'build'], env);
    const index = timed(['node_modules/.bin/node', 'scripts/search-index.ts'], env);
    walls.push(site.seconds + index.seconds);
    peaks.push(Math.max(site.peakMb, index.peakMb));
  }
  const pages = readdirSync(out, { recursive: true }).filter((f) => String(f).endsWith('.html')).length;
  const { files } = countFiles(out);
  const index = countFiles(join(out, 'pagefind'));
  const wall = stat(walls);
  results[`build.${name}`] = {
    wallSeconds: wall,
    peakMb: stat(peaks),
    pages,
    files,
    searchIndexBytes: index.bytes,
    msPerPage: (wall.median * 1000) / pages,
  };
  row(`build ${name}: site + index`, fmt(wall, 's', 1), name === 'all-china' ? '≤ 30 s' : '');
  row(
    `build ${name}: per page`,
    `${((wall.median * 1000) / pages).toFixed(2)} ms × ${pages} pages`,
    'Hugo ≈ 0.17, Eleventy ≈ 0.5 ms',
  );
  row(`build ${name}: peak memory`, fmt(stat(peaks), 'MB'), name === 'all-china' ? '≤ 3 GB' : '');
  row(`build ${name}: output`, `${files} files, search index ${(index.bytes / 1024 / 1024).toFixed(1)} MB`, '< 20,000 files');
  return { root, out };
}

/** ~10,000 pages: the whole country plus 6,580 fictional brands, each covering one county. */
function synthetic(): string {
  const dir = mkdtempSync(join(tmpdir(), 'baoxiu-10k-'));
  cpSync('tests/fixtures/all-china', dir, { recursive: true });
  const counties = buildRegions()
    .filter((r) => r.level === 'county')
    .map((r) => r.code);
  for (let i = 0; i < 6580; i++) {
    writeFileSync(
      join(dir, 'brands', `b${i}.md`),
      `---\nname: 合成品牌${i}\ncategory: 家电\nrelationship: independent\n---\n合成测试品牌 ${i}。\n`,
    );
    writeFileSync(join(dir, 'coverage', `b${i}.yaml`), `brand: b${i}\nregions:\n  - code: "${counties[i % counties.length]}"\n`);
  }
  return dir;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

async function pageWeight(dist: string) {
  const { serve } = await import('../tests/static-server.ts');
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

async function lighthouseScores(dist: string) {
  const { serve } = await import('../tests/static-server.ts');
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
      const runs = [];
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

/** Starts wrangler dev on a free port with its own state; resolves with its URL and log reader. */
async function startWorker() {
  const state = mkdtempSync(join(tmpdir(), 'baoxiu-bench-state-'));
  const env = { ...process.env, CLOUDFLARE_INCLUDE_PROCESS_ENV: 'false' };
  spawnSync('node_modules/.bin/wrangler', ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', state], {
    encoding: 'utf8',
    env,
  });
  const port = await freePort();
  const key = `bench:${Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64')}`;
  const dev = spawn(
    'node_modules/.bin/wrangler',
    [
      'dev',
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--persist-to',
      state,
      '--show-interactive-dev-session=false',
      '--var',
      `LEADS_ENCRYPTION_KEY:${key}`,
    ],
    {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env,
    },
  );
  let log = '';
  const seen = new Map<string, number>();
  const onData = (d: Buffer) => {
    log += d;
    for (const m of String(d).matchAll(/\[outbox\] lead (BX-\d{6}-\d{6})/g))
      if (!seen.has(m[1])) seen.set(m[1], performance.now());
  };
  dev.stdout.on('data', onData);
  dev.stderr.on('data', onData);
  const url = `http://127.0.0.1:${port}`;
  let up = false;
  for (let i = 0; i < 240 && !up && dev.exitCode === null; i++) {
    up = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (!up) await new Promise((r) => setTimeout(r, 250));
  }
  if (!up) throw new Error(`wrangler dev did not start:\n${log.slice(-2000)}`);
  return { url, seen, stop: () => void (dev.exitCode === null && process.kill(-dev.pid!, 'SIGTERM')), log: () => log, state };
}

let n = 0;
const leadBody = () =>
  JSON.stringify({
    name: '压测',
    phone: `137${String(n++ % 1e8).padStart(8, '0')}`,
    region: '433101',
    description: '基准测试',
    consent: true,
    requestId: crypto.randomUUID(),
  });
const ipOf = () => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

async function endpoint() {
  const worker = await startWorker();
  try {
    const probe = await fetch(`${worker.url}/api/leads`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'cf-connecting-ip': '10.9.9.9' },
      body: leadBody(),
    });
    if (probe.status !== 201) throw new Error(`endpoint probe: HTTP ${probe.status} ${await probe.text()}`);
    /** autocannon at a fixed rate, or flat out with 50 connections when no rate is given. */
    const load = (path: string, rate: number | undefined, options: Partial<autocannon.Options> = {}) =>
      new Promise<autocannon.Result>((resolve, reject) =>
        autocannon(
          {
            url: `${worker.url}${path}`,
            connections: rate ? Math.min(50, Math.ceil(rate / 10)) : 50,
            ...(rate ? { overallRate: rate } : {}),
            duration: QUICK ? 5 : 10,
            ...options,
          },
          (err, res) => (err ? reject(err) : resolve(res)),
        ),
      );
    const run = (rate?: number) =>
      load('/api/leads', rate, {
        method: 'POST',
        requests: [
          {
            setupRequest: (req) => ({
              ...req,
              headers: { 'content-type': 'application/json', 'cf-connecting-ip': ipOf() },
              body: leadBody(),
            }),
          },
        ],
      });
    // The floor: a route that does nothing (404: no D1, no limits) on the same server, measured before
    // any lead (afterwards the queue consumer would still be draining their deliveries).
    const nothing = (rate?: number) => load('/api/nothing', rate);
    const [noop200, noop] = [await nothing(200), await nothing()];
    const endpointResults: Record<string, unknown> = {
      noopFloor: { at200: { p50: noop200.latency.p50, p99: noop200.latency.p99 }, saturation: noop.requests.average },
    };
    // Each load starts once the deliveries of the one before are out (the consumer shares the CPU).
    let accepted = 1;
    const drained = async () => {
      for (let t = 0; t < 600 && worker.seen.size < accepted; t++) await new Promise((r) => setTimeout(r, 100));
    };
    for (const rate of [50, 200, 500]) {
      await drained();
      const r = await run(rate);
      accepted += r['2xx'];
      const non2xx = r.non2xx + r.errors + r.timeouts;
      endpointResults[`${rate}rps`] = { p50: r.latency.p50, p99: r.latency.p99, throughput: r.requests.average, errors: non2xx };
      row(
        `lead endpoint @ ${rate} req/s: p50 / p99 / errors`,
        `${r.latency.p50} ms / ${r.latency.p99} ms / ${non2xx}`,
        rate === 200 ? 'p99 ≤ 25 ms, 0 errors' : '',
      );
    }
    await drained();
    const sat = await run(undefined);
    accepted += sat['2xx'];
    await drained();
    endpointResults.saturation = { throughput: sat.requests.average, p99: sat.latency.p99, errors: sat.non2xx + sat.errors };
    row(
      'lead endpoint at saturation (50 connections)',
      `${sat.requests.average.toFixed(0)} req/s, p99 ${sat.latency.p99} ms`,
      '≥ 1,000 req/s',
    );
    row('  floor: a no-op route @ 200 req/s: p50 / p99', `${noop200.latency.p50} ms / ${noop200.latency.p99} ms`, '');
    row('  floor: a no-op route at saturation', `${noop.requests.average.toFixed(0)} req/s`, '');

    // Lead → outbox: from the 201 to the outbox log line.
    const delays: number[] = [];
    for (let i = 0; i < (QUICK ? 10 : 30); i++) {
      const res = await fetch(`${worker.url}/api/leads`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'cf-connecting-ip': ipOf() },
        body: leadBody(),
      });
      const answered = performance.now();
      const { reference } = (await res.json()) as { reference: string };
      for (let t = 0; t < 200 && !worker.seen.has(reference); t++) await new Promise((r) => setTimeout(r, 25));
      if (worker.seen.has(reference)) delays.push(worker.seen.get(reference)! - answered);
    }
    const sorted = [...delays].sort((a, b) => a - b);
    const p95 = sorted[Math.floor(sorted.length * 0.95) - 1] ?? NaN;
    endpointResults.outboxDelayMs = { ...stat(delays), p95 };
    row('lead → outbox delivery: median / p95', `${stat(delays).median.toFixed(0)} ms / ${p95.toFixed(0)} ms`, 'p95 ≤ 3,000 ms');
    results.endpoint = endpointResults;
  } finally {
    worker.stop();
    rmSync(worker.state, { recursive: true, force: true });
  }
}

/** Search as a phone gets it from production: the built site behind a CDN-like server (HTTP/2,
 *  brotli for text; tests/static-server.ts), bytes as they travel (compressed), a cold cache each run. */
async function search() {
  const { serve } = await import('../tests/static-server.ts');
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

console.log(`baoxiu bench ${QUICK ? '(quick)' : ''} — ${new Date().toISOString()}\n`);
const needsSample = wanted('build') || wanted('weight') || wanted('lighthouse');
const sample = needsSample ? benchBuild('sample', undefined, wanted('build') ? RUNS : 1) : undefined;
if (wanted('build')) {
  benchBuild('all-china', 'tests/fixtures/all-china', RUNS);
  const tenK = synthetic();
  benchBuild('synthetic-10k', tenK, 1);
  rmSync(tenK, { recursive: true, force: true });
}
if (sample && wanted('weight')) await pageWeight(sample.out);
if (sample && wanted('lighthouse'))
  await lighthouseScores(sample.out).catch((err) => row('lighthouse', `not measured: ${String(err).slice(0, 120)}`));
if (!existsSync('dist/index.html')) spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
if (wanted('search')) await search();
if (wanted('endpoint')) await endpoint();
if (sample) rmSync(sample.root, { recursive: true, force: true });

mkdirSync('bench', { recursive: true });
writeFileSync('bench/results.json', JSON.stringify({ ...results, table: rows }, null, 2));
console.log('\nwrote bench/results.json');
process.exit(0);
