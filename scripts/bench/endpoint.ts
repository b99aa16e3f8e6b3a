// The lead endpoint under wrangler dev: fixed rates and saturation beside a no-op route (the local
// runtime's floor), and the delay from a lead's answer to its outbox line (the delivery queue).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { freePort, migrate, secretsFile, startWranglerDev } from '../wrangler-dev.ts';
import { QUICK, results, row, stat } from './report.ts';

/** wrangler dev on a free port with its own state; `seen` is when each lead's outbox line appeared. */
async function startWorker() {
  const state = mkdtempSync(join(tmpdir(), 'baoxiu-bench-state-'));
  migrate(state);
  const key = `bench:${Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64')}`;
  const dev = await startWranglerDev({
    port: await freePort(),
    persistTo: state,
    envFiles: [secretsFile({ LEADS_ENCRYPTION_KEY: key }, join(state, 'secrets'))],
    output: 'pipe',
  });
  const seen = new Map<string, number>();
  const watch = (d: Buffer) => {
    for (const m of String(d).matchAll(/\[outbox\] lead (BX-\d{6}-\d{6})/g)) if (!seen.has(m[1])) seen.set(m[1], performance.now());
  };
  dev.process.stdout!.on('data', watch);
  dev.process.stderr!.on('data', watch);
  return { url: dev.url, seen, stop: dev.stop, state };
}

let n = 0;
const leadBody = () =>
  JSON.stringify({
    name: '压测',
    phone: `137${String(n++ % 1e8).padStart(8, '0')}`,
    region: '433101',
    description: '基准测试',
    consent: true, abroad: true,
    requestId: crypto.randomUUID(),
  });
const ipOf = () => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

export async function endpoint() {
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

