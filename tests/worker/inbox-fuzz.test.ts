// Property-based fuzzing (fast-check) of the inbox's handlers (POST /admin/…) inside workerd:
// 4,000 generated requests to every route — sign-in, setup, passkeys, working a lead, retrying,
// staff management — with real and made-up ids, every body shape, and with or without a session
// and from this site or another. No answer is a 5xx, every error is a clear Chinese message (JSON)
// or a redirect to a page of the inbox, and the half without a valid session from this site
// changes nothing at all.
import { env, exports } from 'cloudflare:workers';
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { ORIGIN, post, valid } from './helpers.ts';
import { staffSession } from './inbox.ts';

const BATCH = 50;
// Per half: 2 × 2,000 requests a run; each run draws a new seed, so CI's runs add up.
const BATCHES = 40;
const STATUSES = new Set([200, 201, 303, 400, 401, 403, 404, 409, 410, 413, 429]);
const CHINESE = /[\u4e00-\u9fff]/;

let ids: { leads: string[]; deliveries: string[]; staff: string[] };
let owner: string;
beforeAll(async () => {
  owner = (await staffSession('owner')).cookie;
  const leads: string[] = [];
  for (let i = 0; i < 3; i++) leads.push(((await (await post(valid())).json()) as { id: string }).id);
  const d = await env.DB.prepare('SELECT id FROM deliveries LIMIT 3').all<{ id: string }>();
  const s = await env.DB.prepare('SELECT id FROM staff LIMIT 3').all<{ id: string }>();
  ids = { leads, deliveries: d.results.map((r) => r.id), staff: s.results.map((r) => r.id) };
});

const oddId = fc.oneof(
  fc.string({ minLength: 1, maxLength: 80 }),
  fc.constantFrom('..%2F..%2Fapi', '%00', "1' OR '1'='1", '<script>', '🔧'.repeat(30), 'a'.repeat(2000), '%E4%B8'),
  fc.uuid(),
);
const idOf = (kind: keyof typeof ids) =>
  fc.oneof(
    fc.constantFrom(...(['x'] as string[])).chain(() => fc.constantFrom(...ids[kind])),
    oddId,
  );

const route = fc.oneof(
  fc.constant('/sign-in'),
  fc.constant('/setup'),
  fc.constant('/sign-out'),
  fc.constant('/passkeys/sign-in/options'),
  fc.constant('/passkeys/sign-in'),
  fc.constant('/passkeys/register/options'),
  fc.constant('/passkeys/register'),
  oddId.map((id) => `/passkeys/${encodeURIComponent(id)}/remove`),
  fc
    .tuple(fc.constantFrom('stage', 'assign', 'notes', 'spam', 'forget'), fc.constant(0))
    .chain(([what]) => idOf('leads').map((id) => `/leads/${encodeURIComponent(id)}/${what}`)),
  idOf('deliveries').map((id) => `/deliveries/${encodeURIComponent(id)}/retry`),
  fc.constant('/staff'),
  fc
    .tuple(fc.constantFrom('disable', 'setup-link'), idOf('staff'))
    .map(([what, id]) => `/staff/${encodeURIComponent(id)}/${what}`),
  oddId.map((h) => `/sessions/${encodeURIComponent(h)}/revoke`),
  // Not `.` or `..`: a URL's dot segments are resolved before a request leaves (/admin/.. is /).
  fc
    .string({ maxLength: 40 })
    .filter((p) => p !== '.' && p !== '..')
    .map((p) => `/${encodeURIComponent(p)}`),
);

const FIELDS = [
  'stage',
  'appointmentAt',
  'reason',
  'staff',
  'text',
  'spam',
  'confirm',
  'name',
  'role',
  'password',
  'code',
  'response',
];
const value = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.constantFrom(
    'new',
    'contacted',
    'scheduled',
    'done',
    'cancelled',
    '2026-02-30T25:61',
    '2026-11-25T09:30',
    'yes',
    '1',
    '0',
    'owner',
  ),
  fc.constantFrom('修'.repeat(1001), '<img src=x onerror=alert(1)>', '\u0000', '\ud800'),
);
const fields = fc.dictionary(fc.oneof(fc.constantFrom(...FIELDS), fc.string({ maxLength: 12 })), value, { maxKeys: 5 });

interface Case {
  path: string;
  headers: Record<string, string>;
  body?: string;
  method: string;
}

