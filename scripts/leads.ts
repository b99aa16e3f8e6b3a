// The operator's command line for lead data, against `npm start` or a deployed Worker:
//
//   npm run leads -- forget <phone> [--url URL]   delete every lead of a phone number (PIPL request)
//   npm run leads -- spam [--url URL]             list the leads kept as spam
//
// URL: --url, else LEADS_URL, else http://127.0.0.1:$PORT (8787). The token: ADMIN_TOKEN, else, for a
// local URL, the one `npm start` generated in .wrangler/local-secrets/.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCAL_SECRETS_DIR } from './local-secrets.ts';

const USAGE = `Usage:
  npm run leads -- forget <phone> [--url URL]   delete every lead of this phone number
  npm run leads -- spam [--url URL]             list leads kept as spam
Settings: LEADS_URL (default http://127.0.0.1:8787), ADMIN_TOKEN (local default: ${LOCAL_SECRETS_DIR}/ADMIN_TOKEN)`;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const args = process.argv.slice(2);
const urlAt = args.indexOf('--url');
const base = (urlAt >= 0 ? args.splice(urlAt, 2)[1] : undefined) ?? process.env.LEADS_URL ?? `http://127.0.0.1:${process.env.PORT ?? '8787'}`;
const [command, ...rest] = args;
if (!command || command === 'help' || command === '--help') fail(USAGE);

function token(): string {
  if (process.env.ADMIN_TOKEN) return process.env.ADMIN_TOKEN;
  const local = join(LOCAL_SECRETS_DIR, 'ADMIN_TOKEN');
  const host = new URL(base).hostname;
  if ((host === '127.0.0.1' || host === 'localhost') && existsSync(local)) return readFileSync(local, 'utf8').trim();
  return fail('Set ADMIN_TOKEN to the token the Worker was given (wrangler secret put ADMIN_TOKEN).');
}

async function call(method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  let res: Response;
  try {
    res = await fetch(new URL(path, base), {
      method,
      headers: { authorization: `Bearer ${token()}`, 'content-type': 'application/json', accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (err) {
    return fail(`Cannot reach ${base}: ${err instanceof Error ? err.message : err}. Is the Worker running (npm start)?`);
  }
  const answer = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (res.status === 401) fail('The Worker refused the token (401): check ADMIN_TOKEN.');
  if (res.status === 404) fail('The admin API is off on this Worker: set its ADMIN_TOKEN secret.');
  if (!res.ok) fail(`HTTP ${res.status}: ${String(answer.error ?? JSON.stringify(answer))}`);
  return answer;
}

if (command === 'forget') {
  const phone = rest.join(' ').trim();
  if (!phone) fail(USAGE);
  const { deleted } = await call('DELETE', '/api/admin/customers', { phone });
  console.log(`Deleted ${deleted} lead(s) of that phone number from ${base}.`);
} else if (command === 'spam') {
  const { leads } = (await call('GET', '/api/admin/leads?status=spam&limit=100')) as { leads: Record<string, string>[] };
  if (!leads.length) console.log('No leads are marked as spam.');
  for (const l of leads) console.log(`${l.created_at}  ${l.reference}  ${l.region_name}  ${JSON.stringify(l.name)}  ${JSON.stringify(l.description).slice(0, 80)}`);
} else {
  fail(`Unknown command ${command}.\n${USAGE}`);
}
