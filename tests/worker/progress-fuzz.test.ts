// Property-based fuzzing (fast-check) of the customer's progress look-up and cancel inside workerd:
// 4,000 generated requests — real references with right and wrong tails, made-up ones, every body
// shape, other sites — no 5xx, every error a Chinese message, and no lead cancelled without its proof.
import { env, exports } from 'cloudflare:workers';
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { freshPhone, ORIGIN, post, valid } from './helpers.ts';

const BATCH = 50;
// 4,000 requests a run; each run draws a new seed, so CI's runs add up.
const BATCHES = 80;
const STATUSES = new Set([200, 400, 403, 404, 409, 413, 429]);
const CHINESE = /[\u4e00-\u9fff]/;
const leads: { reference: string; tail: string }[] = [];

beforeAll(async () => {
  for (let i = 0; i < 3; i++) {
    const phone = freshPhone();
    const { reference } = (await (await post({ ...valid(), phone })).json()) as { reference: string };
    leads.push({ reference, tail: phone.slice(-4) });
  }
});

/** The lead these fields prove, if any: its reference (any case) and its own tail. */
const proofOf = (b: { reference: string; tail: string }) =>
  leads.find((l) => l.reference === b.reference.trim().toUpperCase() && l.tail === b.tail.trim())?.reference;

const cases = () => {
  const reference = fc.oneof(
    fc.constantFrom(...leads.map((l) => l.reference)),
    fc.constantFrom(...leads.map((l) => l.reference.toLowerCase())),
    fc.stringMatching(/^BX-\d{6}-\d{6}$/),
    fc.string({ maxLength: 30 }),
    fc.constantFrom('', ' ', 'BX-', "BX-261130-1' OR 1=1", '<script>', '\ud800', 'ｂｘ-２６１１３０-１２３４５６'),
  );
  const tail = fc.oneof(fc.stringMatching(/^\d{4}$/), fc.string({ maxLength: 8 }), fc.constantFrom('', '0000', '１２３４'));
  const body = fc.oneof(
    fc.record({ reference, tail }).map((b) => ({ type: 'application/json', body: JSON.stringify(b), proof: proofOf(b) })),
    fc
      .record({ reference, tail })
      .map((b) => ({ type: 'application/x-www-form-urlencoded', body: new URLSearchParams(b).toString(), proof: proofOf(b) })),
    fc.jsonValue({ maxDepth: 2 }).map((v) => ({ type: 'application/json', body: JSON.stringify(v) })),
    fc.string({ maxLength: 100 }).map((s) => ({ type: 'application/json', body: s })),
    fc
      .integer({ min: 2049, max: 6000 })
      .map((n) => ({ type: 'application/json', body: JSON.stringify({ reference: 'x'.repeat(n) }) })),
  );
  return fc.record({
    path: fc.constantFrom('/api/progress', '/api/progress/cancel', '/api/progress/'),
    body,
    page: fc.boolean(),
    origin: fc.constantFrom(ORIGIN, ORIGIN, ORIGIN, 'https://evil.example'),
    ip: fc.ipV4(),
  });
};

it(
  `${BATCH * BATCHES} fuzzed progress requests: no 5xx, Chinese errors, nothing cancelled without the proof`,
  { timeout: 180_000 },
  async () => {
    const proven = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.array(cases(), { minLength: BATCH, maxLength: BATCH }), async (batch) => {
        const problems = await Promise.all(
          batch.map(async (c) => {
            const res = await exports.default.fetch(
              new Request(`${ORIGIN}${c.path}`, {
                method: 'POST',
                headers: {
                  'content-type': c.body.type,
                  origin: c.origin,
                  'cf-connecting-ip': c.ip,
                  ...(c.page ? { accept: 'text/html' } : {}),
                },
                body: c.body.body,
              }),
            );
            const where = `${c.path} ${c.body.body.slice(0, 80)} → ${res.status}`;
            const proof = 'proof' in c.body ? c.body.proof : undefined;
            if (proof && c.path.endsWith('/cancel') && res.status === 200) proven.add(proof);
            if (!STATUSES.has(res.status)) return `${where}: unexpected status`;
            if ((res.headers.get('content-type') ?? '').includes('application/json') && res.status !== 200) {
              const { errors } = (await res.json()) as { errors?: Record<string, string> };
              if (!errors || !Object.values(errors).every((m) => CHINESE.test(m))) return `${where}: ${JSON.stringify(errors)}`;
            }
            return null;
          }),
        );
        expect(problems.filter(Boolean)).toEqual([]);
      }),
      { numRuns: BATCHES, seed: Number(process.env.FUZZ_SEED || Date.now() % 2 ** 31), endOnFailure: true, verbose: 0 },
    );
    // A cancel needs the lead's own tail: exactly the leads a request proved and cancelled are cancelled.
    const cancelled = await env.DB.prepare(
      `SELECT reference FROM leads WHERE stage = 'cancelled' AND reference IN (${leads.map(() => '?').join(',')})`,
    )
      .bind(...leads.map((l) => l.reference))
      .all<{ reference: string }>();
    expect(new Set(cancelled.results.map((r) => r.reference))).toEqual(proven);
  },
);