const body = fc.oneof(
  fields.map((f) => ({ type: 'application/json', body: JSON.stringify(f) })),
  fields.map((f) => ({ type: 'application/x-www-form-urlencoded', body: new URLSearchParams(f).toString() })),
  fc.jsonValue({ maxDepth: 3 }).map((v) => ({ type: 'application/json', body: JSON.stringify(v) })),
  fc
    .string({ maxLength: 200 })
    .map((s) => ({ type: fc.sample(fc.constantFrom('application/json', 'text/plain', ''), 1)[0], body: s })),
  fc
    .integer({ min: 16_385, max: 30_000 })
    .map((n) => ({ type: 'application/json', body: JSON.stringify({ text: 'x'.repeat(n) }) })),
);

const anyCase = (signedIn: boolean): fc.Arbitrary<Case> =>
  fc
    .tuple(route, body, fc.boolean(), fc.ipV4(), fc.constantFrom('POST', 'POST', 'POST', 'GET', 'PUT'))
    .map(([path, b, page, ip, method]) => {
      const headers: Record<string, string> = { 'cf-connecting-ip': ip };
      if (b.type) headers['content-type'] = b.type;
      if (page) headers.accept = 'text/html,application/xhtml+xml';
      // Signed in: this site's page with the owner's session (never signing it out). Else another
      // site's page, or a forged or missing session.
      if (signedIn && path !== '/sign-out') Object.assign(headers, { origin: ORIGIN, cookie: owner });
      else if (signedIn) headers.origin = ORIGIN;
      else
        Object.assign(
          headers,
          fc.sample(
            fc.constantFrom(
              { origin: 'https://evil.example', cookie: owner },
              { 'sec-fetch-site': 'cross-site', cookie: owner },
              { cookie: owner }, // says neither Origin nor Sec-Fetch-Site
              { origin: ORIGIN, cookie: 'baoxiu-session=forged' },
              { origin: ORIGIN },
            ),
            1,
          )[0],
        );
      return { path: `/admin${path}`, headers, method, body: method === 'GET' ? undefined : b.body };
    });

async function check(c: Case): Promise<string | null> {
  const res = await exports.default.fetch(
    new Request(`${ORIGIN}${c.path}`, { method: c.method, headers: c.headers, body: c.body, redirect: 'manual' }),
  );
  const where = `${c.method} ${c.path.slice(0, 120)} ${JSON.stringify(c.body?.slice(0, 120))} → ${res.status}`;
  if (!STATUSES.has(res.status)) return `${where}: unexpected status`;
  if (res.headers.get('x-content-type-options') !== 'nosniff' || res.headers.get('cache-control') !== 'no-store')
    return `${where}: headers`;
  if (res.status === 303)
    return (res.headers.get('location') ?? '').startsWith('/admin/') ? null : `${where}: redirect elsewhere`;
  if (res.status >= 400 && (res.headers.get('content-type') ?? '').includes('application/json')) {
    const { ok, error } = (await res.json()) as { ok?: boolean; error?: string };
    if (ok !== false || !CHINESE.test(error ?? '')) return `${where}: error ${error}`;
  }
  return null;
}

const state = async () => {
  const row = await env.DB.prepare(
    `SELECT (SELECT COUNT(*) FROM lead_events) AS events, (SELECT COUNT(*) FROM operator_log) AS log,
       (SELECT COUNT(*) FROM staff WHERE disabled_at IS NULL) AS staff, (SELECT COUNT(*) FROM sessions WHERE ended_at IS NULL) AS sessions,
       (SELECT COUNT(*) FROM leads) AS leads, (SELECT COUNT(*) FROM passkeys) AS passkeys,
       (SELECT group_concat(stage || status || coalesce(appointment_at, '-') || coalesce(assignee_id, '-'), ',') FROM leads) AS leadsState,
       (SELECT group_concat(generation || coalesce(retried_at, '-'), ',') FROM deliveries) AS retries`,
  ).first();
  return row;
};

const run = (signedIn: boolean) =>
  fc.assert(
    fc.asyncProperty(fc.array(anyCase(signedIn), { minLength: BATCH, maxLength: BATCH }), async (cases) => {
      expect((await Promise.all(cases.map(check))).filter(Boolean)).toEqual([]);
    }),
    { numRuns: BATCHES, seed: Number(process.env.FUZZ_SEED || Date.now() % 2 ** 31), endOnFailure: true, verbose: 0 },
  );

it(
  `${2 * BATCH * BATCHES} fuzzed inbox requests: no 5xx, clear errors; without a session from this site, no change`,
  { timeout: 240_000 },
  async () => {
    const before = await state();
    await run(false);
    expect(await state()).toEqual(before);
    await run(true);
  },
);
